import { hydrate, MutationCache, QueryClient } from '@tanstack/react-query';
import { notifyError } from './notify';
import { serverState } from './serverState';

declare module '@tanstack/react-query' {
  interface Register {
    // `inlineError`: the page shows the error itself (login, setup), so no toast as well.
    mutationMeta: { inlineError?: boolean };
  }
}

export const newQueryClient = () =>
  new QueryClient({
    defaultOptions: {
      queries: { retry: false, refetchOnWindowFocus: false, staleTime: 30_000 },
    },
    mutationCache: new MutationCache({
      onError: (error, _vars, _ctx, mutation) => {
        if (!mutation.meta?.inlineError) notifyError(error);
      },
    }),
  });

/** The browser's one client; the server draws each page with a client of its own (web/ssr.tsx). */
export const queryClient = newQueryClient();
// A page the server drew starts with the data it was drawn from.
if (serverState) hydrate(queryClient, serverState.queries);
