import { ADMIN } from './text/admin';
import { CARE } from './text/care';
import { CASES } from './text/cases';
import { CONGRESS } from './text/congress';
import { CORE } from './text/core';
import { DISCLOSURES } from './text/disclosures';
import { FILES } from './text/files';
import { HARDSHIP } from './text/hardship';
import { MEETINGS } from './text/meetings';
import { MEMBERS } from './text/members';
import { PROPOSALS } from './text/proposals';
import { SUGGESTIONS } from './text/suggestions';

/** Every UI string, zh and en side by side so a missing translation is a type error, not a blank. */
export const CATALOGUE = { ...CORE, ...MEMBERS, ...ADMIN, ...CONGRESS, ...PROPOSALS, ...FILES, ...DISCLOSURES, ...SUGGESTIONS, ...CARE, ...CASES, ...MEETINGS, ...HARDSHIP };
export type TextKey = keyof typeof CATALOGUE;
