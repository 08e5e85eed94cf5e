import type { SessionUser } from '../../../common/auth';
import type { DisclosureStats } from '../../../common/disclosures';
import type { Db } from '../../db/database';
import type { OrgsService } from '../orgs/orgs.service';
import { resolvePeriod } from '../proposals/proposals.stats';
import { catalogRepo } from './disclosures.catalog.repo';
import { disclosuresRepo } from './disclosures.repo';
import { readersRepo } from './disclosures.readers.repo';

/**
 * The year's figures (学年 Sept–Aug in the school's time zone, by publication date): items, 资料份数
 * (their attachments), 期数 (issues published), questions asked and answered, by category.
 */
export async function disclosureStats(db: Db, orgs: OrgsService, user: SessionUser, schoolYear: number | undefined): Promise<DisclosureStats> {
  const orgId = user.org.id;
  // The same 学年 bounds as the proposal figures: the current one unless asked for another.
  const period = await resolvePeriod(db, orgs, orgId, { schoolYear }, true);
  const [year, from, to] = [period.schoolYear!, period.from!, period.to!];
  const items = await disclosuresRepo.publishedIn(db, orgId, from, to);
  const [files, categories, issues, questions] = await Promise.all([
    disclosuresRepo.attachmentCounts(db, orgId, items.map((i) => i.id)),
    catalogRepo.categories(db, orgId),
    catalogRepo.issuesPublishedIn(db, orgId, from, to),
    readersRepo.questionCounts(db, orgId, from, to),
  ]);
  const filesOf = (ids: string[]) => ids.reduce((n, id) => n + (files.get(id) ?? 0), 0);
  const byCategory = categories
    .map((c) => {
      const ids = items.filter((i) => i.category_id === c.id).map((i) => i.id);
      return { categoryId: c.id, categoryCode: c.code, categoryName: c.name, items: ids.length, attachments: filesOf(ids) };
    })
    .filter((c) => c.items > 0);
  return { schoolYear: year, from, to, items: items.length, attachments: filesOf(items.map((i) => i.id)), issues, questions: questions.asked, answered: questions.answered, byCategory };
}
