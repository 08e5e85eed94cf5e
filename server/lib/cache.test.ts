import { afterEach, describe, expect, it, vi } from 'vitest';
import { TtlCache } from './cache';

describe('TtlCache', () => {
  afterEach(() => vi.useRealTimers());

  it('answers from memory until the entry is older than its time, then reads again', async () => {
    vi.useFakeTimers();
    const cache = new TtlCache<string>(5_000);
    const load = vi.fn(async () => 'row');
    expect(await cache.get('a', load)).toBe('row');
    vi.advanceTimersByTime(4_999);
    expect(await cache.get('a', load)).toBe('row');
    expect(load).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(1);
    await cache.get('a', load);
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('ends an entry at its own expiry when that comes first', async () => {
    vi.useFakeTimers();
    const cache = new TtlCache<{ expires: number }>(5_000);
    const load = vi.fn(async () => ({ expires: Date.now() + 1_000 }));
    await cache.get('s', load, (v) => v.expires);
    vi.advanceTimersByTime(1_000);
    await cache.get('s', load, (v) => v.expires);
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('never keeps a miss: an unknown key is read every time', async () => {
    const cache = new TtlCache<string>(5_000);
    const load = vi.fn(async () => null);
    expect(await cache.get('nobody', load)).toBeNull();
    expect(await cache.get('nobody', load)).toBeNull();
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('forgets after a change, and a read that began before the change does not put the old value back', async () => {
    const cache = new TtlCache<string>(5_000);
    let release!: () => void;
    const slow = cache.get('k', () => new Promise<string>((r) => (release = () => r('old'))));
    cache.forget();
    release();
    expect(await slow).toBe('old');
    expect(await cache.get('k', async () => 'new')).toBe('new');
  });

  it('holds at most `max` entries, dropping the oldest', async () => {
    const cache = new TtlCache<number>(5_000, 2);
    for (const k of ['a', 'b', 'c']) await cache.get(k, async () => 1);
    const load = vi.fn(async () => 2);
    expect(await cache.get('a', load)).toBe(2);
    expect(await cache.get('c', load)).toBe(1);
  });
});
