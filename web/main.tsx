import { createRoot, hydrateRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router';
import { AppRoot } from './app/Providers';
import { meQuery } from './app/auth';
import { firstPageLoaded } from './app/firstPage';
import { queryClient } from './app/queryClient';
import { router } from './app/router';
import { serverState } from './app/serverState';
import { prefsAreDefault } from './i18n';
import { zodWithoutEval } from './app/zodConfig';
import { nameListboxes } from './app/listboxNames';
import './app/global.css';

zodWithoutEval();
nameListboxes();
const container = document.getElementById('root')!;
const app = (onMounted?: () => void) => (
  <AppRoot onMounted={onMounted}>
    <RouterProvider router={router} />
  </AppRoot>
);
// Until React has it, a drawn page is `inert`: a tap or a typed letter would otherwise go
// nowhere (a button without its handler) or be lost.
const interactive = () => container.removeAttribute('inert');

// React's first render waits for the session (asked for by index.html beside the scripts) and the first
// page's chunks: a render before them would only draw a spinner, and on a slow phone hold the page's data
// requests behind it. Until then the page shows what its HTML brought.
// A page may arrive drawn, `inert`: login.html at build time for a guest (web/ssr.tsx `prerender`), the home
// by the server for someone signed in (`render`, with the data it drew in `serverState`). React takes it
// over as it is when it was drawn for this visitor (guest or not) with the default preferences; other
// preferences (English, large text), a guest's page seen signed in, and index.html's boot spinner get a
// fresh render.
const drawn = container.hasAttribute('inert');
void Promise.all([queryClient.ensureQueryData(meQuery).catch(() => null), firstPageLoaded]).then(([me]) => {
  if (drawn && prefsAreDefault() && !!me === !!serverState) return void hydrateRoot(container, app(interactive));
  container.replaceChildren();
  interactive();
  createRoot(container).render(app());
});
