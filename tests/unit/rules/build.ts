/**
 * Test builder for the table rules: builds TableModel / Disclosure objects directly from tiny
 * arrays, so rule tests do not depend on HTML extraction or recognition.
 *
 *   const t1 = tbl('T1', { panels: { income: { cols: ['amount'], rows: [['', '一、一般公共预算财政拨款收入', '880.81'], …] } } });
 *   const d = disclosure([t1, t2]);
 *   const c = at(t1, '本年收入合计', 'amount', 'income');
 *
 * A row array is [code, name, ...values in `cols` order]; '' or null code = no code.
 * Kinds are inferred (其中 → of-which, 总计 → grand-total, 合计 without code → total, no name and
 * no value → blank) unless a RowSpec object gives `kind` explicitly.
 */
import { parseAmount } from '../../../lib/money';
import type { Finding } from '../../../lib/checks/types';
import type { Rule } from '../../../lib/checks/types';
import { runRules } from '../../../lib/checks/runner';
import type { ParagraphBlock, TableBlock } from '../../../lib/extract/types';
import type {
  CodeLevel,
  Disclosure,
  ModelCell,
  Panel,
  Row,
  RowKind,
  Section,
  TableKey,
  TableModel,
  Unit,
} from '../../../lib/model/types';
import { BUDGET_TABLE_NAMES } from '../../../lib/model/types';

export interface RowSpec {
  code?: string | null;
  name: string;
  kind?: RowKind;
  level?: CodeLevel | null;
  values: Array<string | null | undefined>;
}
export type RowInput = RowSpec | Array<string | null | undefined>;

export interface PanelSpec {
  cols: string[];
  rows: RowInput[];
}

export interface TableSpec {
  /** One panel 'main' … */
  cols?: string[];
  rows?: RowInput[];
  /** … or named panels (T1/T4 income/expense, T6 left/middle/right). */
  panels?: Record<string, PanelSpec>;
  unit?: Unit;
  /** Decimals the table prints (万元: 2; 元: 0). */
  precision?: number;
  notes?: string[];
  title?: string;
}

const NAMES: Record<TableKey, string> = {
  T1: '收入支出决算总表',
  T2: '收入决算表',
  T3: '支出决算表',
  T4: '财政拨款收入支出决算总表',
  T5: '一般公共预算财政拨款支出决算表',
  T6: '一般公共预算财政拨款基本支出决算表',
  T7: '政府性基金预算财政拨款收入支出决算表',
  T8: '国有资本经营预算财政拨款支出决算表',
  T9: '财政拨款“三公”经费支出决算表',
  ...Object.fromEntries(Object.entries(BUDGET_TABLE_NAMES).map(([k, v]) => [k, v.zh])),
} as Record<TableKey, string>;

function inferKind(code: string | null, name: string, values: Array<string | null | undefined>): RowKind {
  const n = name.replace(/\s+/g, '');
  if (/^其中/.test(n)) return 'of-which';
  if (!code && /总计/.test(n)) return 'grand-total';
  if (!code && /小计/.test(n)) return 'subtotal';
  if (!code && /合计/.test(n)) return 'total';
  if (!code && !n && values.every((v) => !v || !v.trim())) return 'blank';
  return 'data';
}

function levelOf(code: string | null): CodeLevel | null {
  const n = code?.length ?? 0;
  return n === 3 ? 'lei' : n === 5 ? 'kuan' : n === 7 ? 'xiang' : null;
}

function toSpec(r: RowInput): RowSpec {
  if (Array.isArray(r)) {
    const [code, name, ...values] = r;
    return { code: code || null, name: name ?? '', values };
  }
  return r;
}

export function tbl(key: TableKey, spec: TableSpec): TableModel {
  const precision = spec.precision ?? (spec.unit === '元' ? 0 : 2);
  const panelSpecs: Record<string, PanelSpec> =
    spec.panels ?? { main: { cols: spec.cols ?? [], rows: spec.rows ?? [] } };
  const panels: Panel[] = [];
  let maxRow = 0;
  let maxCol = 0;
  Object.entries(panelSpecs).forEach(([id, ps], pi) => {
    const base = pi * 20; // distinct grid columns per panel
    const columns = [
      { key: 'code', col: base, header: '科目编码', numeric: false },
      { key: 'name', col: base + 1, header: '项目', numeric: false },
      ...ps.cols.map((k, j) => ({ key: k, col: base + 2 + j, header: k, numeric: true })),
    ];
    const rows: Row[] = ps.rows.map((input, ri) => {
      const r = toSpec(input);
      const gridRow = ri + 2; // two header rows
      const code = r.code ?? null;
      const cells: Record<string, ModelCell> = {};
      ps.cols.forEach((k, j) => {
        const text = r.values[j];
        if (text === undefined || text === null) return; // no cell at all
        const col = base + 2 + j;
        cells[k] = {
          table: key,
          row: gridRow,
          col,
          text,
          value: parseAmount(text, { precision }),
          source: { el: null, text, row: gridRow, col, rowSpan: 1, colSpan: 1, isHeader: false },
        };
        maxCol = Math.max(maxCol, col + 1);
      });
      maxRow = Math.max(maxRow, gridRow + 1);
      return {
        row: gridRow,
        kind: r.kind ?? inferKind(code, r.name, r.values),
        code,
        level: r.level !== undefined ? r.level : levelOf(code),
        name: r.name,
        line: null,
        cells,
      };
    });
    panels.push({ id, columns, rows });
  });
  const allEmpty = panels.every((p) =>
    p.rows.every((r) =>
      Object.values(r.cells).every((c) => c.value.kind === 'empty' || (c.value.kind === 'number' && c.value.value.isZero())),
    ),
  );
  return {
    key,
    title: spec.title ?? NAMES[key],
    name: NAMES[key],
    marker: null,
    unit: spec.unit ?? '万元',
    blocks: [],
    rows: maxRow,
    cols: maxCol,
    panels,
    allEmpty,
    notes: (spec.notes ?? []).map((text) => para(text)),
  };
}

