import { ADMIN } from './text/admin';
import { CONGRESS } from './text/congress';
import { CORE } from './text/core';
import { MEMBERS } from './text/members';
import { PROPOSALS } from './text/proposals';

/** Every UI string, zh and en side by side so a missing translation is a type error, not a blank. */
export const CATALOGUE = { ...CORE, ...MEMBERS, ...ADMIN, ...CONGRESS, ...PROPOSALS };
export type TextKey = keyof typeof CATALOGUE;
