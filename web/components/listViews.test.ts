import { beforeEach, describe, expect, it } from 'vitest';
import { backTo, rememberListView } from './listViews';

// Node has no sessionStorage; a Map-backed one stands in for the browser's.
beforeEach(() => {
  const store = new Map<string, string>();
  globalThis.sessionStorage = {
    getItem: (k: string) => store.get(k) ?? null,
    setItem: (k: string, v: string) => void store.set(k, v),
  } as Storage;
});

describe('backTo', () => {
  it('returns to the list as it was last seen', () => {
    rememberListView('/care', 'q=%E5%BC%A0&page=3');
    expect(backTo('/care')).toBe('/care?q=%E5%BC%A0&page=3');
  });

  it('keeps the view only when it agrees with what the link names', () => {
    rememberListView('/hardship', 'tab=applications&state=submitted');
    expect(backTo('/hardship?tab=applications')).toBe('/hardship?tab=applications&state=submitted');
    expect(backTo('/hardship?tab=campaigns')).toBe('/hardship?tab=campaigns');
  });

  it('leaves the link alone for a list never seen, or seen unfiltered', () => {
    expect(backTo('/members')).toBe('/members');
    rememberListView('/members', '');
    expect(backTo('/members')).toBe('/members');
  });

  it('survives storage that throws or holds junk', () => {
    sessionStorage.setItem('tx.listViews', '{not json');
    expect(backTo('/care')).toBe('/care');
    sessionStorage.setItem('tx.listViews', 'null');
    expect(backTo('/care')).toBe('/care');
    globalThis.sessionStorage = {
      getItem: () => { throw new Error('denied'); },
      setItem: () => { throw new Error('denied'); },
    } as unknown as Storage;
    expect(() => rememberListView('/care', 'page=2')).not.toThrow();
    expect(backTo('/care')).toBe('/care');
  });
});
