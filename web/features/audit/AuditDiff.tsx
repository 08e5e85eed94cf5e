import { isTextKey, useT } from '../../i18n';

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function show(v: unknown): string {
  if (v === null || v === undefined || v === '') return '—';
  return typeof v === 'object' ? JSON.stringify(v) : String(v);
}

/** Before/after of one audited write, field by field; changed fields are marked, not only coloured. */
export function AuditDiff({ before, after }: { before: unknown; after: unknown }) {
  const t = useT();
  const b = isRecord(before) ? before : {};
  const a = isRecord(after) ? after : {};
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])];
  if (keys.length === 0) return <p className="tx-tile-hint">{t('audit.noDetails')}</p>;
  const name = (k: string) => {
    const key = `field.${k}`;
    return isTextKey(key) ? t(key) : k;
  };
  return (
    <table className="tx-diff">
      <thead>
        <tr>
          <th scope="col">{t('audit.field')}</th>
          <th scope="col">{t('audit.before')}</th>
          <th scope="col">{t('audit.after')}</th>
        </tr>
      </thead>
      <tbody>
        {keys.map((k) => {
          const changed = show(b[k]) !== show(a[k]);
          return (
            <tr key={k} className={changed ? 'tx-diff-changed' : undefined}>
              <th scope="row">
                {name(k)}
                {changed && <span className="tx-diff-mark"> {t('audit.changed')}</span>}
              </th>
              <td>{show(b[k])}</td>
              <td>{show(a[k])}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
