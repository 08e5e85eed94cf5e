import './suggestions.css';
import { EditOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router';
import type { SuggestionListItem } from '../../../common/suggestions';
import { DataList } from '../../components/DataList';
import { ErrorState } from '../../components/ErrorState';
import { LinkButton } from '../../components/LinkButton';
import { PageHeader } from '../../components/PageHeader';
import { useListQuery } from '../../components/useListQuery';
import { useT } from '../../i18n';
import { SuggestionCard, useSuggestionColumns } from './parts';

/** /suggestions/mine: the caller's named suggestions. Anonymous ones are tied to no account, so never here. */
export default function MinePage() {
  const t = useT();
  const navigate = useNavigate();
  const columns = useSuggestionColumns(false);
  const { result, listProps } = useListQuery<SuggestionListItem>('/api/suggestions/mine');
  return (
    <>
      <PageHeader
        title={t('nav.mySuggestions')}
        back={{ to: '/suggestions', label: t('sug.title') }}
        extra={
          <LinkButton to="/suggestions/new" type="primary" icon={<EditOutlined aria-hidden />}>
            {t('sug.write')}
          </LinkButton>
        }
      />
      <div className="tx-panel">
        <p className="tx-sug-muted">{t('sug.mineNote')}</p>
        {result.error ? (
          <ErrorState error={result.error} onRetry={() => result.refetch()} />
        ) : (
          <DataList<SuggestionListItem>
            {...listProps}
            label={t('nav.mySuggestions')}
            rowKey={(s) => s.id}
            columns={columns}
            renderCard={(s) => <SuggestionCard s={s} writer={false} />}
            onRowClick={(s) => navigate(`/suggestions/${s.id}`)}
          />
        )}
      </div>
    </>
  );
}
