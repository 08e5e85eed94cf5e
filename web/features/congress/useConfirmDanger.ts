import { App } from 'antd';
import { useNavigate } from 'react-router';
import { toasted } from '../../app/notify';
import { useT } from '../../i18n';

/**
 * "Delete / remove this?" with a red OK button. A refusal (the server says why, e.g. the session has
 * attendance) shows as the usual toast; `onOk` resolves only after success.
 */
export function useConfirmDanger() {
  const t = useT();
  const { modal } = App.useApp();
  return ({ title, content, okText, onOk }: { title: string; content?: string; okText: string; onOk: () => Promise<unknown> }) =>
    modal.confirm({
      title,
      content,
      okText,
      okButtonProps: { danger: true, 'data-testid': 'confirm-ok' },
      cancelText: t('common.cancel'),
      onOk: () => toasted(onOk()),
    });
}

/** A term's or a session's page deleting itself: confirm, delete, say so, go back to /congress. */
export function useDeletePage(remove: () => Promise<unknown>) {
  const t = useT();
  const confirm = useConfirmDanger();
  const navigate = useNavigate();
  const { message } = App.useApp();
  return ({ title, content, name }: { title: string; content: string; name: string }) =>
    confirm({
      title,
      content,
      okText: t('common.delete'),
      onOk: async () => {
        await remove();
        message.success(t('congress.deletedNamed', { name }));
        navigate('/congress', { replace: true });
      },
    });
}
