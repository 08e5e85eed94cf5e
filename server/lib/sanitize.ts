// An allow-list HTML sanitizer for rich text written in the browser (校务公开 content). It re-tokenizes
// the input and rebuilds it: only the tags below survive, with only the attributes below; every other
// tag is dropped but its text kept, and the content of script-like elements is dropped entirely. Text
// is re-escaped, so nothing the writer typed can become markup. The output is always well nested.

/** Allowed tags and their attributes (href and the spans are checked further below). */
const ALLOWED: Record<string, readonly string[]> = {
  p: [],
  br: [],
  strong: [],
  em: [],
  ul: [],
  ol: [],
  li: [],
  h3: [],
  h4: [],
  table: [],
  caption: [],
  thead: [],
  tbody: [],
  tr: [],
  th: ['colspan', 'rowspan'],
  td: ['colspan', 'rowspan'],
  a: ['href'],
};

/** What editors and Word/WPS paste produce, mapped onto the allowed subset. */
const RENAMED: Record<string, string> = { b: 'strong', i: 'em', div: 'p', h1: 'h3', h2: 'h3', h5: 'h4', h6: 'h4' };

/** Elements dropped with everything inside them. */
const DROPPED = new Set([
  'script', 'style', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'svg', 'math', 'template', 'noscript',
  'noembed', 'noframes', 'xmp', 'plaintext', 'textarea', 'select', 'title', 'head', 'audio', 'video', 'canvas',
]);

const VOID = new Set(['br']);
const SCHEMES = new Set(['http:', 'https:', 'mailto:']);
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', colon: ':', tab: '\t', newline: '\n', sol: '/', lpar: '(', rpar: ')' };

