/**
 * Document properties read past DOM clobbering. HTMLDocument is [LegacyOverrideBuiltIns]: a page
 * element `<img name="body">` or `<form name="documentElement">` makes `document.body` /
 * `document.documentElement` return that element — in an extension's isolated world too. These
 * read the real accessor from the prototype chain instead (named properties never live there).
 */
function builtin<T>(doc: Document, name: string): T | null {
  for (let p = Object.getPrototypeOf(doc) as object | null; p; p = Object.getPrototypeOf(p) as object | null) {
    const d = Object.getOwnPropertyDescriptor(p, name);
    if (!d) continue;
    const v = d.get ? (d.get.call(doc) as unknown) : d.value;
    return (v ?? null) as T | null;
  }
  return null;
}

/** `<html>` of the document, whatever the page named its elements. */
export function docElement(doc: Document): HTMLElement | null {
  const v = builtin<HTMLElement>(doc, 'documentElement');
  return v && v.nodeType === 1 ? v : null;
}

/** `<body>` (or frameset) of the document, whatever the page named its elements. */
export function docBody(doc: Document): HTMLElement | null {
  const v = builtin<HTMLElement>(doc, 'body');
  return v && v.nodeType === 1 ? v : null;
}

/** `<head>` of the document, whatever the page named its elements. */
export function docHead(doc: Document): HTMLElement | null {
  const v = builtin<HTMLElement>(doc, 'head');
  return v && v.nodeType === 1 ? v : null;
}

/**
 * A built-in method of `obj`, from its prototype chain: a named element is an own property of the
 * document (or of a `<form>`), so `<form name="querySelector">` cannot take the method's place.
 * Neither Chromium's isolated world nor Firefox's Xrays show a page's named properties to a content
 * script today (tests/e2e/hostile*.test.ts checks both), but the same code runs on documents in
 * extension pages and in other DOMs.
 */
function method(obj: object, name: string): ((...args: never[]) => unknown) | null {
  for (let p = Object.getPrototypeOf(obj) as object | null; p; p = Object.getPrototypeOf(p) as object | null) {
    const d = Object.getOwnPropertyDescriptor(p, name);
    if (d) return typeof d.value === 'function' ? (d.value as (...args: never[]) => unknown) : null;
  }
  return null;
}

function call<R>(obj: object, name: string, ...args: unknown[]): R {
  const fn = method(obj, name) as ((...a: unknown[]) => R) | null;
  if (!fn) throw new TypeError(`${name} is not a method here`);
  return fn.apply(obj, args);
}

/** A document read past clobbering: its accessors and the methods the extension calls. */
export function createEl<K extends keyof HTMLElementTagNameMap>(doc: Document, tag: K): HTMLElementTagNameMap[K];
export function createEl(doc: Document, tag: string): HTMLElement;
export function createEl(doc: Document, tag: string): HTMLElement {
  return call<HTMLElement>(doc, 'createElement', tag);
}

export function createText(doc: Document, text: string): Text {
  return call<Text>(doc, 'createTextNode', text);
}

export function createRange(doc: Document): Range {
  return call<Range>(doc, 'createRange');
}

export function createWalker(doc: Document, root: Node, whatToShow: number): TreeWalker {
  return call<TreeWalker>(doc, 'createTreeWalker', root, whatToShow);
}

/** querySelector on a document, fragment or element (a `<form>` is clobberable too). */
export function query(root: Document | Element | DocumentFragment, selector: string): Element | null {
  return call<Element | null>(root, 'querySelector', selector);
}

export function queryAll(root: Document | Element | DocumentFragment, selector: string): NodeListOf<Element> {
  return call<NodeListOf<Element>>(root, 'querySelectorAll', selector);
}

/** The native method itself (for isNative tests), or null. */
export function builtinMethod(obj: object, name: string): unknown {
  return method(obj, name);
}

export function byTag(root: Document | Element, tag: string): HTMLCollectionOf<Element> {
  return call<HTMLCollectionOf<Element>>(root, 'getElementsByTagName', tag);
}

export function listen(target: EventTarget, type: string, fn: EventListener, options?: boolean | AddEventListenerOptions): void {
  call<void>(target, 'addEventListener', type, fn, options);
}

export function unlisten(target: EventTarget, type: string, fn: EventListener, options?: boolean | EventListenerOptions): void {
  call<void>(target, 'removeEventListener', type, fn, options);
}

export function docView(doc: Document | null | undefined): (Window & typeof globalThis) | null {
  if (!doc) return null;
  return builtin<Window & typeof globalThis>(doc, 'defaultView');
}

export function docTitleText(doc: Document): string {
  const v = builtin<string>(doc, 'title');
  return typeof v === 'string' ? v : '';
}

export function docReadyState(doc: Document): string {
  const v = builtin<string>(doc, 'readyState');
  return typeof v === 'string' ? v : '';
}

export function docBaseURI(doc: Document): string | null {
  const v = builtin<string>(doc, 'baseURI');
  return typeof v === 'string' ? v : null;
}
