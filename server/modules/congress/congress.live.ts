import { EventEmitter } from 'node:events';

/**
 * In-process change signal per congress session: services call touch() after a commit, and each
 * projector or phone stream re-reads the session's state. One process serves a school; a multi-process
 * deployment would carry the same signal over PostgreSQL LISTEN/NOTIFY.
 */
export function createLiveHub() {
  const bus = new EventEmitter();
  bus.setMaxListeners(0);
  return {
    touch: (sessionId: string) => bus.emit(sessionId),
    subscribe(sessionId: string, onChange: () => void): () => void {
      bus.on(sessionId, onChange);
      return () => bus.off(sessionId, onChange);
    },
  };
}
export type LiveHub = ReturnType<typeof createLiveHub>;
