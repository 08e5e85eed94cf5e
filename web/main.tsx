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

// login.html arrives with its page drawn at build time (web/build/prerender.tsx), on screen before any
// script. React takes it over as it is once the page's chunks are in and the visitor is known to be a
// guest; someone signed in (sent on) or with other preferences (English, large text) gets a fresh render.
if (container.hasChildNodes()) {
  void Promise.all([queryClient.ensureQueryData(meQuery).catch(() => null), firstPageLoaded]).then(([me]) => {
    if (!me && prefsAreDefault()) return void hydrateRoot(container, app(interactive));
    container.replaceChildren();
    interactive();
    createRoot(container).render(app());
  });
} else createRoot(container).render(app());
