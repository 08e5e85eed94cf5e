import { AGENDA_KIND_LABELS, type ElectionResult, type ResolutionResult } from '../../../common/congress';
import { PROPOSAL_STATE_LABELS, type ProposalFigures, type ProposalListItem } from '../../../common/proposals';
import { cjkDocument, heading, para } from '../../lib/docx';
import { workbookBuffer } from '../../lib/xlsx';
import type { OrgsService } from '../orgs/orgs.service';
import type { CongressService } from './congress.service';

const STATUS_TEXT = { present: '出席', absent: '缺席', leave: '请假' } as const;
const pct = (n: number, d: number) => (d ? `${((n / d) * 100).toFixed(1)}%` : '—');

function resultLines(r: ResolutionResult | ElectionResult): string[] {
  const base = `表决基数 ${r.base} 人（${r.baseKind === 'expected_delegates' ? '应到会代表' : '全体代表'}），过半数为 ${r.threshold} 票；应投 ${r.eligible} 人，实投 ${r.cast} 票。`;
  if (r.kind === 'resolution') {
    return [base, `赞成 ${r.yes} 票，反对 ${r.no} 票，弃权 ${r.abstain} 票。结果：${r.passed ? '通过' : '未通过'}。`];
  }
  const lines = r.candidates.map((c) => `${c.name}：${c.votes} 票${c.elected ? '，当选' : ''}`);
  const tied = r.candidates.filter((c) => r.tied.includes(c.memberId)).map((c) => c.name);
  return [base, `应选 ${r.seats} 人。`, ...lines, ...(tied.length ? [`${tied.join('、')} 票数相同，需另行选举。`] : [])];
}

const rate = (r: number | null) => (r === null ? '—' : `${(r * 100).toFixed(1)}%`);
const names = (rows: { name: string }[]) => rows.map((a) => a.name).join('、') || '无';

/** The proposals of the session as the record lists them: 案由, proposer, where each stands. */
export type RecordProposal = Pick<ProposalListItem, 'code' | 'title' | 'proposerName' | 'state' | 'department'>;

/**
 * One download for the session record: agenda, attendance (应到, 实到, 请假, 缺席 with names), every
 * vote's result, and the proposals gathered for this session (issue 3): `figures` from the 提案 module
 * and the `proposals` themselves as the caller may see them.
 */
export async function sessionRecordDocx(
  c: CongressService, orgs: OrgsService, orgId: string, sessionId: string, figures: ProposalFigures, proposals: RecordProposal[],
): Promise<{ buffer: Buffer; filename: string }> {
  const [org, s, attendance, votes] = await Promise.all([orgs.get(orgId), c.sessions.detail(orgId, sessionId), c.sessions.attendanceList(orgId, sessionId), c.votes.listForSession(orgId, sessionId)]);
  const q = s.quorum;
  const by = (status: keyof typeof STATUS_TEXT) => attendance.filter((a) => a.status === status);
  const [present, leave, absent] = [by('present'), by('leave'), by('absent')];
  const children = [
    heading('一、会议议程'),
    ...(s.agenda.length ? s.agenda.map((a, i) => para(`${i + 1}. ${a.title}（${AGENDA_KIND_LABELS[a.kind].zh}）${a.note ? `：${a.note}` : ''}`)) : [para('（未录入议程）')]),
    heading('二、出席情况'),
    para(
      `本届代表 ${q.delegates} 人，请假 ${leave.length} 人，应到 ${q.expected} 人，实到 ${present.length} 人（占全体代表 ${pct(present.length, q.delegates)}），缺席 ${absent.length} 人；` +
        `法定人数为 ${q.required} 人（全体代表的三分之二），${q.met ? '已达到' : '未达到'}。`,
    ),
    para(`出席代表（${present.length} 人）：${names(present)}`),
    para(`请假代表（${leave.length} 人）：${names(leave)}`),
    para(`缺席代表（${absent.length} 人）：${names(absent)}`),
    para(`列席人员（不计入人数、不参加表决）：${names(s.guests)}`),
    heading('三、表决与选举'),
    ...(votes.length
      ? votes.flatMap((v, i) => [
          heading(`${i + 1}. ${v.title}（${v.kind === 'election' ? '选举' : '表决'}，${v.secret ? '无记名' : '记名'}）`, 2),
          ...(v.result ? resultLines(v.result).map(para) : [para(v.status === 'open' ? '表决进行中。' : '尚未表决。')]),
        ])
      : [para('本次会议无表决事项。')]),
    heading('四、提案'),
    para(
      `本次会议征集提案 ${figures.submitted} 件，立案 ${figures.accepted} 件（立案率 ${rate(figures.acceptedRate)}）；` +
        `已答复或办结 ${figures.done} 件（办结率 ${rate(figures.doneRate)}）；提案人评价 ${figures.rated} 件，满意率 ${rate(figures.satisfactionRate)}。`,
    ),
    ...(proposals.length ? [para('各件提案及办理情况：')] : []),
    ...[...proposals]
      .sort((a, b) => (a.code ?? '').localeCompare(b.code ?? ''))
      .map((p, i) => para(`${p.code ?? i + 1}. ${p.title}（提案人：${p.proposerName}；${PROPOSAL_STATE_LABELS[p.state].zh}${p.department ? `；主办：${p.department}` : ''}）`)),
  ];
  const title = `${org.name}${s.name}会议记录`;
  const buffer = await cjkDocument(title, `${s.date}${s.place ? `　${s.place}` : ''}`, children);
  return { buffer, filename: `${s.name}-会议记录.docx` };
}

export async function attendanceXlsx(c: CongressService, orgId: string, sessionId: string): Promise<{ buffer: Buffer; filename: string }> {
  const [s, list] = await Promise.all([c.sessions.session(orgId, sessionId), c.sessions.attendanceList(orgId, sessionId)]);
  const rows = list.map((a) => [a.name, a.employeeNo, a.delegation ?? '', STATUS_TEXT[a.status], a.method === 'qr' ? '扫码' : a.method === 'clerk' ? '会务登记' : '', a.at ?? '']);
  const buffer = await workbookBuffer([{ name: '签到表', headers: ['姓名', '工号', '代表团', '出席情况', '签到方式', '登记时间（UTC）'], rows, textColumns: [1] }]);
  return { buffer, filename: `${s.name}-签到表.xlsx` };
}
