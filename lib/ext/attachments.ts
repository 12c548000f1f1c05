/**
 * Attachments of an article page (issue 18 item 3): the links to .pdf, .doc(x), .xls(x), .wps and
 * .et files that belong to the article, not to the site's navigation or footer. Pure DOM, cheap (one
 * pass over the page's links plus one over its paragraphs): the content script runs it when the
 * popup asks for the page's state. See docs/attachments.md for the heuristic.
 */
import { docBaseURI, docBody, docElement, docTitleText, query, queryAll } from '../dom/safe';

export type AttachmentExt = 'pdf' | 'doc' | 'docx' | 'xls' | 'xlsx' | 'wps' | 'et';

export interface Attachment {
  /** Absolute http(s) address. */
  url: string;
  /** What the page calls it: the link text, else its title attribute, else the file name. */
  name: string;
  ext: AttachmentExt;
  /** Its name says it holds tables (决算/预算/报表/…表), or it is a workbook. */
  tables: boolean;
}

/** At most this many are listed (a download centre is not an article). */
export const MAX_ATTACHMENTS = 20;
/** Names are page text: capped. */
const MAX_NAME = 120;

const EXT_RE = /\.(pdf|docx?|xlsx?|wps|et)$/i;
/** Containers that are site furniture, by tag or ARIA role. */
const FURNITURE_TAGS = new Set(['nav', 'header', 'footer', 'aside', 'menu']);
const FURNITURE_ROLES = /^(navigation|banner|contentinfo|menu|menubar|complementary)$/i;
/** …or by an id/class token (portal templates: .nav, #footer, .bottom, .friend-links, .breadcrumb). */
const FURNITURE_TOKEN = /(^|[-_\s])(nav|navbar|menu|footer|foot|header|breadcrumbs?|crumbs?|sidebar|banner|links|friendlinks?|friend|share|copyright|bottom|topbar)(?=$|[-_\s\d])/i;
/** An attachment whose name says it holds the disclosure's tables. */
const TABLES_NAME = /决算|预算|报表|表/;

/** The extension of a file address or name, or null. */
function extOf(s: string): AttachmentExt | null {
  const m = EXT_RE.exec(s.trim());
  return m ? (m[1].toLowerCase() as AttachmentExt) : null;
}

function fileName(u: URL): string {
  const last = u.pathname.split('/').pop() ?? '';
  try {
    return decodeURIComponent(last);
  } catch {
    return last;
  }
}

const squash = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();

function tokensOf(el: Element): string {
  return `${el.getAttribute('id') ?? ''} ${el.getAttribute('class') ?? ''}`;
}

/** Whether `el` is site furniture (navigation, header, footer, side bar). */
function isFurniture(el: Element): boolean {
  if (FURNITURE_TAGS.has(el.localName)) return true;
  const role = el.getAttribute('role');
  if (role && FURNITURE_ROLES.test(role)) return true;
  return FURNITURE_TOKEN.test(tokensOf(el));
}

/** Whether any ancestor of `el` below `stop` (exclusive) is site furniture. */
function inFurniture(el: Element, stop: Element | null): boolean {
  for (let p: Element | null = el.parentElement; p && p !== stop; p = p.parentElement) {
    if (isFurniture(p)) return true;
  }
  return false;
}

const PARA_MIN = 12;
/**
 * The element that holds the article: the one whose own paragraphs (p, and div/td/li whose text is
 * not in a child block) carry the most text, a child's text counting half for its grandparent so that a
 * wrapper of several paragraph groups wins over one of them. Tables count by their text as well (an
 * article of tables only). Paragraphs in furniture do not count. Null when the page has no text block
 * of PARA_MIN characters.
 */
export function articleRoot(doc: Document): Element | null {
  const body = docBody(doc) ?? docElement(doc);
  if (!body) return null;
  const score = new Map<Element, number>();
  const add = (el: Element | null, n: number) => {
    if (el) score.set(el, (score.get(el) ?? 0) + n);
  };
  const blocks = body.querySelectorAll('p, table, pre, h1, h2, h3, h4, h5, h6');
  let seen = 0;
  for (const el of blocks) {
    if (++seen > 5000) break;
    if (el.localName !== 'table' && el.closest('table')) continue;
    const len = squash(el.textContent).length;
    if (len < PARA_MIN && el.localName !== 'table') continue;
    if (inFurniture(el, null)) continue;
    const w = Math.min(len, 2000);
    add(el.parentElement, w);
    add(el.parentElement?.parentElement ?? null, w / 2);
  }
  let best: Element | null = null;
  let top = 0;
  for (const [el, s] of score) {
    if (s > top) {
      top = s;
      best = el;
    }
  }
  return best;
}

/**
 * Whether a link outside the article root still belongs to the article: it comes after the root
 * in document order and sits under the root's parent or grandparent (the "附件：" box portals put
 * right after the content), or its own block says 附件.
 */