const escapeText = (s: string) => s.replace(/&(?![a-zA-Z][a-zA-Z0-9]{0,31};|#[0-9]{1,7};|#[xX][0-9a-fA-F]{1,6};)/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const escapeAttr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Decodes character references the way a browser would before following a link; unknown names stay undecoded. */
function decodeEntities(s: string): string {
  return s.replace(/&(#[xX][0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);?/g, (all, ref: string) => {
    if (ref[0] === '#') {
      const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
    }
    return NAMED[ref.toLowerCase()] ?? all;
  });
}

/** An absolute http(s) or mailto URL, normalised; anything else (javascript:, data:, relative, obfuscated) is refused. */
export function safeHref(raw: string): string | null {
  const decoded = decodeEntities(raw).trim();
  // Browsers skip tabs and newlines inside a scheme (java\tscript:): a URL holding any control character is refused.
  if (/[\u0000-\u001f\u007f-\u009f]/.test(decoded)) return null;
  try {
    const url = new URL(decoded);
    return SCHEMES.has(url.protocol) ? url.href : null;
  } catch {
    return null;
  }
}

interface Tag {
  name: string;
  end: boolean;
  attrs: [string, string][];
  /** Index just after the tag's `>`. */
  next: number;
}

const TAG_START = /<(\/?)([a-zA-Z][^\s/>]*)/y;
const SPACE = /[\s/]*/y;
const ATTR_NAME = /[^\s"'>/=]+|[^\s>]/y;
const EQUALS = /\s*=\s*/y;
const UNQUOTED = /[^\s>]*/y;

/** Runs a sticky regex at `at`, answering the match (or '') and moving past it. */
function take(re: RegExp, s: string, at: number): string {
  re.lastIndex = at;
  return re.exec(s)?.[0] ?? '';
}

/** Reads the tag at `<` (index i): null when what follows is not a tag (the `<` is text), 'eof' when it never ends. */
function readTag(src: string, i: number): Tag | null | 'eof' {
  TAG_START.lastIndex = i;
  const m = TAG_START.exec(src);
  if (!m) return null;
  const tag: Tag = { name: m[2].toLowerCase(), end: m[1] === '/', attrs: [], next: 0 };
  let j = i + m[0].length;
  for (;;) {
    j += take(SPACE, src, j).length;
    if (j >= src.length) return 'eof';
    if (src[j] === '>') {
      tag.next = j + 1;
      return tag;
    }
    const name = take(ATTR_NAME, src, j);
    j += name.length;
    let value = '';
    const eq = take(EQUALS, src, j);
    if (eq.includes('=')) {
      j += eq.length;
      const q = src[j];
      if (q === '"' || q === "'") {
        const close = src.indexOf(q, j + 1);
        if (close < 0) return 'eof';
        value = src.slice(j + 1, close);
        j = close + 1;
      } else {
        value = take(UNQUOTED, src, j);
        j += value.length;
      }
    }
    tag.attrs.push([name.toLowerCase(), value]);
  }
}

function openTag(name: string, attrs: [string, string][]): string | null {
  const allowed = ALLOWED[name];
  let out = `<${name}`;
  const seen = new Set<string>();
  for (const [k, v] of attrs) {
    if (!allowed.includes(k) || seen.has(k)) continue;
    seen.add(k);
    if (k === 'href') {
      const href = safeHref(v);
      if (href) out += ` href="${escapeAttr(href)}" rel="noopener noreferrer nofollow" target="_blank"`;
    } else if (/^\s*\d{1,2}\s*$/.test(v) && Number(v) >= 1) out += ` ${k}="${Number(v)}"`;
  }
  // A link without a usable address is no link: keep its text only.
  if (name === 'a' && !out.includes(' href=')) return null;
  return `${out}>`;
}

/**
 * Opening one of these ends an open element of the same kind, as browsers do (a new <li> ends the
 * previous <li>), looking down the open elements no further than the boundary (the enclosing list, table…).
 */
const IMPLIED_END: Record<string, { ends: readonly string[]; boundary: readonly string[] }> = {
  li: { ends: ['li'], boundary: ['ul', 'ol'] },
  p: { ends: ['p'], boundary: ['li', 'td', 'th', 'caption'] },
  tr: { ends: ['tr'], boundary: ['table', 'thead', 'tbody'] },
  td: { ends: ['td', 'th'], boundary: ['tr', 'table'] },
  th: { ends: ['td', 'th'], boundary: ['tr', 'table'] },
};

const ENDS = new Map<string, RegExp>();
/** Finds the end tag of a dropped element (a global regex: set lastIndex, then exec). */
const endOf = (name: string): RegExp => {
  let re = ENDS.get(name);
  if (!re) ENDS.set(name, (re = new RegExp(`</${name}[^>]*>`, 'ig')));
  return re;
};

/** The allowed subset of `html`, well nested; never throws. */
export function sanitizeHtml(html: string): string {
  const src = html.replace(/\u0000/g, '');
  const out: string[] = [];
  /** Open elements; `emit` is false for one kept as text only (a link without a usable address). */
  const stack: { name: string; emit: boolean }[] = [];
  const close = (depth: number) => {
    while (stack.length > depth) {
      const open = stack.pop()!;
      if (open.emit) out.push(`</${open.name}>`);
    }
  };
  const n = src.length;
  let i = 0;
  while (i < n) {
    const lt = src.indexOf('<', i);
    if (lt < 0) {
      out.push(escapeText(src.slice(i)));
      break;
    }
    if (lt > i) out.push(escapeText(src.slice(i, lt)));
    i = lt;
    if (src.startsWith('<!--', i)) {
      const end = src.indexOf('-->', i + 4);
      i = end < 0 ? n : end + 3;
      continue;
    }
    if (src[i + 1] === '!' || src[i + 1] === '?') {
      const end = src.indexOf('>', i);
      i = end < 0 ? n : end + 1;
      continue;
    }
    const tag = readTag(src, i);
    if (tag === 'eof') break; // an unfinished tag at the end: the browser would drop it too
    if (!tag) {
      out.push('&lt;');
      i++;
      continue;
    }
    i = tag.next;
    if (DROPPED.has(tag.name)) {
      if (!tag.end) {
        const end = endOf(tag.name);
        end.lastIndex = i;
        i = end.exec(src) ? end.lastIndex : n;
      }
      continue;
    }
    const name = RENAMED[tag.name] ?? tag.name;
    if (!(name in ALLOWED)) continue;
    if (tag.end) {
      const at = stack.map((s) => s.name).lastIndexOf(name);
      if (at >= 0) close(at);
      continue;
    }
    const implied = IMPLIED_END[name];
    for (let d = stack.length - 1; implied && d >= 0 && !implied.boundary.includes(stack[d].name); d--) {
      if (implied.ends.includes(stack[d].name)) {
        close(d);
        break;
      }
    }
    const open = openTag(name, tag.attrs);
    if (VOID.has(name)) {
      if (open) out.push(open);
      continue;
    }
    stack.push({ name, emit: !!open });
    if (open) out.push(open);
  }
  close(0);
  return out.join('');
}

/** Plain text of sanitized HTML, for excerpts and for checking that there is any content at all. */
export function htmlToText(html: string): string {
  return decodeEntities(
    html
      .replace(/<br>|<\/(p|li|h3|h4|tr|caption)>/g, '\n')
      .replace(/<\/t[dh]>/g, ' ')
      .replace(/<[^>]*>/g, ''),
  )
    .replace(/[ \t\u00a0]+/g, ' ')
    .replace(/\s*\n\s*/g, '\n')
    .trim();
}
