/**
 * A per-process cache for rows read on nearly every request and changed rarely (organisations, sessions).
 * Entries live at most `ms`; `forget()` drops them after a change, and keeps a read that began before
 * the change from putting back what it read. Other server processes see a change within `ms`.
 */
export class TtlCache<V> {
  private readonly entries = new Map<string, { value: V; until: number }>();
  private generation = 0;

  constructor(
    private readonly ms: number,
    private readonly max = 10_000,
  ) {}

  /** The cached value, or `load()`'s (cached unless null); `until` may end an entry sooner (an expiry). */
  async get(key: string, load: () => Promise<V | null>, until?: (value: V) => number): Promise<V | null> {
    const now = Date.now();
    const hit = this.entries.get(key);
    if (hit && hit.until > now) return hit.value;
    const started = this.generation;
    const value = await load();
    if (value === null || started !== this.generation) return value;
    if (this.entries.size >= this.max) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(key, { value, until: Math.min(now + this.ms, until?.(value) ?? Infinity) });
    return value;
  }

  /** Drops one entry, or all (a change whose keys are not known, e.g. every session of a user). */
  forget(key?: string): void {
    this.generation += 1;
    if (key === undefined) this.entries.clear();
    else this.entries.delete(key);
  }
}
