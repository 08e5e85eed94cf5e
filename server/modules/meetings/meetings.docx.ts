import { MEMBER_STATUS_LABELS } from '../../../common/members';
import { OPINION_TARGET_LABELS, type Meeting } from '../../../common/meetings';
import { cjkDocument, heading, para } from '../../lib/docx';
import { htmlToText } from '../../lib/sanitize';

const list = (items: string[], empty: string) => (items.length ? items.map((t, i) => para(`${i + 1}. ${t}`)) : [para(empty)]);

/** 会议纪要 as Word: when and where, who came (retirees and guests marked), agenda, minutes, decisions, opinions. */
export async function minutesDocx(orgName: string, m: Meeting): Promise<{ buffer: Buffer; filename: string }> {
  const when = [m.date, m.startTime && (m.endTime ? `${m.startTime}—${m.endTime}` : m.startTime)].filter(Boolean).join(' ');
  const who = m.attendeeList.map((a) => (a.guest ? `${a.name}${a.unit ? `（${a.unit}）` : '（来宾）'}` : a.status === 'retired' ? `${a.name}（${MEMBER_STATUS_LABELS.retired.zh}）` : a.name));
  const minutes = htmlToText(m.minutes);
  const children = [
    para(`会议类型：${m.typeName}`),
    para(`时间：${when}`),
    para(`地点：${m.place ?? '—'}`),
    para(`主持人：${m.hostName ?? '—'}`),
    para(`参会人员（${who.length} 人）：${who.join('、') || '—'}`),
    heading('一、会议议程'),
    ...list(m.agenda, '（未录入议程）'),
    heading('二、会议记录'),
    ...(minutes ? minutes.split('\n').map(para) : [para('（未录入）')]),
    heading('三、会议决定'),
    ...list(m.decisions, '（无）'),
    heading('四、意见建议'),
    ...list(
      m.opinionList.map((o) => `${o.raisedBy ? `${o.raisedBy}：` : ''}${o.content}${o.became ? `（已转${OPINION_TARGET_LABELS[o.became.kind].zh}：${o.became.title}）` : ''}`),
      '（无）',
    ),
  ];
  const buffer = await cjkDocument(`${orgName}${m.title}会议纪要`, `${m.typeName}　${when}${m.place ? `　${m.place}` : ''}`, children);
  return { buffer, filename: `${m.date}-${m.title}-会议纪要.docx` };
}
