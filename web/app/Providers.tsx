import { lazy, StrictMode, Suspense, useCallback, useEffect, useState, type ComponentType, type ReactNode } from 'react';
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { ConfigProvider, theme as antTheme } from 'antd';
import AppContext, { type useAppProps } from 'antd/es/app/context';
import zhCN from 'antd/locale/zh_CN';
import enUS from 'antd/locale/en_US';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { PrefsProvider, usePrefs } from '../i18n';
import { queryClient } from './queryClient';
import { setMessageApi } from './notify';
import { firstPageLoaded } from './firstPage';
import { theme } from './theme';

// Offline just then: no toasts and dialogs (calls keep waiting) rather than a blank app; a reload retries.
const AppHolders = lazy<ComponentType<{ onReady: (apis: useAppProps) => void }>>(() => import('./AppHolders').catch(() => ({ default: () => null })));

let holdersReady: (apis: useAppProps) => void;
const loaded = new Promise<useAppProps>((resolve) => (holdersReady = resolve));
let loadHolders = () => {};
/** Until the holders are in, a call asks for them at once and waits: an early toast or confirm comes late, never lost. */
const later = <K extends keyof useAppProps>(part: K) =>
  new Proxy({} as useAppProps[K], {
    get: (_, name) => (...args: unknown[]) => {
      loadHolders();
      return loaded.then((apis) => (apis[part] as unknown as Record<PropertyKey, (...a: unknown[]) => unknown>)[name](...args));
    },
  });
const EARLY: useAppProps = { message: later('message'), notification: later('notification'), modal: later('modal') };

/**
 * antd's <App> without its weight in the entry (about 20 KB gzipped of dialog and notification code):
 * App.useApp() reads the same context, filled from a chunk loaded after the first screen.
 */
function DeferredApp({ children }: { children: ReactNode }) {
  const { token } = antTheme.useToken();
  const [apis, setApis] = useState(EARLY);
  const [holders, setHolders] = useState(false);
  // After the first page's chunks, and once the browser is idle (a busy page may wait long for that: the
  // first toast or dialog asked for loads them at once).
  useEffect(() => {
    loadHolders = () => setHolders(true);
    void firstPageLoaded.then(() => (typeof requestIdleCallback === 'function' ? requestIdleCallback : setTimeout)(loadHolders));
  }, []);
  useEffect(() => setMessageApi(apis.message), [apis]);
  const ready = useCallback((real: useAppProps) => {
    holdersReady(real);
    setApis(real);
  }, []);
  return (
    <AppContext.Provider value={apis}>
      {/* What antd's App sets on its root: the text style of everything outside antd's components. */}
      <div style={{ color: token.colorText, fontSize: token.fontSize, lineHeight: token.lineHeight, fontFamily: token.fontFamily }}>
        {holders && (
          <Suspense fallback={null}>
            <AppHolders onReady={ready} />
          </Suspense>
        )}
        {children}
      </div>
    </AppContext.Provider>
  );
}

function Themed({ children }: { children: ReactNode }) {
  const { lang, textSize } = usePrefs();
  dayjs.locale(lang === 'zh' ? 'zh-cn' : 'en');
  return (
    // No auto space between two CJK characters in buttons: "登 录" would also be the accessible name.
    <ConfigProvider locale={lang === 'zh' ? zhCN : enUS} theme={theme(textSize)} button={{ autoInsertSpace: false }}>
      <DeferredApp>{children}</DeferredApp>
    </ConfigProvider>
  );
}

export function Providers({ children, client = queryClient }: { children: ReactNode; client?: QueryClient }) {
  return (
    <QueryClientProvider client={client}>
      <PrefsProvider>
        <Themed>{children}</Themed>
      </PrefsProvider>
    </QueryClientProvider>
  );
}

/**
 * The whole app around its router, the same in the browser (main.tsx), in the build's prerender and in
 * the server's (web/ssr.tsx, with a query client per page it draws).
 */
export function AppRoot({ children, onMounted, client }: { children: ReactNode; onMounted?: () => void; client?: QueryClient }) {
  useEffect(() => onMounted?.(), [onMounted]);
  return (
    <StrictMode>
      <Providers client={client}>{children}</Providers>
    </StrictMode>
  );
}
