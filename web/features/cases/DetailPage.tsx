import './cases.css';
import { Descriptions } from 'antd';
import { Link, useParams } from 'react-router';
import { CASE_CATEGORY_LABELS, CASE_OUTCOME_LABELS, OPEN_CASE_STATES, type Case } from '../../../common/cases';
import { Attachments } from '../../components/Attachments';
import { ErrorState } from '../../components/ErrorState';
import { PageHeader } from '../../components/PageHeader';
import { PageSpinner } from '../../components/PageSpinner';
import { useLabel, useT } from '../../i18n';
import { useCase } from './api';
import { ClosePanel, ConfirmPanel, ExplainPanel, ForwardPanel, TextStep, TriagePanel } from './DetailPanels';
import { StateTags, Timeline } from './parts';

/** /cases/:id: for its member, the union's case handlers and the handler it was forwarded to; each sees what they can act on. */
export default function DetailPage() {
  const { id = '' } = useParams();
  const t = useT();
  const query = useCase(id);
  if (query.isPending) return <PageSpinner />;
  if (query.error) return <ErrorState error={query.error} onRetry={() => query.refetch()} />;
  const c = query.data;
  const open = c.state !== 'closed';
  const back = c.canManage ? { to: '/cases', label: t('nav.cases') } : c.isHandler ? { to: '/cases/assigned', label: t('nav.assignedCases') } : { to: '/cases/mine', label: t('nav.myCases') };
  const canAttach = open && (c.mine || c.canManage || (c.isHandler && c.state === 'forwarded'));
  return (
    <>
      <PageHeader title={c.title} back={back} />
      <div className="tx-case-detail">
        <div>
          <Facts c={c} />
          <Attachments title={t('files.attachments')} ownerKind="case" ownerId={c.id} editable={canAttach} data-testid="case-attachments" />
          <section className="tx-panel" aria-labelledby="case-timeline">
            <h2 className="tx-h2" id="case-timeline">
              {t('case.timeline')}
            </h2>
            <Timeline events={c.events} />
          </section>
        </div>
        <div>
          {c.mine && c.state === 'explained' && <ConfirmPanel c={c} />}
          {c.isHandler && c.state === 'forwarded' && <TextStep c={c} step="respond" title="case.respond" hint="case.respondHint" submit="case.send" />}
          {c.canManage && c.state === 'submitted' && <TriagePanel c={c} />}
          {c.canManage && ['triaged', 'forwarded', 'responded'].includes(c.state) && <ForwardPanel c={c} />}
          {c.canManage && OPEN_CASE_STATES.includes(c.state) && <ExplainPanel c={c} />}
          {c.canManage && c.state === 'explained' && c.memberName === null && <ClosePanel c={c} />}
          {c.mine && open && <TextStep c={c} step="info" title="case.addInfo" hint="case.addInfoHint" submit="case.send" />}
        </div>
      </div>
    </>
  );
}

function Facts({ c }: { c: Case }) {
  const t = useT();
  const label = useLabel();
  return (
    <section className="tx-panel" aria-label={t('case.content')}>
      <Descriptions
        column={{ xs: 1, sm: 2 }}
        size="small"
        items={[
          { key: 'state', label: t('case.state'), children: <StateTags state={c.state} overdue={c.overdue} /> },
          { key: 'category', label: t('case.category'), children: label(CASE_CATEGORY_LABELS, c.category) },
          ...(!c.mine ? [{ key: 'member', label: t('case.member'), children: c.memberName ?? t('case.anonymousSource') }] : []),
          { key: 'raisedOn', label: t('case.raisedOn'), children: c.raisedOn },
          ...(c.department ? [{ key: 'department', label: t('case.department'), children: c.handlerName ? `${c.department}（${c.handlerName}）` : c.department }] : []),
          ...(c.deadline ? [{ key: 'deadline', label: t('case.deadline'), children: c.deadline }] : []),
          ...(c.source && c.canManage && c.source.kind === 'suggestion'
            ? [{ key: 'source', label: t('case.source'), children: <Link to={`/suggestions/${c.source.id}`}>{t('case.openSource')}</Link> }]
            : []),
          ...(c.rating ? [{ key: 'rating', label: t('case.rating'), children: t('case.ratingOf', { n: c.rating }) }] : []),
        ]}
      />
      <p className="tx-case-prose tx-case-body" data-testid="case-content">
        {c.content}
      </p>
      {c.response && (
        <div className="tx-case-answer tx-case-dept" data-testid="case-response">
          <strong>{t('case.responseOn', { date: c.respondedOn ?? '' })}</strong>
          <p className="tx-case-prose">{c.response}</p>
        </div>
      )}
      {c.explanation && (
        <div className="tx-case-answer" style={{ marginTop: 8 }} data-testid="case-explanation">
          <strong>{t('case.explanationOn', { outcome: label(CASE_OUTCOME_LABELS, c.outcome), date: c.explainedOn ?? '' })}</strong>
          <p className="tx-case-prose">{c.explanation}</p>
        </div>
      )}
    </section>
  );
}
