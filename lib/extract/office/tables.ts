/**
 * Repairs of Word tables as converters write them (docx → HTML), before lib/extract reads the grid.
 *
 * Word-to-Word conversions (LibreOffice importing a "save as web page" table, for one) leave two
 * kinds of debris: padding columns on the right that hold nothing in any row, and vertical merges
 * that carry on into the row below the one where they visibly end, so that row's own cells are
 * pushed right past the table's width (the 栏次 row of a 决算 table shows up beside the grid, not
 * under it). Both are repaired by the table's own evidence only: the width W is the widest row's
 * own content (cells up to its last non-empty one). A row whose cells alone fit in W but which the
 * merges from above would push beyond W ends those merges (and, when narrower than W, its first
 * cell — the row's label — spans the rest); empty cells starting at or beyond W go.
 * A table whose rows all fit is left exactly as it is.
 */

interface CellRec {
  el: Element;
  colSpan: number;
  rowSpan: number;
  empty: boolean;
}

function childrenByName(el: Element, names: string[]): Element[] {
  const out: Element[] = [];
  for (let c = el.firstElementChild; c; c = c.nextElementSibling) if (names.includes(c.localName)) out.push(c);
  return out;
}

function rowsOf(table: Element): Element[] {
  const rows: Element[] = [];
  for (let c = table.firstElementChild; c; c = c.nextElementSibling) {
    if (c.localName === 'tr') rows.push(c);
    else if (c.localName === 'thead' || c.localName === 'tbody' || c.localName === 'tfoot') rows.push(...childrenByName(c, ['tr']));
  }
  return rows;
}

function span(el: Element, name: string): number {
  const n = Number(el.getAttribute(name) ?? '1');
  return Number.isInteger(n) && n >= 1 ? Math.min(n, 1000) : 1;
}

function isEmpty(el: Element): boolean {
  return (el.textContent ?? '').replace(/[\s\u00a0\u3000]+/g, '') === '';
}

/** Width of a row's own cells up to its last non-empty one. */
function ownWidth(cells: CellRec[]): number {
  let w = 0;
  let upTo = 0;
  for (const c of cells) {
    w += c.colSpan;
    if (!c.empty) upTo = w;
  }
  return upTo;
}

export function repairTable(table: Element): void {
  const rows = rowsOf(table);
  const recs: CellRec[][] = rows.map((tr) =>
    childrenByName(tr, ['td', 'th']).map((el) => ({ el, colSpan: span(el, 'colspan'), rowSpan: span(el, 'rowspan'), empty: isEmpty(el) })),
  );
  let W = 0;
  for (const cells of recs) W = Math.max(W, ownWidth(cells));
  if (W === 0) return;
  // cover[c]: the origin of a vertical merge still covering column c, and the last row it covers.
  let cover: ({ rec: CellRec; row: number; last: number } | undefined)[] = [];
  /** Rows the ended merges used to cover: they are re-placed from the left edge. */
  let cutUntil = -1;
  for (let r = 0; r < recs.length; r++) {
    const cells = recs[r];
    const active = new Set<{ rec: CellRec; row: number; last: number }>();
    let covered = 0;
    for (let c = 0; c < cover.length; c++) {
      const k = cover[c];
      if (k && k.last >= r) {
        covered++;
        active.add(k);
      } else cover[c] = undefined;
    }
    const own = ownWidth(cells);
    if (covered > 0 && own > 0 && own <= W && covered + own > W) {
      for (const k of active) {
        k.rec.rowSpan = r - k.row;
        if (k.rec.rowSpan > 1) k.rec.el.setAttribute('rowspan', String(k.rec.rowSpan));
        else k.rec.el.removeAttribute('rowspan');
      }
      for (const k of active) cutUntil = Math.max(cutUntil, k.last);
      cover = [];
    }
    if (r <= cutUntil) {
      // Re-placed from the left edge, a row narrower than the table is a label row whose first cell
      // spans the code and name columns (栏次, 合计): widen it so the values stay under their headers.
      let full = 0;
      for (const c of cells) full += c.colSpan;
      if (full < W && cells.length > 0) {
        cells[0].colSpan += W - full;
        cells[0].el.setAttribute('colspan', String(cells[0].colSpan));
      }
    }
    let col = 0;
    for (const rec of cells) {
      while (cover[col] && cover[col]!.last >= r) col++;
      const start = col;
      if (rec.empty && start >= W) {
        rec.el.remove();
        continue;
      }
      if (rec.empty && start + rec.colSpan > W) {
        rec.colSpan = W - start;
        if (rec.colSpan > 1) rec.el.setAttribute('colspan', String(rec.colSpan));
        else rec.el.removeAttribute('colspan');
      }
      if (rec.rowSpan > 1) {
        const k = { rec, row: r, last: r + rec.rowSpan - 1 };
        for (let c = start; c < start + rec.colSpan; c++) cover[c] = k;
      }
      col = start + rec.colSpan;
    }
  }
}

/** Repairs every table under root (nested ones too). */
export function repairTables(root: Element): void {
  const tables = root.getElementsByTagName('table');
  for (let i = 0; i < tables.length; i++) repairTable(tables[i]);
}
