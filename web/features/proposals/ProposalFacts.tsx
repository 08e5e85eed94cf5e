import { Descriptions, Timeline } from 'antd';
import { Link } from 'react-router';
import { PROPOSAL_CATEGORY_LABELS, PROPOSAL_RATING_LABELS, PROPOSAL_STATE_LABELS, REPLY_CLASS_LABELS, type Proposal } from '../../../common/proposals';
import { formatTime } from '../../components/format';
import { useLabel, useT } from '../../i18n';
import { OverdueTag, StateTag } from './proposalColumns';

const DECISION_KEYS = { accepted: 'decision.accepted', merged: 'decision.merged', converted: 'decision.converted', rejected: 'decision.rejected' } as const;

/** 案由 facts, 理由 and 措施, and the published decision with its reason. */
export function ProposalFacts({ p }: { p: Proposal }) {
  const t = useT();
  const label = useLabel();
  return (
    <section className="tx-panel" aria-labelledby="proposal-content">
      <h2 className="tx-h2" id="proposal-content">
        {t('proposals.content')}
      </h2>
      <Descriptions column={{ xs: 1, sm: 2 }} size="small" className="tx-proposal-facts">
        <Descriptions.Item label={t('field.state')}>
          <StateTag state={p.state} />
          <OverdueTag overdue={p.overdue} />
        </Descriptions.Item>
        <Descriptions.Item label={t('field.category')}>{label(PROPOSAL_CATEGORY_LABELS, p.category)}</Descriptions.Item>
        <Descriptions.Item label={t('field.proposer')}>{p.proposerName}</Descriptions.Item>
        <Descriptions.Item label={t('field.session')}>{p.sessionName}</Descriptions.Item>
        {p.department && <Descriptions.Item label={t('proposals.department')}>{p.department}</Descriptions.Item>}
        {p.deadline && <Descriptions.Item label={t('field.deadline')}>{p.deadline}</Descriptions.Item>}
        {p.assists.length > 0 && <Descriptions.Item label={t('proposals.assist')}>{p.assists.map((a) => a.department).join('、')}</Descriptions.Item>}
        {p.decision && (
          <Descriptions.Item label={t('proposals.decision')} span={2}>
            {t(DECISION_KEYS[p.decision])}
            {p.decisionReason ? `：${p.decisionReason}` : ''}
          </Descriptions.Item>
        )}
        {p.mergedInto && (
          <Descriptions.Item label={t('proposals.mergedInto')} span={2}>
            <Link to={`/proposals/${p.mergedInto.id}`}>{p.mergedInto.title}</Link>
          </Descriptions.Item>
        )}
        {p.mergedFrom.length > 0 && (
          <Descriptions.Item label={t('proposals.mergedFrom')} span={2}>
            {p.mergedFrom.map((m) => (
              <Link key={m.id} to={`/proposals/${m.id}`} className="tx-inline-link">
                {m.title}
              </Link>
            ))}
          </Descriptions.Item>
        )}
      </Descriptions>
      <h3 className="tx-h3">{t('field.reasons')}</h3>
      <p className="tx-prose">{p.reasons}</p>
      <h3 className="tx-h3">{t('field.measures')}</h3>
      <p className="tx-prose">{p.measures}</p>
    </section>
  );
}

/** What has happened so far, from the dates the detail carries. */
export function ProposalTimeline({ p }: { p: Proposal }) {
  const t = useT();
  const label = useLabel();
  const items = [
    p.submittedAt && { key: 's', content: `${formatTime(p.submittedAt)} ${t('proposals.tlSubmitted')}` },
    p.decidedAt && p.decision && { key: 'd', content: `${formatTime(p.decidedAt)} ${t('proposals.tlDecided', { d: t(DECISION_KEYS[p.decision]) })}` },
    p.department && p.deadline && { key: 'a', content: t('proposals.tlAssigned', { dept: p.department, date: p.deadline }) },
    ...p.replies.flatMap((r) => [
      { key: `r${r.id}`, content: `${formatTime(r.createdAt)} ${t('proposals.tlReply', { n: r.round, c: label(REPLY_CLASS_LABELS, r.class) })}` },
      ...(r.rating ? [{ key: `g${r.id}`, content: t('proposals.tlRated', { r: label(PROPOSAL_RATING_LABELS, r.rating) }) }] : []),
    ]),
    { key: 'now', content: t('proposals.tlNow', { s: label(PROPOSAL_STATE_LABELS, p.state) }), color: p.overdue ? 'red' : 'blue' },
  ].filter((x): x is { key: string; content: string; color?: string } => !!x);
  return (
    <section className="tx-panel" aria-labelledby="proposal-timeline">
      <h2 className="tx-h2" id="proposal-timeline">
        {t('proposals.timeline')}
      </h2>
      <Timeline items={items} data-testid="proposal-timeline" />
    </section>
  );
}
