import { HeadingLevel, Paragraph, TextRun } from 'docx';
import {
  PROPOSAL_CATEGORY_LABELS,
  PROPOSAL_RATING_LABELS,
  PROPOSAL_STATE_LABELS,
  REPLY_CLASS_LABELS,
  type ProposalCategory,
  type ProposalPeriod,
  type ProposalRating,
  type ProposalState,
  type ReplyClass,
} from '../../../common/proposals';
import type { Db } from '../../db/database';
import type { ProposalRepliesTable } from '../../db/tables';
import { cjkDocument } from '../../lib/docx';
import { localDate } from '../../lib/time';
import { workbookBuffer } from '../../lib/xlsx';
import type { OrgsService } from '../orgs/orgs.service';
import { proposalsRepo, type ProposalFilter, type ProposalRow } from './proposals.repo';
import { resolvePeriod } from './proposals.stats';
import { threadRepo } from './proposals.thread.repo';
import { codeOf, isOverdue, proposerOf } from './proposals.view';

// Exports for the committee: the list as .xlsx, and the 提案汇编 (.docx) of every 立案 proposal with its replies.

const category = (c: string) => PROPOSAL_CATEGORY_LABELS[c as ProposalCategory]?.zh ?? c;
const ratingLabel = (r: string | null) => (r ? PROPOSAL_RATING_LABELS[r as ProposalRating].zh : '');

export async function proposalsXlsx(db: Db, orgs: OrgsService, orgId: string, f: ProposalFilter): Promise<Buffer> {
  const tz = (await orgs.get(orgId)).settings.timezone;
  const today = localDate(tz);
  const rows = await proposalsRepo.all(db, orgId, f, today);
  const replies = await threadRepo.repliesOf(db, orgId, rows.map((r) => r.id));
  const last = new Map(replies.map((r) => [r.proposal_id, r]));
  return workbookBuffer([
    {
      name: '提案',
      headers: ['编号', '案由', '会议', '提案人', '类别', '状态', '主办部门', '办理期限', '是否逾期', '提交时间', '答复类别', '评价', '理由', '措施/建议'],
      rows: rows.map((r) => [
        codeOf(r),
        r.title,
        r.session_name,
        proposerOf(r),
        category(r.category),
        PROPOSAL_STATE_LABELS[r.state as ProposalState]?.zh ?? r.state,
        r.department,
        r.deadline,
        isOverdue(r, today) ? '逾期' : '',
        r.submitted_at ? localDate(tz, new Date(r.submitted_at)) : '',
        last.get(r.id) ? REPLY_CLASS_LABELS[last.get(r.id)!.class as ReplyClass].zh : '',
        ratingLabel(r.rating),
        r.reasons,
        r.measures,
      ]),
    },
  ]);
}

const para = (label: string, value: string | null | undefined) =>
  new Paragraph({ spacing: { after: 80 }, children: [new TextRun({ text: `${label}：`, bold: true }), new TextRun(value ?? '')] });

function replyParagraphs(x: ProposalRepliesTable): Paragraph[] {
  const out = [
    new Paragraph({ spacing: { before: 120 }, children: [new TextRun({ text: `${x.round > 1 ? '第二次答复' : '答复'}（${REPLY_CLASS_LABELS[x.class as ReplyClass].zh}）`, bold: true })] }),
    new Paragraph({ spacing: { after: 80 }, children: [new TextRun(x.content)] }),
  ];
  if (x.planned_date) out.push(para('计划解决日期', x.planned_date));
  if (x.explanation) out.push(para('说明', x.explanation));
  if (x.rating) out.push(para('提案人评价', ratingLabel(x.rating) + (x.rating_comment ? `（${x.rating_comment}）` : '')));
  return out;
}

function proposalSection(r: ProposalRow, cosigners: string[], assists: string[], replies: ProposalRepliesTable[]): Paragraph[] {
  return [
    new Paragraph({ heading: HeadingLevel.HEADING_2, spacing: { before: 360 }, children: [new TextRun(`${codeOf(r)}　${r.title}`)] }),
    para('提案人', proposerOf(r)),
    para('附议人', cosigners.join('、')),
    para('类别', category(r.category)),
    para('理由', r.reasons),
    para('措施/建议', r.measures),
    para('承办', `${r.department ?? '未交办'}主办${assists.length ? `，${assists.join('、')}协办` : ''}${r.deadline ? `，期限 ${r.deadline}` : ''}`),
    ...(replies.length ? replies.flatMap(replyParagraphs) : [para('答复', '尚未答复')]),
  ];
}

export async function compilationDocx(db: Db, orgs: OrgsService, orgId: string, p: ProposalPeriod): Promise<Buffer> {
  const org = await orgs.get(orgId);
  const period = await resolvePeriod(db, orgs, orgId, p, false);
  const rows = (await proposalsRepo.forPeriod(db, orgId, period)).filter((r) => r.decision === 'accepted');
  const full = await proposalsRepo.byIds(db, orgId, rows.map((r) => r.id));
  full.sort((a, b) => a.session_id.localeCompare(b.session_id) || (a.number ?? 0) - (b.number ?? 0));
  const replies = await threadRepo.repliesOf(db, orgId, full.map((r) => r.id));
  const sections: Paragraph[] = [];
  for (const r of full) {
    const cosigners = (await proposalsRepo.cosigners(db, orgId, r.id)).filter((c) => c.status === 'accepted').map((c) => c.name);
    const assists = (await proposalsRepo.assists(db, orgId, r.id)).map((a) => a.department);
    sections.push(...proposalSection(r, cosigners, assists, replies.filter((x) => x.proposal_id === r.id)));
  }
  const scope = period.sessionId ? full[0]?.session_name ?? '' : period.schoolYear ? `${period.schoolYear}—${period.schoolYear + 1} 学年` : '';
  return cjkDocument(`${org.name}教职工代表大会提案汇编`, `${scope}　立案 ${full.length} 件　${localDate(org.settings.timezone)} 编印`, full.length ? sections : [new Paragraph('本期无立案提案。')]);
}
