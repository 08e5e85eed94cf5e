import { createRoot, hydrateRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router';
import { AppRoot } from './app/Providers';
import { meQuery } from './app/auth';
import { firstPageLoaded } from './app/firstPage';
import { queryClient } from './app/queryClient';
import { router } from './app/router';
import { prefsAreDefault } from './i18n';
import './app/global.css';

const container = document.getElementById('root')!;
const app = (onMounted?: () => void) => (
  <AppRoot onMounted={onMounted}>
    <RouterProvider router={router} />
  </AppRoot>
);
// Until React has it, the prerendered page is `inert`: a tap or a typed letter would otherwise go
// nowhere (a button without its handler) or be lost.
const interactive = () => container.removeAttribute('inert');

// React's first render waits for the session (asked for by index.html beside the scripts) and the first
// page's chunks: a render before them would only draw a spinner, and on a slow phone hold the page's data
// requests behind it. Until then the page shows what its HTML brought.
// login.html arrives with its page drawn at build time (web/build/prerender.tsx), `inert`. React takes it
// over as it is when the visitor is a guest with the default preferences; someone signed in (sent on) or
// with other preferences (English, large text) gets a fresh render, as does index.html's boot spinner.
const prerendered = container.hasAttribute('inert');
void Promise.all([queryClient.ensureQueryData(meQuery).catch(() => null), firstPageLoaded]).then(([me]) => {
  if (prerendered && !me && prefsAreDefault()) return void hydrateRoot(container, app(interactive));
  container.replaceChildren();
  interactive();
  createRoot(container).render(app());
});
