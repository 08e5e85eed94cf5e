/** What the web build (web/build/plugins.ts) leaves for the server (server/plugins/serverPage.ts). */

/** index.html's #root before anything is drawn into it: only the boot spinner. */
export const EMPTY_ROOT = '<div id="root"><div class="tx-boot"></div></div>';

/** The server's drawing of pages (web/ssr.tsx), in a dot folder of the build, which is never sent. */
export const SSR_MODULE = '.ssr/render.mjs';

/** The element of a page drawn by the server that holds the state it was drawn from (web/app/serverState.ts). */
export const SERVER_STATE_ID = 'tx-state';
