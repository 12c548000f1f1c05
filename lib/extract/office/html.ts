/**
 * Library-made HTML (mammoth's output) → elements of the caller's document.
 *
 * Never innerHTML: the string is tokenised here and only a short list of tags is created with
 * createElement, text with createTextNode, and only colspan/rowspan kept. So a hostile .docx cannot
 * put a script, an event handler, a link or an image into the extension page, whatever the library
 * lets through; and the same code runs on linkedom (CLI) and in the browser.
 */

const KEEP = new Set([
  'p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'table', 'thead', 'tbody', 'tfoot', 'tr', 'td', 'th',
  'ul', 'ol', 'li', 'strong', 'b', 'em', 'i', 'u', 's', 'sup', 'sub', 'br', 'blockquote', 'pre', 'caption',
]);
/** Tags kept as their text only (a link's words stay, the href does not). */
const UNWRAP = new Set(['a', 'span', 'div', 'section', 'article', 'header', 'footer', 'colgroup', 'col']);
/** Tags dropped with everything inside. */
const DROP = new Set(['script', 'style', 'img', 'svg', 'object', 'embed', 'iframe', 'template', 'title', 'head', 'noscript', 'math']);
const VOID = new Set(['br', 'img', 'col', 'hr', 'meta', 'link', 'input', 'wbr']);

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

export function decodeEntities(s: string): string {
  if (s.indexOf('&') < 0) return s;
  return s.replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]{2,8});/gi, (m, e: string) => {
    if (e[0] === '#') {
      const n = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return n > 0 && n <= 0x10ffff && !(n >= 0xd800 && n <= 0xdfff) ? String.fromCodePoint(n) : '\ufffd';
    }
    return ENTITIES[e.toLowerCase()] ?? m;
  });
}

function spanAttr(attrs: string, name: string): string | null {
  const m = new RegExp(`\\b${name}\\s*=\\s*(?:"(\\d{1,4})"|'(\\d{1,4})'|(\\d{1,4}))`, 'i').exec(attrs);
  return m ? (m[1] ?? m[2] ?? m[3]) : null;
}

/** Appends the content of `html` to `into`. */
export function appendHtml(html: string, into: Element): void {
  const doc = into.ownerDocument;
  const stack: Element[] = [into];
  /** Depth of dropped elements we are inside (their content is skipped). */
  let dropping = 0;
  const re = /<(\/?)([a-zA-Z][a-zA-Z0-9]*)([^>]*)>|<!--[\s\S]*?-->|<![^>]*>|<\?[^>]*>/g;
  let last = 0;
  const text = (s: string) => {
    if (dropping || s === '') return;
    stack[stack.length - 1].appendChild(doc.createTextNode(decodeEntities(s)));
  };
  for (let m = re.exec(html); m; m = re.exec(html)) {
    text(html.slice(last, m.index));
    last = re.lastIndex;
    if (m[2] === undefined) continue; // comment, doctype
    const tag = m[2].toLowerCase();
    const closing = m[1] === '/';
    const selfClosing = /\/\s*$/.test(m[3]);
    if (DROP.has(tag)) {
      if (VOID.has(tag) || selfClosing) continue;
      dropping += closing ? (dropping > 0 ? -1 : 0) : 1;
      continue;
    }
    if (dropping || UNWRAP.has(tag) || !KEEP.has(tag)) continue;
    if (closing) {
      // Close up to the matching open element (mammoth's output is well formed; this tolerates the rest).
      for (let i = stack.length - 1; i > 0; i--) {
        if (stack[i].localName === tag) {
          stack.length = i;
          break;
        }
      }
      continue;
    }
    const el = doc.createElement(tag);
    if (tag === 'td' || tag === 'th') {
      const cs = spanAttr(m[3], 'colspan');
      const rs = spanAttr(m[3], 'rowspan');
      if (cs !== null && cs !== '1') el.setAttribute('colspan', cs);
      if (rs !== null && rs !== '1') el.setAttribute('rowspan', rs);
    }
    stack[stack.length - 1].appendChild(el);
    if (!VOID.has(tag) && !selfClosing) stack.push(el);
  }
  text(html.slice(last));
}
