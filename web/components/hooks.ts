import { createContext, useContext, useEffect, useState, useSyncExternalStore } from 'react';
import { serverState } from '../app/serverState';

const PHONE = '(max-width: 767.98px)';

function subscribe(onChange: () => void) {
  const mq = window.matchMedia(PHONE);
  mq.addEventListener('change', onChange);
  return () => mq.removeEventListener('change', onChange);
}

/**
 * The layout of a page the server draws: it cannot see the screen, so it guesses from the device
 * (server/plugins/serverPage.ts). The browser's first render over that page uses the same guess, then
 * React redraws at once if the screen says otherwise.
 */
export const ServerPhone = createContext(serverState?.phone ?? false);

/** Below 768 CSS px we lay out for a phone: bottom tabs, cards instead of tables. */
export function useIsPhone(): boolean {
  const guess = useContext(ServerPhone);
  return useSyncExternalStore(subscribe, () => window.matchMedia(PHONE).matches, () => guess);
}

export function useDebounced<T>(value: T, ms = 350): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const id = setTimeout(() => setDebounced(value), ms);
    return () => clearTimeout(id);
  }, [value, ms]);
  return debounced;
}
