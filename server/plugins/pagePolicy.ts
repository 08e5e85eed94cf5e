import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

// An inline script the build wrote into a page (the first screen's preloads), not a data block: a
// `<script type="application/json">` is never run, so the policy does not govern it.
const INLINE_SCRIPT = /<script(?![^>]*\bsrc=)(?![^>]*\btype="application\/json")[^>]*>([\s\S]*?)<\/script>/gi;

/** The SHA-256 of each inline script in these pages, as a policy names them. */
function inlineScriptHashes(pages: string[]): string[] {
  const hashes = new Set<string>();
  for (const html of pages) for (const [, body] of html.matchAll(INLINE_SCRIPT)) hashes.add(`'sha256-${crypto.hash('sha256', body, 'base64')}'`);
  return [...hashes].sort();
}

/**
 * What a page of the app may do in the browser, so that text which gets past the server's sanitising
 * still cannot run: scripts only from this server or the build's own inline ones (by hash), nothing
 * from elsewhere, never inside another site's frame. Styles may be inline: Ant Design writes its styles
 * into `<style>` elements as it draws, and styles run no code.
 */
function policyOf(scriptHashes: string[]): string {
  return [
    "default-src 'self'",
    `script-src 'self' ${scriptHashes.join(' ')}`.trim(),
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** On every response of the web and of the API's docs: never framed by another site, never read as another type. */
export const NOT_FRAMED = {
  // Older browsers that do not read the policy's frame-ancestors.
  'x-frame-options': 'DENY',
  'x-content-type-options': 'nosniff',
  // A page's address can hold a record's id; another site a link leads to is not told it.
  'referrer-policy': 'same-origin',
};

// A page removed mid-build has no scripts to name.
const readIfThere = (file: string) => {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return '';
  }
};

/**
 * The policy of the pages in `root`, made again when one of them changes under the running server (a
 * rebuild writes index.html and the first screens' pages one by one), so a rebuilt page's scripts run.
 */
export function pagePolicy(root: string): () => string {
  let made = { key: '', policy: '' };
  return () => {
    const pages = fs.readdirSync(root).filter((f) => f.endsWith('.html')).map((f) => path.join(root, f));
    const key = pages.map((p) => `${p}:${fs.statSync(p, { throwIfNoEntry: false })?.mtimeMs}`).join('|');
    if (key !== made.key) made = { key, policy: policyOf(inlineScriptHashes(pages.map(readIfThere))) };
    return made.policy;
  };
}
