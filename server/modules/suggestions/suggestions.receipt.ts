import { randomBytes } from 'node:crypto';
import { formatReceipt, normalizeReceipt, RECEIPT_ALPHABET, RECEIPT_LENGTH } from '../../../common/suggestions';
import { sha256 } from '../../lib/ids';

/** A new receipt code: 80 random bits as 16 symbols of a 32-letter alphabet, e.g. K7QM-3XHP-9TDA-WZ2E. */
export function newReceipt(): string {
  const bytes = randomBytes((RECEIPT_LENGTH * 5) / 8);
  let bits = 0;
  let value = 0;
  let out = '';
  for (const b of bytes) {
    value = (value << 8) | b;
    bits += 8;
    while (bits >= 5) {
      out += RECEIPT_ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  return formatReceipt(out);
}

/**
 * Only this is stored. A plain SHA-256 suffices: the code is 80 random bits, not a password a
 * dictionary could guess, so a slow hash would add nothing but latency.
 */
export const receiptHash = (code: string): string => sha256(normalizeReceipt(code));

/**
 * Counts events per key within a window, in memory only: forgotten at restart, never written anywhere.
 * `limit` events within `windowMs` of the first block the key until that window ends.
 */
export class WindowCounter {
  private hits = new Map<string, { count: number; until: number }>();
  constructor(
    private limit: number,
    private windowMs: number,
    private now: () => number = Date.now,
  ) {}

  /** Milliseconds the key must still wait, 0 when it may go on. */
  waitMs(key: string): number {
    const h = this.hits.get(key);
    if (!h || h.until <= this.now()) return 0;
    return h.count >= this.limit ? h.until - this.now() : 0;
  }

  hit(key: string): void {
    const now = this.now();
    for (const [k, h] of this.hits) if (h.until <= now) this.hits.delete(k);
    const h = this.hits.get(key);
    if (h) h.count++;
    else this.hits.set(key, { count: 1, until: now + this.windowMs });
  }
}
