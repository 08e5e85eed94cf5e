import './cases.css';
import type { ReactNode } from 'react';
import { Checkbox, Select } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { Link, useNavigate } from 'react-router';
import {
  CASE_CATEGORIES,
  CASE_CATEGORY_LABELS,
  CASE_EVENT_LABELS,
  CASE_OUTCOME_LABELS,
  CASE_SOURCE_LABELS,
  CASE_STATES,
  CASE_STATE_LABELS,
  type CaseEvent,
  type CaseListItem,
  type CaseState,
} from '../../../common/cases';
import { DataList } from '../../components/DataList';
import { ErrorState } from '../../components/ErrorState';
import { PageHeader } from '../../components/PageHeader';
import { SearchInput } from '../../components/SearchInput';
import { ToneTag, type Tone } from '../../components/ToneTag';
import { formatTime } from '../../components/format';
import { useListQuery } from '../../components/useListQuery';
import { useSearchBox } from '../../components/useSearchBox';
import { useLabel, useOptions, useT, type TextKey } from '../../i18n';

const TONES: Record<CaseState, Tone> = { submitted: 'blue', triaged: 'blue', forwarded: 'orange', responded: 'orange', explained: 'green', closed: 'grey' };

export function StateTags({ state, overdue }: { state: CaseState; overdue?: boolean }) {
  const t = useT();
  const label = useLabel();
  return (
    <>
      <ToneTag tone={TONES[state]}>{label(CASE_STATE_LABELS, state)}</ToneTag>
      {overdue && <ToneTag tone="red">{t('case.overdue')}</ToneTag>}
    </>
  );
}

function useColumns(member: boolean): ColumnsType<CaseListItem> {
  const t = useT();
  const label = useLabel();
  return [
    { key: 'title', title: t('case.subject'), render: (_, c) => <Link to={`/cases/${c.id}`}>{c.title}</Link> },
    { key: 'category', title: t('case.category'), render: (_, c) => label(CASE_CATEGORY_LABELS, c.category) },
    ...(member ? [{ key: 'member', title: t('case.member'), render: (_: unknown, c: CaseListItem) => c.memberName ?? t('case.anonymousSource') }] : []),
    { key: 'raisedOn', title: t('case.raisedOn'), dataIndex: 'raisedOn' },
    { key: 'department', title: t('case.department'), render: (_, c) => c.department ?? '—' },
    { key: 'deadline', title: t('case.deadline'), render: (_, c) => c.deadline ?? '—' },
    { key: 'state', title: t('case.state'), render: (_, c) => <StateTags state={c.state} overdue={c.overdue} /> },
  ];
}

function CaseCard({ c, member }: { c: CaseListItem; member: boolean }) {
  const t = useT();
  const label = useLabel();
  return (
    <>
      <div className="tx-card-title">
        <Link to={`/cases/${c.id}`}>{c.title}</Link>
      </div>
      <div className="tx-card-meta">
        <StateTags state={c.state} overdue={c.overdue} />
        <span>{label(CASE_CATEGORY_LABELS, c.category)}</span>
        {member && <span>{c.memberName ?? t('case.anonymousSource')}</span>}
        <span>{c.raisedOn}</span>
        {c.department && <span>{c.deadline ? `${c.department} · ${t('case.deadline')} ${c.deadline}` : c.department}</span>}
      </div>
    </>
  );
}

interface ListPageProps {
  path: '/api/cases' | '/api/cases/mine' | '/api/cases/assigned';
  title: TextKey;
  intro: TextKey;
  extra?: ReactNode;
  /** The union's inbox and the handler's list show who raised each case and offer the filters. */
  full: boolean;
}

