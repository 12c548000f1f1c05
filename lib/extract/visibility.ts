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

/** Selectors taken from a page's stylesheets at most (a bound for pathological sheets). */
const MAX_HIDING_SELECTORS = 500;
/** A selector the extraction may hand to querySelectorAll as is: tags, classes, ids, combinators. */
const SIMPLE_SELECTOR = /^[\w\s.#>+~*-]+$/;

/**
 * Selectors of the page's own style rules that hide text from readers (issue 21: digits hidden by a
 * class, `.h{display:none}` on a span inside a cell, are shown to no reader but were read):
 * `hide` — `display:none` or `visibility:hidden|collapse`; `zero` — a zero font size, which a page
 * also sets on containers to close the gaps between inline blocks (their children set a size
 * again), so the extraction takes it only on elements without element children. Joined for one
 * native query each. Only top-level style rules (not inside @media), only simple selectors (no
 * pseudo-classes, attributes or functions), readable sheets only (a cross-origin sheet's rules
 * cannot be read). Empty when the DOM has no stylesheet objects (linkedom, the CLI's).
 */
export function stylesheetHiding(root: Node): { hide: string; zero: string } {
  const hide: string[] = [];
  const zero: string[] = [];
  const own = (root as { styleSheets?: StyleSheetList }).styleSheets;
  const sheets = own ?? (root as { ownerDocument?: Document | null }).ownerDocument?.styleSheets;
  if (!sheets || typeof sheets.length !== 'number') return { hide: '', zero: '' };
  for (let i = 0; i < sheets.length && hide.length + zero.length < MAX_HIDING_SELECTORS; i++) {
    let rules: CSSRuleList | null = null;
    try {
      rules = (sheets[i] as CSSStyleSheet).cssRules;
    } catch {
      continue; // cross-origin
    }
    if (!rules) continue;
    for (let j = 0; j < rules.length && hide.length + zero.length < MAX_HIDING_SELECTORS; j++) {
      const r = rules[j] as CSSStyleRule;
      if (r.type !== 1 || !r.style || typeof r.selectorText !== 'string') continue;
      const st = r.style;
      const into = st.display === 'none' || st.visibility === 'hidden' || st.visibility === 'collapse' ? hide : /^0(\.0*)?[a-z%]*$/i.test(String(st.fontSize ?? '').trim()) ? zero : null;
      if (!into) continue;
      for (const part of r.selectorText.split(',')) {
        const sel = part.trim();
        if (sel && SIMPLE_SELECTOR.test(sel)) into.push(sel);
      }
    }
  }
  return { hide: hide.join(','), zero: zero.join(',') };
}
