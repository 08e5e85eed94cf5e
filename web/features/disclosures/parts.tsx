import { useCallback, type ReactNode } from 'react';
import { Empty, Spin } from 'antd';
import { DISCLOSURE_AUDIENCE_LABELS, DISCLOSURE_STATE_LABELS, categoryName, type DisclosureAudience, type DisclosureIssue, type DisclosureListItem, type DisclosureState } from '../../../common/disclosures';
import { ErrorState } from '../../components/ErrorState';
import { ToneTag, type Tone } from '../../components/ToneTag';
import { useLabel, usePrefs, useT } from '../../i18n';

const STATE_TONES: Record<DisclosureState, Tone> = { draft: 'grey', submitted: 'orange', approved: 'blue', published: 'green', archived: 'grey' };
const AUDIENCE_TONES: Record<DisclosureAudience, Tone> = { staff: 'blue', delegates: 'orange', public: 'green' };

export function StateTag({ item }: { item: Pick<DisclosureListItem, 'state' | 'returned'> }) {
  const t = useT();
  const label = useLabel();
  if (item.returned) return <ToneTag tone="red">{t('disclosures.return')}</ToneTag>;
  return <ToneTag tone={STATE_TONES[item.state]}>{label(DISCLOSURE_STATE_LABELS, item.state)}</ToneTag>;
}

export function AudienceTag({ audience }: { audience: DisclosureAudience }) {
  const label = useLabel();
  return <ToneTag tone={AUDIENCE_TONES[audience]}>{label(DISCLOSURE_AUDIENCE_LABELS, audience)}</ToneTag>;
}

export function IssueStateTag({ issue }: { issue: Pick<DisclosureIssue, 'state'> }) {
  const t = useT();
  return <ToneTag tone={issue.state === 'published' ? 'green' : 'orange'}>{t(`disclosures.issueState.${issue.state}`)}</ToneTag>;
}

/** A category's name in the UI language (a default one keeps its English name until renamed). */
export function useCategoryName() {
  const { lang } = usePrefs();
  return useCallback((c: { categoryCode?: string | null; code?: string | null; categoryName?: string; name?: string }) => categoryName({ code: c.categoryCode ?? c.code ?? null, name: c.categoryName ?? c.name ?? '' }, lang), [lang]);
}

/** 2025学年第N期, with its title when it has one. */
export function useIssueLabel() {
  const t = useT();
  return useCallback(
    (i: { schoolYear: number | null; number: number | null; title?: string | null } | null | undefined) => {
      if (!i || i.number == null || i.schoolYear == null) return '';
      const p = { y: i.schoolYear, y2: i.schoolYear + 1, n: i.number };
      return i.title ? t('disclosures.issueNoTitle', { ...p, title: i.title }) : t('disclosures.issueNo', p);
    },
    [t],
  );
}

export function usePeriodText() {
  const t = useT();
  return useCallback(
    (i: { visibleFrom: string; visibleTo: string | null }) => (i.visibleTo ? t('disclosures.periodRange', { from: i.visibleFrom, to: i.visibleTo }) : t('disclosures.periodOpen', { from: i.visibleFrom })),
    [t],
  );
}

/** A list of link cards (feed, issues, review queue): loading, failure and emptiness handled alike. */
export function CardList<T extends { id: string }>(props: {
  query: { error: Error | null; isFetching: boolean; refetch: () => unknown };
  items: T[] | undefined;
  label: string;
  empty: string;
  card: (item: T) => ReactNode;
  footer?: ReactNode;
}) {
  const { query, items, label, empty, card, footer } = props;
  if (query.error) return <ErrorState error={query.error} onRetry={() => query.refetch()} />;
  return (
    <Spin spinning={query.isFetching}>
      {items && items.length === 0 ? (
        <Empty description={empty} />
      ) : (
        <ul className="dx-feed" aria-label={label}>
          {items?.map((i) => <li key={i.id}>{card(i)}</li>)}
        </ul>
      )}
      {footer}
    </Spin>
  );
}

/** Sanitized on the server (server/lib/sanitize.ts) before it was stored: safe to render as HTML. */
export function RichContent({ html, className = '' }: { html: string; className?: string }) {
  return <div className={`dx-content ${className}`} dangerouslySetInnerHTML={{ __html: html }} />;
}
