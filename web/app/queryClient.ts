import { MutationCache, QueryClient } from '@tanstack/react-query';
import { notifyError } from './notify';

declare module '@tanstack/react-query' {
  interface Register {
    // `inlineError`: the page shows the error itself (login, setup), so no toast as well.
    mutationMeta: { inlineError?: boolean };
  }
}

export const queryClient = new QueryClient({
  defaultOptions: {
    queries: { retry: false, refetchOnWindowFocus: false, staleTime: 30_000 },
  },
  mutationCache: new MutationCache({
    onError: (error, _vars, _ctx, mutation) => {
      if (!mutation.meta?.inlineError) notifyError(error);
    },
  }),
});
