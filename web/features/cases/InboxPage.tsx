import { BarChartOutlined, DownloadOutlined } from '@ant-design/icons';
import { DownloadButton } from '../../components/DownloadButton';
import { LinkButton } from '../../components/LinkButton';
import { useT } from '../../i18n';
import { CaseListPage } from './parts';

/** /cases: the union's inbox of every case, overdue ones first, with the figures and the year's export. */
export default function InboxPage() {
  const t = useT();
  return (
    <CaseListPage
      path="/api/cases"
      title="nav.cases"
      intro="case.inboxIntro"
      full
      extra={
        <>
          <LinkButton to="/cases/figures" icon={<BarChartOutlined aria-hidden />}>
            {t('case.figures')}
          </LinkButton>
          <DownloadButton path="/api/cases/export" fallbackName="权益诉求.xlsx" icon={<DownloadOutlined aria-hidden />} data-testid="cases-export">
            {t('case.export')}
          </DownloadButton>
        </>
      }
    />
  );
}
