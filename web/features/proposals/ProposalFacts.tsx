import { Descriptions, Timeline } from 'antd';
import { Link } from 'react-router';
import { PROPOSAL_CATEGORY_LABELS, PROPOSAL_RATING_LABELS, PROPOSAL_STATE_LABELS, REPLY_CLASS_LABELS, type Proposal, type ProposalEvent } from '../../../common/proposals';
import { formatTime } from '../../components/format';
import { useLabel, useT } from '../../i18n';
import { FromMeeting } from '../meetings/FromMeeting';
import { proposerLabel } from './actions';
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
        {p.code && (
          <Descriptions.Item label={t('field.number')}>
            <span data-testid="proposal-code">{p.code}</span>
          </Descriptions.Item>
        )}
        <Descriptions.Item label={t('field.state')}>
          <StateTag state={p.state} />
          <OverdueTag overdue={p.overdue} />
        </Descriptions.Item>
        <Descriptions.Item label={t('field.category')}>{label(PROPOSAL_CATEGORY_LABELS, p.category)}</Descriptions.Item>
        <Descriptions.Item label={t('field.proposer')}>{proposerLabel(p, t)}</Descriptions.Item>
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
        {p.fromMeeting && (
          <Descriptions.Item label={t('mtg.fromMeeting')} span={2}>
            <FromMeeting source={p.fromMeeting} />
          </Descriptions.Item>
        )}
      </Descriptions>
      <h3 className="tx-h3">{t('field.reasons')}</h3>
      <p className="tx-prose">{p.reasons}</p>
      <h3 className="tx-h3">{t('field.measures')}</h3>
      {/* A draft made from a meeting's opinion waits for its proposer to write the measures. */}
      <p className={p.measures ? 'tx-prose' : 'tx-prose tx-muted'}>{p.measures || t('proposals.measuresMissing')}</p>
    </section>
  );
}

// Dot colours by meaning (antd's named 'blue' would take the theme's red primary).
const TONE = { blue: '#1d4ed8', green: '#237804', red: '#a8071a', grey: '#8c8c8c' };

/** What has happened so far: the server's event history, names as they were at the time. */
export function ProposalTimeline({ p }: { p: Proposal }) {
  const t = useT();
  const label = useLabel();
  const describe = (e: ProposalEvent): string => {
    switch (e.kind) {
      case 'invited':
        return t('tl.invited', { names: (e.names ?? []).join('、') });
      case 'submitted':
        return p.code ? t('tl.submitted', { code: p.code }) : t('tl.submittedPlain');
      case 'decided':
        return t('tl.decided', { d: e.decision ? t(DECISION_KEYS[e.decision]) : '' }) + (e.mergedInto ? `，${t('tl.mergedInto', { title: e.mergedInto.title })}` : '');
      case 'assigned': {
        const again = p.timeline.slice(0, p.timeline.indexOf(e)).some((x) => x.kind === 'assigned');
        const assists = e.assists?.length ? `；${t('tl.assists', { list: e.assists.map((a) => `${a.department}（${a.handlerName}）`).join('、') })}` : '';
        return t(again ? 'tl.reassigned' : 'tl.assigned', { dept: e.department ?? '', handler: e.handlerName ?? '', date: e.deadline ?? '' }) + assists;
      }
      case 'replied':
        return t('proposals.tlReply', { n: e.round ?? 1, c: e.replyClass ? label(REPLY_CLASS_LABELS, e.replyClass) : '' });
      case 'rated':
        return t('proposals.tlRated', { r: e.rating ? label(PROPOSAL_RATING_LABELS, e.rating) : '' });
      default:
        return t(`tl.${e.kind}`);
    }
  };
  const items = [
    ...p.timeline.map((e) => ({
      key: e.id,
      content: (
        <>
          <div className="tx-muted">
            {formatTime(e.at)}
            {e.actorName ? ` · ${e.actorName}` : ''}
          </div>
          {describe(e)}
        </>
      ),
      color: e.kind === 'reopened' || e.kind === 'declined' ? TONE.red : e.kind === 'rated' || e.kind === 'replied' ? TONE.green : TONE.blue,
    })),
    { key: 'now', content: t('proposals.tlNow', { s: label(PROPOSAL_STATE_LABELS, p.state) }), color: p.overdue ? TONE.red : TONE.grey },
  ];
  return (
    <section className="tx-panel" aria-labelledby="proposal-timeline">
      <h2 className="tx-h2" id="proposal-timeline">
        {t('proposals.timeline')}
      </h2>
      <Timeline items={items} data-testid="proposal-timeline" />
    </section>
  );
}