/** 我的诉求, the union's inbox and the handler's list: one list, overdue cases marked and first. */
export function CaseListPage({ path, title, intro, extra, full }: ListPageProps) {
  const t = useT();
  const navigate = useNavigate();
  const options = useOptions();
  const columns = useColumns(full);
  const { filters, set, result, listProps } = useListQuery<CaseListItem>(path);
  const search = useSearchBox(filters.q, (q) => set({ q }));
  const select = (key: 'state' | 'category', aria: string, opts: { value: string; label: string }[]) => (
    <Select aria-label={aria} placeholder={aria} value={filters[key]} onChange={(v?: string) => set({ [key]: v })} options={opts} allowClear data-testid={`cases-${key}`} />
  );
  return (
    <>
      <PageHeader title={t(title)} extra={extra} />
      <div className="tx-panel">
        <p className="tx-case-muted">{t(intro)}</p>
        {full && (
          <div className="tx-filters" role="search">
            <SearchInput label={t('case.search')} placeholder={t('case.searchPlaceholder')} data-testid="cases-search" {...search} />
            {select('state', t('case.state'), options(CASE_STATES, CASE_STATE_LABELS))}
            {select('category', t('case.category'), options(CASE_CATEGORIES, CASE_CATEGORY_LABELS))}
            <Checkbox checked={filters.overdue === '1'} onChange={(e) => set({ overdue: e.target.checked ? '1' : undefined })} data-testid="cases-overdue">
              {t('case.overdueOnly')}
            </Checkbox>
            <Checkbox checked={filters.open === '1'} onChange={(e) => set({ open: e.target.checked ? '1' : undefined })} data-testid="cases-open">
              {t('case.openOnly')}
            </Checkbox>
          </div>
        )}
        {result.error ? (
          <ErrorState error={result.error} onRetry={() => result.refetch()} />
        ) : (
          <DataList<CaseListItem>
            {...listProps}
            label={t(title)}
            rowKey={(c) => c.id}
            columns={columns}
            renderCard={(c) => <CaseCard c={c} member={full} />}
            onRowClick={(c) => navigate(`/cases/${c.id}`)}
            rowClassName={(c) => (c.overdue ? 'tx-case-overdue' : '')}
          />
        )}
      </div>
    </>
  );
}

/** What one step adds to its line: the department and deadline, the outcome, the rating, the source. */
function eventDetail(e: CaseEvent, t: ReturnType<typeof useT>, label: ReturnType<typeof useLabel>): string | null {
  if (e.kind === 'forwarded') return t('case.ev.forwarded', { department: e.department ?? '', handler: e.handler ?? '', deadline: e.deadline ?? '' });
  if (e.kind === 'explained' && e.outcome) return label(CASE_OUTCOME_LABELS, e.outcome);
  if (e.kind === 'closed' && e.rating) return `${t('case.rating')} ${t('case.ratingOf', { n: e.rating })}`;
  if (e.kind === 'created_from') return e.anonymousSource ? t('case.ev.anonymous') : t('case.ev.named', { source: label(CASE_SOURCE_LABELS, e.source) });
  if (e.kind === 'triaged' && e.category) return t('case.ev.category', { c: label(CASE_CATEGORY_LABELS, e.category) });
  return null;
}

/** Every step, oldest first, with who took it and when. */
export function Timeline({ events }: { events: CaseEvent[] }) {
  const t = useT();
  const label = useLabel();
  return (
    <ol className="tx-case-timeline" data-testid="case-timeline">
      {events.map((e) => {
        const detail = eventDetail(e, t, label);
        return (
          <li key={e.id} className={`tx-case-ev-${e.kind}`}>
            <div className="tx-case-ev-head">
              <strong>{label(CASE_EVENT_LABELS, e.kind)}</strong>
              <span className="tx-case-muted">
                {e.actorName ? `${e.actorName} · ` : ''}
                {formatTime(e.at)}
              </span>
            </div>
            {detail && <div className="tx-case-ev-detail">{detail}</div>}
            {e.body && <p className="tx-case-prose">{e.body}</p>}
          </li>
        );
      })}
    </ol>
  );
}