let paraIndex = 10_000;
function para(text: string, index = paraIndex++): ParagraphBlock {
  return { kind: 'paragraph', index, text, el: null };
}

function tableBlock(t: TableModel, index: number): TableBlock {
  return { kind: 'table', index, el: null, grid: [], rows: t.rows, cols: t.cols, caption: '' };
}

export type LayoutItem = TableModel | string | { heading: string };

/**
 * A disclosure from tables, or from a layout in reading order: tables, paragraphs (strings) and
 * section headings ({ heading }). A table's `notes` are placed directly after it.
 */
export function disclosure(items: LayoutItem[]): Disclosure {
  const tables: Partial<Record<TableKey, TableModel>> = {};
  const paragraphs: ParagraphBlock[] = [];
  const sections: Section[] = [];
  let index = 0;
  let current: Section | null = null;
  for (const item of items) {
    if (typeof item === 'string') {
      const p = para(item, index++);
      paragraphs.push(p);
      current?.paragraphs.push(p);
    } else if ('heading' in item) {
      if (current) current.end = index;
      const h = para(item.heading, index++);
      paragraphs.push(h);
      current = {
        id: `P${sections.length + 1}`,
        depth: 1,
        title: item.heading,
        heading: h,
        paragraphs: [],
        children: [],
        start: h.index,
        end: h.index + 1,
      };
      sections.push(current);
    } else {
      item.blocks = [tableBlock(item, index++)];
      item.notes = item.notes.map((n) => {
        const p = para(n.text, index++);
        paragraphs.push(p);
        current?.paragraphs.push(p);
        return p;
      });
      tables[item.key] = item;
    }
  }
  if (current) current.end = index;
  return {
    info: { title: 'test', department: null, year: 2024, unit: '万元', kind: 'final', scope: null, format: 'html' },
    tables,
    unrecognised: [],
    sections,
    paragraphs,
    tocBlocks: [],
  };
}

/** The cell of `t` in the row whose code or normalised name equals `row`, column `col`. */
export function at(t: TableModel, row: string, col: string, panelId?: string): ModelCell {
  const norm = (s: string) => s.replace(/[\s\u3000]+/g, '');
  const panels = panelId ? t.panels.filter((p) => p.id === panelId) : t.panels;
  for (const p of panels) {
    const r = p.rows.find((x) => x.code === row || norm(x.name) === norm(row));
    const c = r?.cells[col];
    if (c) return c;
  }
  throw new Error(`no cell ${t.key}/${panelId ?? '*'}/${row}/${col}`);
}

/** "T1:27:2:total" — a cell reference as a comparable string. */
export function ref(cell: ModelCell, role: string): string {
  return `${cell.table}:${cell.row}:${cell.col}:${role}`;
}

/** The cell references of a finding, sorted. */
export function refsOf(f: Finding): string[] {
  return f.cells.map((c) => ref(c.cell, c.role)).sort();
}

export function run(rule: Rule, d: Disclosure) {
  const r = runRules(d, [rule]);
  return { findings: r.findings, outcome: r.rules[0]?.outcome, result: r.rules[0] };
}

/** Short summary of findings: "severity" per finding, for table-driven assertions. */
export function severities(findings: Finding[]): string[] {
  return findings.map((f) => f.severity);
}

/** Findings reduced to what the tests assert: rule id, severity and the exact cell references. */
export function brief(fs: Finding[]): Array<{ rule: string; severity: string; cells: string[] }> {
  return fs.map((f) => ({ rule: f.rule, severity: f.severity, cells: refsOf(f) }));
}

/** The expected brief of one finding: cells as [cell, role] pairs. */
export function expected(
  rule: string,
  severity: string,
  cells: Array<[ModelCell, 'total' | 'part' | 'value']>,
): { rule: string; severity: string; cells: string[] } {
  return { rule, severity, cells: cells.map(([c, r]) => ref(c, r)).sort() };
}
