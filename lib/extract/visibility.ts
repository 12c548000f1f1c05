import { docView } from '../dom/safe';

/**
 * An `isHidden` for live pages: elements hidden by stylesheet rules (class/id selectors), which the
 * inline-style check in extractDocument cannot see. Standard DOM only (getComputedStyle reads the
 * cascade; it does not force layout). Only elements with a class or id are asked — inline styles are
 * already handled and rules on bare tags hiding content are vanishingly rare — so Word pages with a
 * class on every paragraph cost one style read per element at most.
 */
export function computedHidden(el: Element): boolean {
  if (!el.hasAttribute('class') && !el.hasAttribute('id')) return false;
  const view = docView(el.ownerDocument);
  if (!view || typeof view.getComputedStyle !== 'function') return false;
  const cs = view.getComputedStyle(el);
  return cs.display === 'none' || cs.visibility === 'hidden' || cs.visibility === 'collapse';
}
