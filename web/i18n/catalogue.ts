import { CORE } from './text/core';

type Texts = Record<string, { zh: string; en: string }>;

/**
 * Every UI string, zh and en side by side so a missing translation is a type error, not a blank.
 * Only CORE is in the entry chunk; each other catalogue loads with the routes that show it
 * (routes.tsx awaits it beside the page), and catalogue.test.ts proves every route loads the
 * catalogues of every key its code can reach.
 */
export const CATALOGUES = {
  shell: () => import('./text/shell').then((m) => m.SHELL),
  members: () => import('./text/members').then((m) => m.MEMBERS),
  admin: () => import('./text/admin').then((m) => m.ADMIN),
  congress: () => import('./text/congress').then((m) => m.CONGRESS),
  proposals: () => import('./text/proposals').then((m) => m.PROPOSALS),
  files: () => import('./text/files').then((m) => m.FILES),
  disclosures: () => import('./text/disclosures').then((m) => m.DISCLOSURES),
  suggestions: () => import('./text/suggestions').then((m) => m.SUGGESTIONS),
  care: () => import('./text/care').then((m) => m.CARE),
  cases: () => import('./text/cases').then((m) => m.CASES),
  meetings: () => import('./text/meetings').then((m) => m.MEETINGS),
  hardship: () => import('./text/hardship').then((m) => m.HARDSHIP),
} satisfies Record<string, () => Promise<Texts>>;

export type Catalogue = keyof typeof CATALOGUES;
type KeysOf<C extends Catalogue> = keyof Awaited<ReturnType<(typeof CATALOGUES)[C]>>;
export type TextKey = keyof typeof CORE | { [C in Catalogue]: KeysOf<C> }[Catalogue];

const loaded: Texts = { ...CORE };

/** The catalogues a route shows, merged into what `useT` reads; a catalogue already here costs nothing. */
export async function loadTexts(names: readonly Catalogue[]): Promise<void> {
  for (const texts of await Promise.all(names.map((n) => CATALOGUES[n]()))) Object.assign(loaded, texts);
}

export function textOf(key: string): { zh: string; en: string } | undefined {
  return Object.prototype.hasOwnProperty.call(loaded, key) ? loaded[key] : undefined;
}
