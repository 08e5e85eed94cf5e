import './suggestions.css';
import { BarChartOutlined, EditOutlined, InboxOutlined, KeyOutlined, NotificationOutlined, UnorderedListOutlined } from '@ant-design/icons';
import { NavList } from '../../app/layout/NavList';
import type { NavItem } from '../../app/layout/nav';
import { useIsPhone } from '../../components/hooks';
import { LinkButton } from '../../components/LinkButton';
import { PageHeader } from '../../components/PageHeader';
import { useT } from '../../i18n';

const LINKS: NavItem[] = [
  { to: '/suggestions/mine', text: 'nav.mySuggestions', icon: UnorderedListOutlined },
  { to: '/suggestions/receipt', text: 'sug.receipt', icon: KeyOutlined },
  { to: '/suggestions/wall', text: 'sug.wall', icon: NotificationOutlined },
  { to: '/suggestions/inbox', text: 'sug.inbox', icon: InboxOutlined, permission: 'suggestions.handle' },
  { to: '/suggestions/figures', text: 'sug.figures', icon: BarChartOutlined, permission: 'suggestions.figures' },
];

/** /suggestions: write first; then following up, the 回音壁, and the inbox and figures for those who answer. */
export default function SuggestionsHome() {
  const t = useT();
  const phone = useIsPhone();
  return (
    <>
      <PageHeader title={t('sug.title')} />
      <section className="tx-panel">
        <p style={{ marginTop: 0 }}>{t('sug.intro')}</p>
        <LinkButton to="/suggestions/new" type="primary" size="large" block={phone} icon={<EditOutlined aria-hidden />} data-testid="sug-write">
          {t('sug.write')}
        </LinkButton>
        <p className="tx-sug-muted" style={{ marginBottom: 0 }}>
          {t('sug.writeHint')}
        </p>
      </section>
      <section className="tx-panel">
        <NavList items={LINKS} className="tx-morenav" label={t('sug.title')} />
      </section>
    </>
  );
}
