import { hash, randomBytes } from 'node:crypto';
import { uuidv7 } from 'uuidv7';

/** Time-ordered id for ordinary rows (index-friendly). Never use for rows that must hide their order. */
export const newId = (): string => uuidv7();

/** URL-safe random token with `bytes` bytes of entropy. */
export const randomToken = (bytes = 32): string => randomBytes(bytes).toString('base64url');

export const sha256 = (s: string): string => hash('sha256', s, 'hex');
