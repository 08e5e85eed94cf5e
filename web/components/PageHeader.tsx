import { useEffect, useState, type ReactNode } from 'react';
import { Link } from 'react-router';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { useT } from '../i18n';
import { backTo } from './listViews';

export function usePageTitle(title: string) {
  const t = useT();
  useEffect(() => {
    document.title = `${title} · ${t('app.name')}`;
  }, [title, t]);
}

interface Props {
  title: string;
  /** Link back up the hierarchy (detail → list, at the list's last filters and page); shown above the title. */
  back?: { to: string; label: string };
  /** Actions at the right on desktop; they wrap under the title on a phone. */
  extra?: ReactNode;
}

/** The page's one <h1>, its document title and its main actions. */
export function PageHeader({ title, back, extra }: Props) {
  usePageTitle(title);
  // Resolved after mount: the server draws the plain link, and the first render in the browser must match it.
  const [backHref, setBackHref] = useState(back?.to);
  useEffect(() => setBackHref(back && backTo(back.to)), [back?.to]);
  return (
    <div className="tx-page-header">
      {back && (
        <Link to={backHref ?? back.to} className="tx-back">
          <ArrowLeftOutlined aria-hidden /> {back.label}
        </Link>
      )}
      <div className="tx-page-header-row">
        <h1 className="tx-h1">{title}</h1>
        {extra && <div className="tx-actions">{extra}</div>}
      </div>
    </div>
  );
}
