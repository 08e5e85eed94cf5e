import { Button } from 'antd';
import { useT } from '../i18n';

/** Big previous/next buttons: antd's mini pager has targets too small for a thumb. */
export function PhonePager({ page, pageSize, total, onChange }: { page: number; pageSize: number; total: number; onChange: (page: number, size: number) => void }) {
  const t = useT();
  const pages = Math.max(1, Math.ceil(total / pageSize));
  return (
    <nav className="tx-pager" aria-label={t('common.pagination')}>
      <Button disabled={page <= 1} onClick={() => onChange(page - 1, pageSize)}>
        {t('common.prevPage')}
      </Button>
      <span aria-live="polite">{t('common.pageOf', { page, pages, total })}</span>
      <Button disabled={page >= pages} onClick={() => onChange(page + 1, pageSize)}>
        {t('common.nextPage')}
      </Button>
    </nav>
  );
}
