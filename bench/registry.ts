import type { Capability } from './capability';
import { care } from './capabilities/care';
import { cases } from './capabilities/cases';
import { congress } from './capabilities/congress';
import { disclosures } from './capabilities/disclosures';
import { ground } from './capabilities/ground';
import { hardship } from './capabilities/hardship';
import { meetings } from './capabilities/meetings';
import { proposals } from './capabilities/proposals';
import { suggestions } from './capabilities/suggestions';

/**
 * Every capability in the suite, in generation order (a later one may read what earlier ones made).
 * A new capability adds its file under capabilities/ and one entry here: the data builder and the
 * runner pick up its records and hot paths from this list.
 */
export const CAPABILITIES: Capability[] = [ground, congress, proposals, disclosures, suggestions, care, hardship, cases, meetings];
