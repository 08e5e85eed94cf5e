import { useState } from 'react';
import { Alert, App, Button, Progress } from 'antd';
import { DeleteOutlined, EditOutlined, PlayCircleOutlined, StopOutlined } from '@ant-design/icons';
import { useT } from '../../i18n';
import { useCloseVote, useDeleteVote, useOpenVote } from './mutations';
import type { Vote } from './types';
import { useConfirmDanger } from './useConfirmDanger';
import { VoteFormModal } from './VoteFormModal';
import { VoteResultView } from './VoteResultView';
import { VoteTags } from './VoteTags';

/** One vote for the clerk: edit or delete the draft, open it (refused without quorum), watch ballots arrive, close it, read the result. */
export function VoteCard({ sessionId, vote: v }: { sessionId: string; vote: Vote }) {
  const t = useT();
  const { modal } = App.useApp();
  const open = useOpenVote(sessionId);
  const close = useCloseVote(sessionId);
  const remove = useDeleteVote(sessionId);
  const confirm = useConfirmDanger();
  const [editing, setEditing] = useState(false);
  const error = open.error ?? close.error;
  const onDelete = () => confirm({ title: t('congress.deleteVoteConfirm', { title: v.title }), okText: t('common.delete'), onOk: () => remove.mutateAsync(v.id) });

  const onClose = () =>
    modal.confirm({
      title: t('congress.closeVoteNamed', { title: v.title }),
      content: t('congress.closeConfirm', { title: v.title }),
      okText: t('congress.closeVote'),
      cancelText: t('common.cancel'),
      onOk: () => close.mutateAsync(v.id).catch(() => undefined),
    });

  return (
    <article className="tx-card cx-vote" aria-labelledby={`vote-${v.id}`} data-testid="vote-card" data-status={v.status}>
      <h3 id={`vote-${v.id}`} className="cx-h3">
        {v.title}
      </h3>
      <VoteTags vote={v} />
      {v.kind === 'election' && v.status !== 'closed' && (
        <p className="cx-note">{t('congress.candidatesLine', { names: v.candidates.map((c) => c.name).join('、') })}</p>
      )}
      {v.status === 'open' && (
        <div className="cx-progress">
          <span data-testid="vote-cast">{t('congress.castOf', { cast: v.cast, eligible: v.eligible })}</span>
          <Progress percent={v.eligible ? Math.round((v.cast / v.eligible) * 100) : 0} showInfo={false} aria-hidden />
        </div>
      )}
      {v.status === 'closed' && v.result && <VoteResultView result={v.result} />}
      {error && v.status !== 'closed' && <Alert type="error" showIcon className="cx-alert" title={error.message} data-testid="vote-error" />}
      <div className="tx-card-actions">
        {v.status === 'draft' && (
          <Button
            type="primary"
            icon={<PlayCircleOutlined aria-hidden />}
            loading={open.isPending}
            onClick={() => open.mutate(v.id)}
            aria-label={t('congress.openVoteNamed', { title: v.title })}
            data-testid="vote-open"
          >
            {t('congress.openVote')}
          </Button>
        )}
        {v.status === 'draft' && (
          <>
            <Button icon={<EditOutlined aria-hidden />} onClick={() => setEditing(true)} aria-label={t('congress.editVoteNamed', { title: v.title })} data-testid="vote-edit">
              {t('common.edit')}
            </Button>
            <Button danger icon={<DeleteOutlined aria-hidden />} onClick={onDelete} aria-label={t('congress.deleteVoteNamed', { title: v.title })} data-testid="vote-delete">
              {t('common.delete')}
            </Button>
          </>
        )}
        {v.status === 'open' && (
          <Button danger icon={<StopOutlined aria-hidden />} loading={close.isPending} onClick={onClose} aria-label={t('congress.closeVoteNamed', { title: v.title })} data-testid="vote-close">
            {t('congress.closeVote')}
          </Button>
        )}
      </div>
      {editing && <VoteFormModal sessionId={sessionId} open onClose={() => setEditing(false)} vote={v} />}
    </article>
  );
}
