import type { Config } from './config';
import type { Database } from './db/database';
import { createAuditService } from './modules/audit/audit.service';
import { createAuthService } from './modules/auth/auth.service';
import { createCongressService } from './modules/congress/congress.service';
import { createGroupsService } from './modules/groups/groups.service';
import { createMembersService } from './modules/members/members.service';
import { createNotificationsService } from './modules/notifications/notifications.service';
import { createOrgsService } from './modules/orgs/orgs.service';
import { createProposalsService } from './modules/proposals/proposals.service';
import { createSetupService } from './modules/setup/setup.service';
import { createUsersService } from './modules/users/users.service';
import { createDepartmentsService } from './modules/departments/departments.service';
import { createSuggestionsService } from './modules/suggestions/suggestions.service';
import { createFilesService } from './modules/files/files.service';
import { congressSessionFiles } from './modules/congress/congress.files';
import { proposalFiles } from './modules/proposals/proposals.files';
import { suggestionFiles } from './modules/suggestions/suggestions.files';
import { createDisclosuresService } from './modules/disclosures/disclosures.service';
import { disclosureFiles } from './modules/disclosures/disclosures.files';
import { createCareService } from './modules/care/care.service';
import { createFundsService } from './modules/funds/funds.service';
import { createHardshipService } from './modules/hardship/hardship.service';
import { createCasesService } from './modules/cases/cases.service';
import { caseFiles } from './modules/cases/cases.files';
import { createMeetingsService } from './modules/meetings/meetings.service';
import { meetingFiles } from './modules/meetings/meetings.files';

/** Every domain service, built once per app over one database. A new capability adds one line here. */
export function createServices(config: Config, database: Database) {
  const { db } = database;
  const auth = createAuthService(db, config.sessionHours);
  // Sessions carry the organisation's name and time zone, and the account's roles and member.
  const orgs = createOrgsService(db, auth.forgetSessions);
  return {
    config,
    dialect: database.dialect,
    orgs,
    auth,
    audit: createAuditService(db),
    groups: createGroupsService(db),
    members: createMembersService(database),
    users: createUsersService(db, auth.forgetSessions),
    setup: createSetupService(db, orgs, auth),
    congress: createCongressService(database, orgs),
    notifications: createNotificationsService(db),
    proposals: createProposalsService(db, orgs),
    departments: createDepartmentsService(db),
    suggestions: createSuggestionsService(database, orgs),
    disclosures: createDisclosuresService(db, orgs),
    care: createCareService(database, orgs),
    funds: createFundsService(db, orgs),
    hardship: createHardshipService(database, orgs),
    cases: createCasesService(db),
    meetings: createMeetingsService(db, orgs),
    files: createFilesService(db, config.uploadLimitMb, { congress_session: congressSessionFiles(db), proposal: proposalFiles(db), suggestion: suggestionFiles(db), disclosure: disclosureFiles(db, orgs), case: caseFiles(db), meeting: meetingFiles(db) }),
  };
}
export type Services = ReturnType<typeof createServices>;
