import { Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import { PROPOSAL_RATING_LABELS, REPLY_CLASS_LABELS, type ProposalFigures, type ProposalPeriod, type ProposalRating, type ReplyClass } from '../../../common/proposals';
import type { Db } from '../../db/database';
import { cjkDocument, heading, para } from '../../lib/docx';
import { localDate } from '../../lib/time';
import type { OrgsService } from '../orgs/orgs.service';
import { proposalsRepo } from './proposals.repo';
import { proposalStats } from './proposals.stats';
import { threadRepo } from './proposals.thread.repo';
import { codeOf, isOverdue } from './proposals.view';

// 提案办理情况报告: what the 提案工作委员会 reports to the next session (DOMAIN.md: 审议上一届提案办理情况报告):
// the figures, by category and by 主办 department, then every 立案 proposal with its number, 主办,
// reply class and the proposer's rating. Same period rules as the figures (a session, or a 学年).

const percent = (r: number | null) => (r === null ? '—' : `${(r * 100).toFixed(1)}%`);

function table(headers: string[], rows: (string | number)[][]): Table {
  const cell = (text: string | number, bold = false) => new TableCell({ children: [new Paragraph({ children: [new TextRun({ text: String(text), bold })] })] });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [new TableRow({ tableHeader: true, children: headers.map((h) => cell(h, true)) }), ...rows.map((r) => new TableRow({ children: r.map((c) => cell(c)) }))],
  });
}

const figureCells = (f: ProposalFigures) => [f.submitted, f.accepted, percent(f.acceptedRate), f.done, percent(f.doneRate), percent(f.satisfactionRate)];
const FIGURE_HEADERS = ['提案数', '立案数', '立案率', '办结数', '办结率', '满意率'];

export async function handlingReportDocx(db: Db, orgs: OrgsService, orgId: string, p: ProposalPeriod): Promise<Buffer> {
  const org = await orgs.get(orgId);
  const today = localDate(org.settings.timezone);
  const stats = await proposalStats(db, orgs, orgId, p);
  const { period, total } = stats;
  const rows = await proposalsRepo.forPeriod(db, orgId, { sessionId: period.sessionId ?? undefined, from: period.from ?? undefined, to: period.to ?? undefined });
  const accepted = await proposalsRepo.byIds(db, orgId, rows.filter((r) => r.decision === 'accepted').map((r) => r.id));
  accepted.sort((a, b) => (a.number ?? 0) - (b.number ?? 0) || (a.submitted_at ?? '').localeCompare(b.submitted_at ?? ''));
  const replies = await threadRepo.repliesOf(db, orgId, accepted.map((r) => r.id));
  const lastReply = new Map(replies.map((r) => [r.proposal_id, r])); // ordered by round: the last one wins

  const count = (pred: (r: (typeof rows)[number]) => boolean) => rows.filter(pred).length;
  const byClass = (c: ReplyClass) => [...lastReply.values()].filter((r) => r.class === c).length;
  const byRating = (x: ProposalRating) => count((r) => r.rating === x);
  const inHand = accepted.filter((r) => r.state === 'accepted' || r.state === 'assigned');

  const session = period.sessionId ? await threadRepo.session(db, orgId, period.sessionId) : undefined;
  const scope = session ? session.name : `${period.schoolYear}—${Number(period.schoolYear) + 1} 学年`;
  const rating = (r: (typeof accepted)[number]) =>
    r.rating ? PROPOSAL_RATING_LABELS[r.rating as ProposalRating].zh : r.reopened && r.state === 'assigned' ? '不满意，重新办理中' : '未评价';
  const children = [
    heading('一、提案征集与立案'),
    para(
      `本期共收到提案 ${total.submitted} 件。经提案工作委员会审查，立案 ${total.accepted} 件，立案率 ${percent(total.acceptedRate)}；` +
        `并案 ${count((r) => r.decision === 'merged')} 件，转为意见建议 ${count((r) => r.decision === 'converted')} 件，` +
        `不予立案 ${count((r) => r.decision === 'rejected')} 件，尚待审查 ${count((r) => r.state === 'submitted')} 件。`,
    ),
    heading('二、办理情况'),
    para(
      `立案提案已答复或办结 ${total.done} 件，办结率 ${percent(total.doneRate)}；其中 A 类（已解决）${byClass('A')} 件，` +
        `B 类（列入计划解决）${byClass('B')} 件，C 类（暂不能解决）${byClass('C')} 件。` +
        `尚在办理 ${inHand.length} 件，其中逾期 ${inHand.filter((r) => isOverdue(r, today)).length} 件。`,
    ),
    heading('三、提案人评价'),
    para(
      `提案人已评价 ${total.rated} 件：满意 ${byRating('satisfied')} 件，基本满意 ${byRating('basically_satisfied')} 件，` +
        `不满意 ${byRating('unsatisfied')} 件，满意率 ${percent(total.satisfactionRate)}。`,
    ),
    heading('四、分类别统计'),
    table(['类别', ...FIGURE_HEADERS], stats.byCategory.map((c) => [c.label, ...figureCells(c)])),
    heading('五、分主办部门统计'),
    stats.byDepartment.length ? table(['主办部门', '交办数', ...FIGURE_HEADERS.slice(1)], stats.byDepartment.map((d) => [d.department, ...figureCells(d)])) : para('本期尚无交办的提案。'),
    heading('六、立案提案办理明细'),
    accepted.length
      ? table(
          ['编号', '案由', '主办部门', '答复类别', '评价'],
          accepted.map((r) => {
            const reply = lastReply.get(r.id);
            return [codeOf(r) ?? '', r.title, r.department ?? '未交办', reply ? REPLY_CLASS_LABELS[reply.class as ReplyClass].zh : '尚未答复', rating(r)];
          }),
        )
      : para('本期无立案提案。'),
  ];
  return cjkDocument(`${org.name}教职工代表大会提案办理情况报告`, `${scope}　提案工作委员会　${today}`, children);
}
