import { useEffect, type ReactNode } from 'react';
import { QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import enUS from 'antd/locale/en_US';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { PrefsProvider, usePrefs } from '../i18n';
import { queryClient } from './queryClient';
import { setMessageApi } from './notify';
import { theme } from './theme';

function NotifyBridge() {
  const { message } = AntApp.useApp();
  useEffect(() => {
    setMessageApi(message);
  }, [message]);
  return null;
}

function Themed({ children }: { children: ReactNode }) {
  const { lang, textSize } = usePrefs();
  dayjs.locale(lang === 'zh' ? 'zh-cn' : 'en');
  return (
    // No auto space between two CJK characters in buttons: "登 录" would also be the accessible name.
    <ConfigProvider locale={lang === 'zh' ? zhCN : enUS} theme={theme(textSize)} button={{ autoInsertSpace: false }}>
      <AntApp>
        <NotifyBridge />
        {children}
      </AntApp>
    </ConfigProvider>
  );
}

export function Providers({ children }: { children: ReactNode }) {
  return (
    <QueryClientProvider client={queryClient}>
      <PrefsProvider>
        <Themed>{children}</Themed>
      </PrefsProvider>
    </QueryClientProvider>
  );
}
