// The last view (filters, sort, page) of each server-paged list, so a detail page's back link returns to
// what the user was looking at rather than to the list's first page. Kept per tab for the session so a
// reload of the detail page does not lose it.
const KEY = 'tx.listViews';

function read(): Record<string, string> {
  try {
    const v: unknown = JSON.parse(sessionStorage.getItem(KEY) ?? '{}');
    return v && typeof v === 'object' ? (v as Record<string, string>) : {};
  } catch {
    return {};
  }
}

export function rememberListView(pathname: string, search: string) {
  try {
    sessionStorage.setItem(KEY, JSON.stringify({ ...read(), [pathname]: search }));
  } catch {
    // Storage full or disabled: back links fall back to the list's first page.
  }
}

/**
 * `to` with the list's last view when that view agrees with every parameter `to` names
 * (`/hardship?tab=applications` returns to the applications tab's filters, never to the campaigns tab's).
 */
export function backTo(to: string): string {
  const target = new URL(to, 'http://x');
  const last = read()[target.pathname];
  if (typeof last !== 'string') return to;
  const view = new URLSearchParams(last);
  for (const [k, v] of target.searchParams) if (view.get(k) !== v) return to;
  return last ? `${target.pathname}?${last}` : target.pathname;
}
