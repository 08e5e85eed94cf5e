import { createBrowserRouter } from 'react-router';
import { meQuery } from './auth';
import { markFirstPageLoaded } from './firstPage';
import { queryClient } from './queryClient';
import { routes } from './routes';

// Every page first asks who is signed in. Ask before the router requests the page's chunks: on
// HTTP/1.1's six connections per host the question would otherwise wait behind them.
void queryClient.prefetchQuery(meQuery);

export const router = createBrowserRouter(routes);

if (router.state.initialized) markFirstPageLoaded();
else {
  const stop = router.subscribe((state) => {
    if (!state.initialized) return;
    stop();
    markFirstPageLoaded();
  });
}
