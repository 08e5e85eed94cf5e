import type { DehydratedState } from '@tanstack/react-query';
import { SERVER_STATE_ID } from '../../common/webBuild';

/**
 * What the server puts beside a page it drew for someone signed in (web/ssr.tsx): the page's data as
 * it drew it, so that the browser's first render matches the HTML.
 */
export interface ServerState {
  /** The layout the server guessed from the device (hooks.ts `useIsPhone`). */
  phone: boolean;
  queries: DehydratedState;
}

/** Read once, in the browser; null in a page the server did not draw. */
export const serverState: ServerState | null = (() => {
  const json = typeof document === 'undefined' ? null : document.getElementById(SERVER_STATE_ID)?.textContent;
  return json ? (JSON.parse(json) as ServerState) : null;
})();
