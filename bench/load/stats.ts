import { PerformanceObserver, performance } from 'node:perf_hooks';

/** What a bench child reports of itself: to tell a path slowed by the process's age (heap, GC) from one slowed by the host. */
export interface ChildStats {
  heapMB: number;
  /** Totals since the process started, in ms. */
  gcMs: number;
  activeMs: number;
  idleMs: number;
}

/** Answers the bench's `stats` message over IPC. */
export function answerStats() {
  let gcMs = 0;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) gcMs += e.duration;
  }).observe({ entryTypes: ['gc'] });
  process.on('message', (m) => {
    if (m !== 'stats') return;
    const { active, idle } = performance.eventLoopUtilization();
    const stats: ChildStats = { heapMB: process.memoryUsage().heapUsed / 2 ** 20, gcMs, activeMs: active, idleMs: idle };
    process.send!({ stats });
  });
}

/** Between two reports: the share of the time spent in GC and with the event loop busy, and the heap at the end. */
export function between(a: ChildStats, b: ChildStats) {
  const ms = b.activeMs + b.idleMs - (a.activeMs + a.idleMs);
  return { gc: (b.gcMs - a.gcMs) / ms, busy: (b.activeMs - a.activeMs) / ms, heapMB: b.heapMB };
}