function nearArticle(a: Element, root: Element): boolean {
  const after = (root.compareDocumentPosition(a) & 4) !== 0; // DOCUMENT_POSITION_FOLLOWING
  const parent = root.parentElement;
  const grand = parent?.parentElement ?? null;
  if (after && ((parent && parent.contains(a)) || (grand && grand.contains(a) && grand.localName !== 'body'))) return true;
  const block = a.closest('p, li, div, td');
  return !!block && /附\s*件/.test((block.textContent ?? '').slice(0, 200));
}

/**
 * The article's attachments, in page order, without duplicates. A link counts when its address
 * (path) or its text ends in one of the extensions, it is http(s), and it is in the article (inside
 * the article root, or near it as nearArticle says) and not in site furniture between it and the
 * article root. Without an article root (a page of links), only links whose block says 附件 count.
 */
export function findAttachments(doc: Document, baseUrl?: string, root: Element | null = articleRoot(doc)): Attachment[] {
  const base = baseUrl ?? docBaseURI(doc) ?? undefined;
  const out: Attachment[] = [];
  const seen = new Set<string>();
  let self = '';
  try {
    const here = new URL(base ?? '');
    here.hash = '';
    self = here.href;
  } catch {
    /* no address: nothing is the page itself */
  }
  for (const a of queryAll(doc, 'a[href]')) {
    if (out.length >= MAX_ATTACHMENTS) break;
    let u: URL;
    try {
      u = new URL(a.getAttribute('href') ?? '', base);
    } catch {
      continue;
    }
    if (u.protocol !== 'http:' && u.protocol !== 'https:') continue;
    const text = squash(a.textContent);
    const title = squash(a.getAttribute('title'));
    const file = fileName(u);
    const ext = extOf(file) ?? extOf(text) ?? extOf(title);
    if (!ext) continue;
    const inside = !!root && root.contains(a);
    if (inside ? inFurniture(a, root) : !(root ? nearArticle(a, root) && !inFurniture(a, null) : nearArticle(a, a))) continue;
    u.hash = '';
    // href="#" under a file name: a link to the page itself, not to the file.
    if (u.href === self || seen.has(u.href)) continue;
    seen.add(u.href);
    // "附件1：" and a leading number are the page's list numbering, not the file's name.
    const label = (text && !/^(下载|点击下载|附件)$/.test(text) ? text : title || file).replace(/^附\s*件\s*\d*\s*[:：]\s*/, '').replace(/^\d{1,2}\s*[.、．]\s*(?=\D)/, '');
    const name = label.length > MAX_NAME ? `${label.slice(0, MAX_NAME)}…` : label;
    out.push({ url: u.href, name, ext, tables: ext === 'xls' || ext === 'xlsx' || ext === 'et' || TABLES_NAME.test(`${name} ${file}`) });
  }
  return out;
}

/** What the check page can do with each type (the browser reads no .doc, .wps or .et). */
export function checkableInBrowser(ext: AttachmentExt): boolean {
  return ext === 'pdf' || ext === 'docx' || ext === 'xlsx' || ext === 'xls';
}

/** Words of a disclosure's narrative parts (决算 and 预算 alike). */
const NARRATIVE_WORDS = /部门职责|机构设置|主要职能|收入支出(决算|预算)总体情况|收入(决算|预算)情况|支出(决算|预算)情况|财政拨款|三公|机关运行经费|政府采购|国有资产|绩效|名词解释/g;
const MAX_TEXT = 200_000;

/**
 * Whether the article reads as a 决算/预算 disclosure's narrative: 决算 or 预算 in its title (the
 * document's or its first heading) or its text, and three distinct narrative words in its text.
 */
export function looksLikeNarrative(doc: Document, root: Element | null = articleRoot(doc)): boolean {
  const scope = root ?? docBody(doc);
  if (!scope) return false;
  const text = (scope.textContent ?? '').slice(0, MAX_TEXT);
  const title = `${docTitleText(doc)} ${query(doc, 'h1')?.textContent ?? ''}`;
  if (!/决算|预算/.test(title) && !/决算|预算/.test(text)) return false;
  const words = new Set<string>();
  for (const m of text.matchAll(NARRATIVE_WORDS)) {
    words.add(m[0]);
    if (words.size >= 3) return true;
  }
  return false;
}

export interface PageAttachments {
  attachments: Attachment[];
  /** The article reads as a disclosure's narrative (looksLikeNarrative). */
  narrative: boolean;
}

/** Both, with one article-root search. */
export function pageAttachments(doc: Document, baseUrl?: string): PageAttachments {
  const root = articleRoot(doc);
  const attachments = findAttachments(doc, baseUrl, root);
  return { attachments, narrative: attachments.length > 0 && looksLikeNarrative(doc, root) };
}

/**
 * "本页表格在附件中": the page was fully checked and no table was recognised, its article reads as a
 * disclosure's narrative, and an attachment the browser can read has a name that says it holds the
 * tables (or is a workbook). Those attachments; none otherwise — a page with its own tables, or with
 * no disclosure text, says nothing.
 */
export function tablesInAttachment(
  report: { tables: readonly unknown[] } | null,
  page: Partial<PageAttachments> | null | undefined,
): Attachment[] {
  if (!report || report.tables.length > 0 || !page?.narrative || !page.attachments?.length) return [];
  return page.attachments.filter((a) => a.tables && checkableInBrowser(a.ext));
}
