/**
 * Cheap disclosure detection for the content script: runs on every page, so it never reads the
 * whole page. It looks only at each <table>'s first rows and at the short element(s) just before
 * the table, and stops at the first table that carries a disclosure title or header words.
 */
import { builtinMethod, byTag, createWalker, queryAll } from '../dom/safe';

/** Rows of each table read (title rows inside the table + the header). */
const FIRST_ROWS = 3;
/** Previous siblings inspected for a title, and the most characters read from each. */
const PREV_SIBLINGS = 4;
const MAX_PREV_TEXT = 200;
const MAX_TITLE = 60;

// Table titles (T1–T9 and their aliases) and the page markers 公开01表.
const TITLE_RE =
  /(收入支出|收支|收入|支出|基本支出|三公.{0,3}经费.{0,12})决算(明细|总)?表|公开\s*0?\d\s*表/;
// Budget table titles BT1–BT9 (budget.md): …收支预算总表, 收入/支出预算总表, …功能分类预算表,
// …经济分类预算表, 三公…预算表, and the national names 部门收支总表, 财政拨款收支总表, 一般公共预算(基本)支出表.
const BUDGET_TITLE_RE =
  /(收支|收入|支出|分类|三公.{0,3}经费.{0,12})预算(总)?表|部门(收支|收入|支出)总表|财政拨款收支总表|一般公共预算(基本)?支出表/;
/**
 * A budget disclosure publishes its nine tables together: one budget table in a news item is not one
 * (a 决算 table is enough, as before). Budget hits needed before the page counts.
 */
const BUDGET_TABLES = 2;

/** What a table looks like: a 决算 table, a budget table, or neither. */
type Hit = 'final' | 'budget' | null;
// Header words that occur only in disclosure tables; two distinct ones are needed. One alternation
// scanned once (matchAll) instead of thirteen regexes over the same text.
const HEADER_WORDS =
  /本年收入合计|本年支出合计|财政拨款收入|上级补助收入|附属单位上缴|基本支出|项目支出|年初结转和结余|年末结转和结余|功能分类|经济分类|因公出国|公务接待/g;

/** Whether `text` holds two distinct header words. */
function twoHeaderWords(text: string): boolean {
  let first: string | null = null;
  for (const m of text.matchAll(HEADER_WORDS)) {
    if (first === null) first = m[0];
    else if (m[0] !== first) return true;
  }
  return false;
}

// One of these characters is in every title and header word above (决算, 支出, 收入, 财政, 经费,
// 结转, 上缴, 分类, 公务, 出国, 公开01表).
const KEY_CHARS = /[决支收财费经结缴类务出开]/;
// KEY_CHARS plus the characters of generic header words (项目, 金额, 合计, 科目, 预算/决算).
const HEAD_CHARS = /[决支收财费经结缴类务出开项额计科算]/;

