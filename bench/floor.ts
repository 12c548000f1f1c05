/**
 * The DOM floor the benchmark divides by: the bare cost of walking a DOM and reading table cells'
 * text, with nothing else (no trimming, no grids, no recognition). Standard DOM only, so the same
 * code runs in linkedom (Node) and inside Chromium.
 */

import Decimal from 'decimal.js';

type Root = Document | Element;

/**
 * Characters of the cells of a table's first `maxRows` rows (direct rows and rows of its
 * thead/tbody/tfoot; nested tables excluded). Element-sibling steps and localName only: linkedom's
 * `children` and `tagName` build arrays and strings on every call (an earlier version using them cost
 * ~4× more in Node, which flattered every ratio).
 */
function readRows(table: Element, maxRows: number): number {
  let n = 0;
  let rows = 0;
  for (let k = table.firstElementChild; k !== null && rows < maxRows; k = k.nextElementSibling) {
    const name = k.localName;
    if (name === 'tr') {
      n += readCells(k);
      rows++;
    } else if (name === 'tbody' || name === 'thead' || name === 'tfoot') {
      for (let r = k.firstElementChild; r !== null && rows < maxRows; r = r.nextElementSibling) {
        if (r.localName === 'tr') {
          n += readCells(r);
          rows++;
        }
      }
    }
  }
  return n;
}

function readCells(row: Element): number {
  let n = 0;
  for (let c = row.firstElementChild; c !== null; c = c.nextElementSibling) {
    const name = c.localName;
    if (name === 'td' || name === 'th') n += (c.textContent ?? '').length;
  }
  return n;
}

/** Read every table cell's text once. Returns the characters read (so the work cannot be elided). */
export function floorAllCells(root: Root): number {
  let n = 0;
  const tables = root.getElementsByTagName('table');
  for (let t = 0; t < tables.length; t++) n += readRows(tables[t], Infinity);
  return n;
}

/** Read the first `k` rows of every table (the least a detector must look at). */
export function floorFirstRows(root: Root, k = 3): number {
  let n = 0;
  const tables = root.getElementsByTagName('table');
  for (let t = 0; t < tables.length; t++) n += readRows(tables[t], k);
  return n;
}

/**
 * The floor read literally — "walking the same DOM and reading every table cell's text
 * once": visit every node from script (firstChild/nextSibling, nodeType, localName) and read each
 * td/th's textContent once without descending into it. floorAllCells is the stricter floor (native
 * table lookup, no walk of the narrative); both are printed.
 */
export function floorWalkDom(root: Root): number {
  let n = 0;
  const start: Node = 'documentElement' in root && root.documentElement ? root.documentElement : (root as Node);
  let node: Node | null = start;
  while (node) {
    let descend = false;
    if (node.nodeType === 1) {
      const name = (node as Element).localName;
      if (name === 'td' || name === 'th') n += (node.textContent ?? '').length;
      else descend = true;
    }
    if (descend && node.firstChild) {
      node = node.firstChild;
      continue;
    }
    while (node && node !== start && !node.nextSibling) node = node.parentNode;
    if (!node || node === start) break;
    node = node.nextSibling;
  }
  return n;
}

/**
 * Reference, not a floor: the least any JS extractor pays — visit every node once from script
 * (firstChild/nextSibling), reading nodeType, tag name and text data. In Chromium each visit
 * crosses the JS↔DOM binding, so this alone costs a few times the native textContent floor.
 */
export function jsWalk(root: Root): number {
  let n = 0;
  const start: Node = 'documentElement' in root && root.documentElement ? root.documentElement : (root as Node);
  let node: Node | null = start;
  while (node) {
    if (node.nodeType === 3) n += (node as Text).data.length;
    else if (node.nodeType === 1) n += (node as Element).localName.length;
    if (node.firstChild) {
      node = node.firstChild;
      continue;
    }
    while (node && node !== start && !node.nextSibling) node = node.parentNode;
    if (!node || node === start) break;
    node = node.nextSibling;
  }
  return n;
}

// A cell that reads as a plain amount: digits with thousands separators, an optional fraction.
const PLAIN_AMOUNT = /^\s*-?\d[\d,]*(?:\.\d+)?\s*$/;

/**
 * Reference, not a floor: read every cell as floorAllCells does and turn each one that reads as a
 * plain amount into a decimal.js value (a fresh one every time, as on a first check) — what the
 * page's amounts cost before any recognition, identity or narrative rule. Returns the number of
 * amounts (so the work cannot be elided).
 */
export function cellAmounts(root: Root): number {
  // Its own loops rather than readRows with a per-cell callback: a callback would slow the floors
  // every ratio divides by (and so flatter them).
  let n = 0;
  const tables = root.getElementsByTagName('table');
  for (let t = 0; t < tables.length; t++) {
    for (let k = tables[t].firstElementChild; k !== null; k = k.nextElementSibling) {
      const name = k.localName;
      if (name === 'tr') n += rowAmounts(k);
      else if (name === 'tbody' || name === 'thead' || name === 'tfoot') {
        for (let r = k.firstElementChild; r !== null; r = r.nextElementSibling) if (r.localName === 'tr') n += rowAmounts(r);
      }
    }
  }
  return n;
}

function rowAmounts(row: Element): number {
  let n = 0;
  for (let c = row.firstElementChild; c !== null; c = c.nextElementSibling) {
    const name = c.localName;
    if (name !== 'td' && name !== 'th') continue;
    const text = c.textContent ?? '';
    if (PLAIN_AMOUNT.test(text) && !new Decimal(text.replace(/[,\s]/g, '')).isNaN()) n++;
  }
  return n;
}

/** Number of td/th cells (for the growth series). */
export function countCells(root: Root): number {
  return root.getElementsByTagName('td').length + root.getElementsByTagName('th').length;
}

/** Rows read by floorFirstRows: the first rows of each table. */
export const FIRST_ROWS = 3;
