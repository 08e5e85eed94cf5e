import type { FastifyReply, FastifyRequest } from 'fastify';
import type { CongressService } from './congress.service';

const HEARTBEAT_MS = 15_000;
const COALESCE_MS = 100;

/**
 * Server-sent events for the projector: a snapshot at once, then a fresh one within ~100 ms of any
 * change (changes in the same instant are coalesced), and a heartbeat so proxies keep the line open.
 */
export async function streamSession(c: CongressService, orgId: string, sessionId: string, req: FastifyRequest, reply: FastifyReply): Promise<void> {
  const first = await c.snapshot(orgId, sessionId); // 404 before the stream starts if there is no such session
  reply.hijack();
  const res = reply.raw;
  res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache, no-transform', connection: 'keep-alive', 'x-accel-buffering': 'no' });
  const send = (data: unknown) => res.write(`event: snapshot\ndata: ${JSON.stringify(data)}\n\n`);
  send(first);

  let timer: NodeJS.Timeout | null = null;
  const unsubscribe = c.live.subscribe(sessionId, () => {
    timer ??= setTimeout(async () => {
      timer = null;
      try {
        send(await c.snapshot(orgId, sessionId));
      } catch (err) {
        req.log.warn({ err }, 'live snapshot failed');
      }
    }, COALESCE_MS);
  });
  const heartbeat = setInterval(() => res.write(': ping\n\n'), HEARTBEAT_MS);
  req.raw.on('close', () => {
    unsubscribe();
    clearInterval(heartbeat);
    if (timer) clearTimeout(timer);
  });
}
