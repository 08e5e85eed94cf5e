import { App } from 'antd';
import { useNavigate, useParams } from 'react-router';
import { ErrorState } from '../../components/ErrorState';
import { PageHeader } from '../../components/PageHeader';
import { PageSpinner } from '../../components/PageSpinner';
import { useT } from '../../i18n';
import { useMember } from './api';
import { MemberForm } from './MemberForm';

/** /members/new and /members/:id/edit. */
export default function MemberFormPage() {
  const { id } = useParams();
  const t = useT();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const existing = useMember(id);

  if (id && existing.isPending) return <PageSpinner />;
  if (id && existing.error) return <ErrorState error={existing.error} onRetry={() => existing.refetch()} />;
  const member = existing.data;
  return (
    <>
      <PageHeader
        title={member ? t('members.editTitle', { name: member.name }) : t('members.new')}
        back={member ? { to: `/members/${member.id}`, label: member.name } : { to: '/members', label: t('members.title') }}
      />
      <div className="tx-panel tx-form-panel">
        <MemberForm
          member={member}
          onSaved={(m) => {
            message.success(t('common.saved'));
            navigate(`/members/${m.id}`, { replace: true });
          }}
        />
      </div>
    </>
  );
}
