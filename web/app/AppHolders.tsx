import { useEffect, useMemo } from 'react';
import { Modal, message, notification } from 'antd';
import type { useAppProps } from 'antd/es/app/context';

/** antd's message, notification and modal, as its <App> makes them; loaded after the first screen (Providers.tsx). */
export default function AppHolders({ onReady }: { onReady: (apis: useAppProps) => void }) {
  const [messageApi, messageHolder] = message.useMessage();
  const [notificationApi, notificationHolder] = notification.useNotification();
  const [modalApi, modalHolder] = Modal.useModal();
  const apis = useMemo(() => ({ message: messageApi, notification: notificationApi, modal: modalApi }), [messageApi, notificationApi, modalApi]);
  useEffect(() => onReady(apis), [onReady, apis]);
  return (
    <>
      {modalHolder}
      {messageHolder}
      {notificationHolder}
    </>
  );
}
