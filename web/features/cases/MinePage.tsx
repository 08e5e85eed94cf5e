import { PlusOutlined } from '@ant-design/icons';
import { LinkButton } from '../../components/LinkButton';
import { useT } from '../../i18n';
import { CaseListPage } from './parts';

/** /cases/mine: every member's own cases, and the way to raise one. */
export default function MinePage() {
  const t = useT();
  return (
    <CaseListPage
      path="/api/cases/mine"
      title="nav.myCases"
      intro="case.mineIntro"
      full={false}
      extra={
        <LinkButton to="/cases/new" type="primary" icon={<PlusOutlined aria-hidden />} data-testid="case-raise">
          {t('case.raise')}
        </LinkButton>
      }
    />
  );
}
