import { useEffect, useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { fetchSnapshot, liveKey } from './api';
import type { LiveSnapshot } from './types';

const FIRST_RETRY_MS = 1_000;

/** The stream before its first event, while it delivers, and after it dropped (values may then be stale). */
export type LiveState = 'connecting' | 'live' | 'lost';
const MAX_RETRY_MS = 30_000;

/**
 * Quorum and votes of a session, kept current by the server-sent `snapshot` events of
 * GET /api/congress/sessions/:id/live. The first paint comes from plain GETs; every event replaces
 * the cached snapshot, so the clerk page, the projector and the delegate's phone read one source.
 * EventSource retries a dropped line itself; when it gives up (an HTTP error), we reconnect with backoff.
 */
export function useSessionLive(sessionId: string | undefined) {
  const qc = useQueryClient();
  const [state, setState] = useState<LiveState>('connecting');
  const query = useQuery({
    queryKey: liveKey(sessionId ?? ''),
    queryFn: () => fetchSnapshot(sessionId!),
    enabled: !!sessionId,
  });

  useEffect(() => {
    if (!sessionId) return;
    let source: EventSource | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let delay = FIRST_RETRY_MS;

    const connect = () => {
      source = new EventSource(`/api/congress/sessions/${sessionId}/live`);
      source.addEventListener('snapshot', (e) => {
        delay = FIRST_RETRY_MS;
        setState('live');
        qc.setQueryData<LiveSnapshot>(liveKey(sessionId), JSON.parse((e as MessageEvent<string>).data) as LiveSnapshot);
      });
      source.onerror = () => {
        setState('lost');
        if (source?.readyState !== EventSource.CLOSED) return; // the browser is retrying on its own
        source.close();
        timer = setTimeout(connect, delay);
        delay = Math.min(delay * 2, MAX_RETRY_MS);
      };
    };
    connect();
    return () => {
      clearTimeout(timer);
      source?.close();
      setState('connecting');
    };
  }, [sessionId, qc]);

  return { live: query.data, error: query.error, isPending: query.isPending, refetch: query.refetch, state };
}