function squash(s: string | null | undefined): string {
  return (s ?? '').replace(/[\s\u00a0\u3000"“”]+/g, '');
}

/**
 * Text of an element only when it is small (a title line). The walk visits at most MAX_NODES
 * nodes, so a big container before the table costs no more than a short paragraph.
 */
const MAX_NODES = 40;
function shortText(el: Element): string | null {
  // Commonest: a paragraph of text only — one native read instead of five per text node (a third of
  // the detector's time on a page of foreign tables went to reading the lines before them). Unlike
  // the walk it is not cut at MAX_NODES: a short line split into more than 40 text nodes (or carrying
  // comments) still counts — the answer can only turn to "disclosure", and the read is one string.
  if (el.firstElementChild === null) {
    const t = el.textContent ?? '';
    return t.length > MAX_PREV_TEXT ? null : t;
  }
  let out = '';
  let nodes = 0;
  let n: Node | null = el.firstChild;
  while (n) {
    if (++nodes > MAX_NODES) return null;
    if (n.nodeType === 3) {
      out += n.nodeValue ?? '';
      if (out.length > MAX_PREV_TEXT) return null;
    } else if (n.nodeType === 1) {
      const tag = (n as Element).localName;
      if (tag === 'table' || tag === 'script' || tag === 'style') return null;
      if (n.firstChild) {
        n = n.firstChild;
        continue;
      }
    }
    while (n && n !== el && !n.nextSibling) n = n.parentNode;
    if (!n || n === el) break;
    n = n.nextSibling;
  }
  return out;
}

/** Text of the first `n` rows: table > tr or table > thead/tbody/tfoot > tr, nothing deeper. */
function firstRowsText(table: Element, n: number): string {
  let out = '';
  let got = 0;
  for (let c = table.firstElementChild; c && got < n; c = c.nextElementSibling) {
    const tag = c.localName; // lower case in HTML and XHTML documents alike
    if (tag === 'caption') {
      out += c.textContent ?? '';
    } else if (tag === 'tr') {
      out += c.textContent ?? '';
      got++;
    } else if (tag === 'tbody' || tag === 'thead' || tag === 'tfoot') {
      for (let r = c.firstElementChild; r && got < n; r = r.nextElementSibling) {
        if (r.localName !== 'tr') continue;
        out += r.textContent ?? '';
        got++;
      }
    }
  }
  return out;
}

function tableHits(table: Element): Hit {
  let head = firstRowsText(table, FIRST_ROWS);
  // The header of every disclosure table holds a header word (项目, 金额, 合计, 科目, 收入, 支出, 经费,
  // 决算数 …): a table whose first rows have none is not one, whatever stands before it (and the page
  // needs only one table to hit). Schedules, rosters and the like stop here, before their title lines
  // are read — that walk was half the detector's cost on a page of foreign tables.
  if (!HEAD_CHARS.test(head)) return null;
  if (!KEY_CHARS.test(head)) return titleBefore(table);
  head = squash(head);
  if (TITLE_RE.test(head)) return 'final';
  if (BUDGET_TITLE_RE.test(head) && !/决算/.test(head)) return 'budget';
  // Budget (预算) tables share these words: a 预算数 header without 决算 is a budget table's.
  if (twoHeaderWords(head)) return /预算数/.test(head) && !/决算/.test(head) ? 'budget' : 'final';

  return titleBefore(table);
}

/** Whether one of the short lines just before the table is a title (title paragraph, 公开01表). */
function titleBefore(table: Element): Hit {
  let el: Element | null = table;
  let looked = 0;
  while (el && looked < PREV_SIBLINGS) {
    let prev: Element | null = el.previousElementSibling;
    if (!prev) {
      // First child: the title may be before the wrapper (<div><table>…).
      el = el.parentElement;
      if (!el || el.localName === 'body') break;
      looked++;
      continue;
    }
    if (prev.localName === 'table') break; // the previous table: its lines are not this table's title
    const t = shortText(prev);
    // A title line, not a sentence that mentions a table (squash keeps 。，；, so test them first).
    // Every title holds 表: most lines before a foreign table stop at that one string search.
    if (t !== null && t.indexOf('表') >= 0 && KEY_CHARS.test(t) && !/[。，；]/.test(t)) {
      const sq = squash(t);
      if (sq.length <= MAX_TITLE && TITLE_RE.test(sq)) return 'final';
      if (sq.length <= MAX_TITLE && !sq.includes('决算') && BUDGET_TITLE_RE.test(sq)) return 'budget';
    }
    el = prev;
    looked++;
  }
  return null;
}

/** Elements visited looking for shadow hosts (a page without a disclosure table in its light DOM). */
const MAX_HOST_SCAN = 20_000;

/**
 * True when the page holds at least one table that looks like a disclosure table — in its light
 * DOM, or else in a same-origin frame or an open shadow root (issue 21), which the check reads too.
 */
export function looksLikeDisclosure(root: Document | Element | DocumentFragment, depth = 0): boolean {
  return scan(root, depth, { budget: 0 });
}

/** `tally.budget` counts budget tables across the frames and shadow roots of one page. */
function scan(root: Document | Element | DocumentFragment, depth: number, tally: { budget: number }): boolean {
  // getElementsByTagName where there is one (cheaper, the common case); a shadow root has only queries.
  // Through the prototype (lib/dom/safe): a document's methods can be shadowed by named elements.
  const tables: ArrayLike<Element> =
    typeof builtinMethod(root, 'getElementsByTagName') === 'function'
      ? byTag(root as Element, 'table')
      : typeof builtinMethod(root, 'querySelectorAll') === 'function'
        ? queryAll(root, 'table')
        : [];
  for (let i = 0; i < tables.length; i++) {
    const hit = tableHits(tables[i]);
    if (hit === 'final' || (hit === 'budget' && ++tally.budget >= BUDGET_TABLES)) return true;
  }
  if (depth >= 3 || typeof builtinMethod(root, 'querySelectorAll') !== 'function') return false;
  for (const f of Array.from(queryAll(root, 'iframe, frame'))) {
    let d: Document | null = null;
    try {
      d = (f as HTMLIFrameElement).contentDocument;
    } catch {
      d = null;
    }
    if (d && scan(d, depth + 1, tally)) return true;
  }
  // Shadow hosts: no selector finds them; a bounded walk over the elements does.
  const doc = root.nodeType === 9 ? (root as Document) : root.ownerDocument;
  if (!doc || typeof builtinMethod(doc, 'createTreeWalker') !== 'function') return false;
  const walker = createWalker(doc, root, 1 /* SHOW_ELEMENT */);
  for (let n = walker.nextNode(), seen = 0; n && seen < MAX_HOST_SCAN; n = walker.nextNode(), seen++) {
    const sr = (n as Element).shadowRoot;
    if (sr && scan(sr, depth + 1, tally)) return true;
  }
  return false;
}
