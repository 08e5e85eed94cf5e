import { memberPatch, ROSTER_COLUMNS, type ImportError, type ImportPreviewRow, type ImportResult, type MemberInput } from '../../../common/members';
import { msg } from '../../../common/i18n';
import { refreshStatistics, type Database } from '../../db/database';
import type { MembersTable } from '../../db/tables';
import { AppError } from '../../lib/errors';
import { newId } from '../../lib/ids';
import { nowIso } from '../../lib/time';
import { auditRepo, type Actor, type AuditWrite } from '../audit/audit.repo';
import { insertGroup } from '../groups/groups.service';
import { groupsRepo } from '../groups/groups.repo';
import { auditView, changedColumns, toColumns } from './members.mapping';
import { membersRepo } from './members.repo';
import { emptyRow } from './members.service';
import { parseRoster, RosterFormatError, type ParsedRow } from './roster-parse';

export interface ImportOptions {
  dryRun: boolean;
  skipInvalid: boolean;
}

interface Planned {
  row: ParsedRow;
  input: Partial<MemberInput>;
  groupName: string | null | undefined;
  existing?: MembersTable;
  action: 'create' | 'update' | 'unchanged';
}

/** An import writing this many rows changes a school's tables enough for PostgreSQL to plan them anew. */
const BULK_ROWS = 500;

/**
 * Roster import: parse, plan every row against what is stored, then write all or nothing in one
 * transaction. Upsert by 工号; a second import of the same file plans only 'unchanged'.
 */
export async function importRoster(database: Database, actor: Actor, data: Buffer, opts: ImportOptions): Promise<ImportResult> {
  const { db } = database;
  let parsed;
  try {
    parsed = await parseRoster(data);
  } catch (e) {
    if (e instanceof RosterFormatError) throw new AppError(422, 'invalid_file', e.key);
    throw e;
  }

  const errors: ImportError[] = [];
  const valid: ParsedRow[] = [];
  for (const row of parsed.rows) {
    if (row.errors.length > 0) {
      errors.push(...row.errors);
      continue;
    }
    // The parser already checks formats; this keeps the stored data to the same rules as the form.
    const check = memberPatch.safeParse(withoutGroup(row.member));
    if (!check.success) {
      for (const issue of check.error.issues) errors.push({ row: row.row, column: headerOf(issue.path[0]), message: msg(issue.message) });
      continue;
    }
    valid.push(row);
  }

  const existing = await membersRepo.byEmployeeNos(db, actor.orgId, valid.map((r) => r.member.employeeNo));
  const groupIds = await groupsRepo.namesToIds(db, actor.orgId);
  const newGroups = new Set<string>();
  const plan: Planned[] = valid.map((row) => {
    const { group, ...fields } = row.member;
    const input: Partial<MemberInput> = { ...fields };
    if (group !== undefined) {
      if (group && !groupIds.has(group)) newGroups.add(group);
      input.groupId = group ? (groupIds.get(group) ?? `new:${group}`) : null;
    }
    const before = existing.get(row.member.employeeNo);
    const action = !before ? 'create' : Object.keys(changedColumns(before, toColumns(input))).length ? 'update' : 'unchanged';
    return { row, input, groupName: group, existing: before, action };
  });

  const result: ImportResult = {
    created: plan.filter((p) => p.action === 'create').length,
    updated: plan.filter((p) => p.action === 'update').length,
    unchanged: plan.filter((p) => p.action === 'unchanged').length,
    groupsCreated: newGroups.size,
    skipped: parsed.rows.length - plan.length,
    dryRun: opts.dryRun,
    errors: errors.sort((a, b) => a.row - b.row),
  };
  if (opts.dryRun) return { ...result, preview: preview(parsed.rows, plan) };
  if (errors.length > 0 && !opts.skipInvalid) {
    throw new AppError(422, 'import_invalid', 'err.import_has_errors', { count: errors.length });
  }

  await db.transaction().execute(async (trx) => {
    for (const name of newGroups) groupIds.set(name, await insertGroup(trx, actor, name));
    const now = nowIso();
    const inserts: MembersTable[] = [];
    const audits: AuditWrite[] = [];
    for (const p of plan) {
      if (p.action === 'unchanged') continue;
      if (p.groupName) p.input.groupId = groupIds.get(p.groupName)!;
      const cols = toColumns(p.input);
      if (p.existing) {
        const changes = changedColumns(p.existing, cols);
        await membersRepo.update(trx, actor.orgId, p.existing.id, { ...changes, updated_at: now });
        const before = Object.fromEntries(Object.keys(changes).map((k) => [k, p.existing![k as keyof MembersTable]]));
        audits.push({ action: 'import_update', entity: 'member', entityId: p.existing.id, label: changes.name ?? p.existing.name, before: auditView(before), after: auditView(changes) });
      } else {
        const row = { ...emptyRow(), ...cols, id: newId(), org_id: actor.orgId, created_at: now, updated_at: now } as MembersTable;
        inserts.push(row);
        audits.push({ action: 'import_create', entity: 'member', entityId: row.id, label: row.name, after: auditView(row) });
      }
    }
    await membersRepo.insertMany(trx, inserts);
    await auditRepo.recordMany(trx, actor, audits);
    await auditRepo.record(trx, actor, { action: 'import', entity: 'member', entityId: null, after: { ...result, errors: result.errors.length } });
  });
  if (result.created + result.updated >= BULK_ROWS) await refreshStatistics(database, ['members', 'member_search_keys', 'audit_log']);
  return result;
}

const headerOf = (field: PropertyKey | undefined) => ROSTER_COLUMNS.find((c) => c.field === field)?.header ?? String(field ?? '');
const withoutGroup = ({ group: _g, ...rest }: ParsedRow['member']) => rest;

function preview(rows: ParsedRow[], plan: Planned[]): ImportPreviewRow[] {
  const actions = new Map(plan.map((p) => [p.row.row, p.action]));
  return rows.map((r) => ({
    row: r.row,
    employeeNo: r.member.employeeNo ?? '',
    name: r.member.name ?? '',
    action: actions.get(r.row) ?? 'error',
    values: r.raw,
  }));
}
