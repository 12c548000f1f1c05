/**
 * A combined check (issue 18 item 3): an article whose narrative is on the page and whose tables
 * are in an attachment is checked as one document — the page's paragraphs, then the attachment's
 * blocks, in one root, through the same core. This builds the page's half: plain elements made in
 * the check page's document, text set as text (page text is data, never markup).
 */

export interface PageTextLike {
  url: string;
  heading: string;
  paragraphs: readonly string[];
}

/**
 * `<section class="page-text">`: the heading as an h1 (when the article root did not hold it), then
 * one `<p>` per paragraph. `label` goes in a data attribute (shown by CSS), not in the text, so the
 * check never reads it.
 */
export function pageTextSection(doc: Document, text: PageTextLike, label: string): Element {
  const section = doc.createElement('section');
  section.className = 'page-text';
  section.setAttribute('data-page-text', '');
  section.setAttribute('data-label', label);
  if (text.heading && text.heading !== text.paragraphs[0]) {
    const h = doc.createElement('h1');
    h.textContent = text.heading;
    section.appendChild(h);
  }
  for (const p of text.paragraphs) {
    const el = doc.createElement('p');
    el.textContent = p;
    section.appendChild(el);
  }
  return section;
}

const PART = /^第[一二三四五六七八九十]+部分/;
/** A line naming the tables part: "第二部分 部门决算表", "部门决算公开表", "2024年度单位预算表（见附件）". */
const TABLES_PART = /^(第[一二三四五六七八九十]+部分)?\s*.{0,40}(决算|预算)(公开)?(报)?表([(（].{0,12}[)）])?$/;

/**
 * Where the attachment's tables belong in the page's text: at the start of the part that follows the
 * line naming the tables part (第二部分 部门决算表 … 第三部分), so that the overview stays before
 * the tables and the explanations after them, as in the published document. Null: after the text.
 */
export function tablesPlace(section: Element): Element | null {
  let named = false;
  for (const el of section.children) {
    const text = (el.textContent ?? '').trim();
    if (!named) {
      if (text.length <= 60 && TABLES_PART.test(text)) named = true;
    } else if (PART.test(text)) {
      return el;
    }
  }
  return null;
}

/**
 * Put the page's text around the attachment's blocks (the reader's root), in place: the part before
 * tablesPlace first, the rest after; all of it first when there is no such place.
 */
export function prependPageText(root: Element, section: Element | null | undefined): void {
  if (!section) return;
  const place = tablesPlace(section);
  if (place) {
    const tail = section.cloneNode(false) as Element;
    for (let n: Node | null = place; n; ) {
      const next: Node | null = n.nextSibling;
      tail.appendChild(n);
      n = next;
    }
    root.appendChild(tail);
  }
  root.insertBefore(section, root.firstChild);
}
