/**
 * Hosts for our on-page UI (tooltip, verdict chip). The tag name carries a random suffix made when
 * the script starts (`dc-tooltip-k3x9…`): a page that defines a custom element `dc-tooltip` (on
 * purpose or by accident) would otherwise have its class construct our host — every tooltip broken
 * or read by page code. Found by tests and print CSS through `data-dc-ui="tooltip|verdict"`.
 */
import { createEl, docElement } from '../dom/safe';

export const UI_ATTR = 'data-dc-ui';
export type UiKind = 'tooltip' | 'verdict';

function randomSuffix(): string {
  const c = (globalThis as { crypto?: { getRandomValues?: (a: Uint32Array) => Uint32Array } }).crypto;
  const a = new Uint32Array(2);
  if (typeof c?.getRandomValues === 'function') c.getRandomValues(a);
  else for (let i = 0; i < a.length; i++) a[i] = Math.floor(Math.random() * 0x100000000);
  return Array.from(a, (n) => n.toString(36)).join('');
}

/** One suffix per script run: hosts keep one name while the page is open. */
const SUFFIX = randomSuffix();

export function uiTagName(kind: UiKind): string {
  return `dc-${kind}-${SUFFIX}`;
}

/**
 * A host element with an open shadow root, appended to `<html>` (outside <body>: the page's layout
 * and body-level selectors never see it). The root is returned, not read back through
 * `host.shadowRoot` later.
 */
export function createUiHost(doc: Document, kind: UiKind): { host: HTMLElement; root: ShadowRoot } {
  const host = createEl(doc, uiTagName(kind));
  host.setAttribute(UI_ATTR, kind);
  const root = host.attachShadow({ mode: 'open' });
  docElement(doc)?.append(host);
  return { host, root };
}
