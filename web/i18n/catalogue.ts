import { ADMIN } from './text/admin';
import { CORE } from './text/core';
import { MEMBERS } from './text/members';

/** Every UI string, zh and en side by side so a missing translation is a type error, not a blank. */
export const CATALOGUE = { ...CORE, ...MEMBERS, ...ADMIN };
export type TextKey = keyof typeof CATALOGUE;
