import { renderToString } from 'react-dom/server';
import { createStaticHandler, createStaticRouter, StaticRouterProvider } from 'react-router';
import { ME_KEY } from '../app/api';
import { AppRoot } from '../app/Providers';
import { queryClient } from '../app/queryClient';
import { routes } from '../app/routes';

/**
 * A guest's page at `url` as the browser's first render draws it, with the default preferences; the
 * build puts it in the page's HTML and web/main.tsx hydrates it. Built by web/build/plugins.ts.
 */
export async function prerender(url: string): Promise<string> {
  queryClient.setQueryData(ME_KEY, null);
  const handler = createStaticHandler(routes);
  const context = await handler.query(new Request(new URL(url, 'http://localhost')));
  if (context instanceof Response) throw new Error(`prerender ${url}: answered ${context.status}`);
  const router = createStaticRouter(handler.dataRoutes, context);
  return renderToString(
    <AppRoot>
      <StaticRouterProvider router={router} context={context} hydrate={false} />
    </AppRoot>,
  );
}
