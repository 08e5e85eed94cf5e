import type { ImportResult } from '../../../../common/members';
import { useT, type TextKey } from '../../../i18n';

const COUNTS: { key: 'created' | 'updated' | 'unchanged' | 'groupsCreated' | 'skipped'; text: TextKey }[] = [
  { key: 'created', text: 'import.created' },
  { key: 'updated', text: 'import.updated' },
  { key: 'unchanged', text: 'import.unchanged' },
  { key: 'groupsCreated', text: 'import.groupsCreated' },
  { key: 'skipped', text: 'import.skipped' },
];

/** The counts of a preview or a finished import, errors included. */
export function ImportSummary({ result }: { result: ImportResult }) {
  const t = useT();
  // A preview's `skipped` only says what *would* be skipped; it means something after the real run.
  const shown = COUNTS.filter((c) => c.key !== 'skipped' || (!result.dryRun && result.skipped > 0));
  return (
    <dl className="tx-stats" data-testid="import-summary">
      {shown.map(({ key, text }) => (
        <div key={key}>
          <dt>{t(text)}</dt>
          <dd>{result[key]}</dd>
        </div>
      ))}
      <div className={result.errors.length ? 'tx-stat-bad' : undefined}>
        <dt>{t('import.errors')}</dt>
        <dd>{result.errors.length}</dd>
      </div>
    </dl>
  );
}
