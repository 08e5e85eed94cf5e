import type { Capability } from './capability';
import { congress } from './capabilities/congress';
import { ground } from './capabilities/ground';
import { proposals } from './capabilities/proposals';

/**
 * Every capability in the suite, in generation order (a later one may read what earlier ones made).
 * A new capability adds its file under capabilities/ and one entry here: the data builder and the
 * runner pick up its records and hot paths from this list.
 */
export const CAPABILITIES: Capability[] = [ground, congress, proposals];
