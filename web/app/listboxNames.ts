// rc-select (under antd's Select) draws its open list as a role=listbox with no name and no prop to give it
// one (axe: aria-input-field-name, serious), so a screen reader announces "list" without saying which.
// The list's id is its combobox's id plus `_list`: it takes the combobox's own name, its label's or aria-label.
const UNNAMED = '[role="listbox"][id$="_list"]:not([aria-label]):not([aria-labelledby])';

function nameOf(list: HTMLElement) {
  const box = document.getElementById(list.id.slice(0, -'_list'.length));
  if (!box) return;
  const label = (box as HTMLInputElement).labels?.[0];
  if (label) {
    label.id ||= `${box.id}_label`;
    list.setAttribute('aria-labelledby', label.id);
    return;
  }
  const by = box.getAttribute('aria-labelledby');
  const text = box.getAttribute('aria-label');
  if (by) list.setAttribute('aria-labelledby', by);
  else if (text) list.setAttribute('aria-label', text);
}

/** Names every select's list as it opens, for the life of the page: only in what each change added. */
export function nameListboxes() {
  new MutationObserver((records) => {
    for (const r of records) {
      for (const node of r.addedNodes) {
        if (!(node instanceof HTMLElement)) continue;
        if (node.matches(UNNAMED)) nameOf(node);
        else node.querySelectorAll<HTMLElement>(UNNAMED).forEach(nameOf);
      }
    }
  }).observe(document.body, { childList: true, subtree: true });
}
