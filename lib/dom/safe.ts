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
