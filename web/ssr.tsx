import { AsyncLocalStorage } from 'node:async_hooks';
import { renderToString } from 'react-dom/server';
import { dehydrate, type QueryClient } from '@tanstack/react-query';
import { createStaticHandler, createStaticRouter, StaticRouterProvider, type DataStrategyFunction } from 'react-router';
import type { LoginResult } from '../common/auth';
import { api, ME_KEY, setTransport } from './app/api';
import { ApiError } from './app/apiError';
import { AppRoot } from './app/Providers';
import { newQueryClient } from './app/queryClient';
import { routes, type RouteHandle } from './app/routes';
import type { ServerState } from './app/serverState';
import { ServerPhone } from './components/hooks';

/**
 * The app drawn in Node: at build time a guest's page (`prerender`, web/build/plugins.ts), and by the
 * server a signed-in page with its data (`render`, server/plugins/serverPage.ts). Built into one file with
 * everything it imports, which the server loads from the build (dist/.ssr/).
 */

const handler = createStaticHandler(routes);
// Loaders are the browser's (they fill its one query client); here a route's data is its `wanted`
// queries, fetched into the page's own client. The lazy parts are still loaded.
const noLoaders: DataStrategyFunction = async ({ matches }) =>
  Object.fromEntries(await Promise.all(matches.map(async (m) => [m.route.id, await m.resolve(async () => null)])));

async function draw(url: string, client: QueryClient, phone: boolean) {
  const context = await handler.query(new Request(new URL(url, 'http://localhost')), { dataStrategy: noLoaders });
  if (context instanceof Response) return null; // a redirect
  const router = createStaticRouter(handler.dataRoutes, context);
  const html = () =>
    renderToString(
      <ServerPhone.Provider value={phone}>
        <AppRoot client={client}>
          <StaticRouterProvider router={router} context={context} hydrate={false} />
        </AppRoot>
      </ServerPhone.Provider>,
    );
  return { context, html };
}

/** A guest's page at `url` with the default preferences; the build puts it in the page's HTML. */
export async function prerender(url: string): Promise<string> {
  const client = newQueryClient();
  client.setQueryData(ME_KEY, null);
  const drawn = await draw(url, client, false);
  if (!drawn) throw new Error(`prerender ${url}: redirected`);
  return drawn.html();
}

/** Answers a request of the page's as the API would answer the browser (the server injects it). */
export type Get = (url: string, init: RequestInit) => Promise<Response>;
const requests = new AsyncLocalStorage<Get>();
setTransport((url, init) => {
  const get = requests.getStore();
  if (!get) throw new Error('ssr: a request outside render()');
  return get(url, init);
});

/**
 * The page at `url` as the browser's first render would draw it for the user whose requests `get`
 * answers, with the default preferences, and the state that render starts from. Null when there is no
 * page to draw: not signed in, held on the password change, or a request of the page's failed (the
 * browser then draws it itself, as for any page).
 */
export function render(url: string, { phone, get }: { phone: boolean; get: Get }): Promise<{ html: string; state: ServerState } | null> {
  return requests.run(get, async () => {
    let session: LoginResult;
    try {
      session = await api<LoginResult>('/api/auth/me');
    } catch (e) {
      if (e instanceof ApiError && e.status === 401) return null;
      throw e;
    }
    if (session.user.mustChangePassword) return null;
    const client = newQueryClient();
    client.setQueryData(ME_KEY, session.user);
    const drawn = await draw(url, client, phone);
    if (!drawn) return null;
    const wanted = drawn.context.matches.flatMap((m) => (m.route.handle as RouteHandle | undefined)?.wanted ?? []);
    try {
      await Promise.all(wanted.map((w) => w(session.user)).map((q) => q && client.fetchQuery(q)));
    } catch (e) {
      if (e instanceof ApiError) return null;
      throw e;
    }
    return { html: drawn.html(), state: { phone, queries: dehydrate(client) } };
  });
}
