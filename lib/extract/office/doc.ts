/**
 * Word 97 (.doc) text with its table structure → DOM. The binary reading is Node-only
 * (./doc-node.ts, word-extractor plus the paragraph properties that mark table rows); this part is
 * pure so it is tested on its own.
 */
import { repairTables } from './tables';

export interface Word97Cell {
  text: string;
  /** Grid columns the cell covers (from the cell edges of its row). */
  colSpan: number;
  /** Vertical merge: 'restart' starts a merged run, 'continue' is covered by the cell above. */
  vMerge: 'none' | 'restart' | 'continue';
}

export type Word97Block = { kind: 'p'; text: string } | { kind: 'table'; rows: Word97Cell[][] };

export interface Word97Text {
  blocks: Word97Block[];
}

export function wordTextToElement(text: Word97Text, document: Document): Element {
  const root = document.createElement('article');
  root.setAttribute('data-dc-source', 'doc');
  for (const b of text.blocks) {
    if (b.kind === 'p') {
      const p = document.createElement('p');
      p.textContent = b.text;
      root.appendChild(p);
      continue;
    }
    root.appendChild(tableElement(b.rows, document));
  }
  repairTables(root);
  return root;
}

function tableElement(rows: Word97Cell[][], document: Document): Element {
  const table = document.createElement('table');
  const tbody = document.createElement('tbody');
  table.appendChild(tbody);
  // Grid column of each cell, to find the cell a 'continue' continues.
  const starts: number[][] = rows.map((cells) => {
    let c = 0;
    return cells.map((cell) => {
      const s = c;
      c += Math.max(1, cell.colSpan);
      return s;
    });
  });
  const tds: (Element | null)[][] = [];
  const spans: number[][] = [];
  for (let r = 0; r < rows.length; r++) {
    const tr = document.createElement('tr');
    const rowEls: (Element | null)[] = [];
    const rowSpans: number[] = [];
    for (let i = 0; i < rows[r].length; i++) {
      const cell = rows[r][i];
      if (cell.vMerge === 'continue' && r > 0) {
        // Extend the origin above: the nearest cell starting at the same column that is not itself covered.
        let origin: Element | null = null;
        let oj = -1;
        let rr = r - 1;
        for (; rr >= 0; rr--) {
          oj = starts[rr].indexOf(starts[r][i]);
          if (oj < 0) break;
          if (tds[rr][oj]) {
            origin = tds[rr][oj];
            break;
          }
        }
        if (origin) {
          spans[rr][oj]++;
          origin.setAttribute('rowspan', String(spans[rr][oj]));
          rowEls.push(null);
          rowSpans.push(0);
          continue;
        }
      }
      const td = document.createElement('td');
      if (cell.colSpan > 1) td.setAttribute('colspan', String(cell.colSpan));
      const lines = cell.text.split('\n');
      for (let l = 0; l < lines.length; l++) {
        if (l > 0) td.appendChild(document.createElement('br'));
        td.appendChild(document.createTextNode(lines[l]));
      }
      tr.appendChild(td);
      rowEls.push(td);
      rowSpans.push(1);
    }
    tds.push(rowEls);
    spans.push(rowSpans);
    tbody.appendChild(tr);
  }
  return table;
}
