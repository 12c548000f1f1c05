/** Tiny disclosures for the narrative-claim tests: paragraphs + hand-made table models. */
import { parseAmount } from '../../lib/money';
import type { ParagraphBlock } from '../../lib/extract/types';
import type { Disclosure, ModelCell, Row, RowKind, TableKey, TableModel } from '../../lib/model/types';
import type { Finding, Rule } from '../../lib/checks/types';
import { runRules } from '../../lib/checks/runner';

export interface RowSpec {
  name: string;
  code?: string;
  kind?: RowKind;
  cells: Record<string, string>;
}

let rowCounter = 0;

export function table(key: TableKey, panels: Record<string, RowSpec[]>, opts: { marker?: string } = {}): TableModel {
  rowCounter = 0;
  const ps = Object.entries(panels).map(([id, rows]) => ({
    id,
    columns: [],
    rows: rows.map((r): Row => {
      const row = rowCounter++;
      const cells: Record<string, ModelCell> = {};
      Object.entries(r.cells).forEach(([k, text], col) => {
        cells[k] = {
          table: key,
          row,
          col: col + 2,
          text,
          value: parseAmount(text),
          source: { el: null, text, row, col: col + 2, rowSpan: 1, colSpan: 1, isHeader: false },
        };
      });
      const code = r.code ?? null;
      return {
        row,
        kind: r.kind ?? (/合计|小计/.test(r.name) ? 'total' : r.name === '总计' ? 'grand-total' : 'data'),
        code,
        level: code ? (code.length === 3 ? 'lei' : code.length === 5 ? 'kuan' : code.length === 7 ? 'xiang' : null) : null,
        name: r.name,
        line: null,
        cells,
      };
    }),
  }));
  return {
    key,
    title: key,
    name: key,
    marker: opts.marker ?? null,
    unit: '万元',
    blocks: [],
    rows: rowCounter,
    cols: 6,
    panels: ps,
    allEmpty: false,
    notes: [],
  };
}

export function para(text: string, index: number): ParagraphBlock {
  return { kind: 'paragraph', index, text, el: null };
}

/** A disclosure whose narrative is the given lines (headings included, as on the page). */
export function disclosure(lines: string[], tables: Partial<Record<TableKey, TableModel>> = {}, year: number | null = 2024): Disclosure {
  return {
    info: { title: `${year ?? ''}年度部门决算`, department: null, year, unit: '万元', kind: 'final', scope: null, format: 'html' },
    tables,
    unrecognised: [],
    sections: [],
    paragraphs: lines.map((t, i) => para(t, i + 100)),
    tocBlocks: [],
  };
}

export function run(rule: Rule, d: Disclosure): Finding[] {
  return runRules(d, [rule]).findings;
}

export function outcome(rule: Rule, d: Disclosure): string {
  return runRules(d, [rule]).rules[0].outcome;
}

/** [severity, expected, actual] triples, for compact assertions. */
export const brief = (fs: Finding[]) => fs.map((f) => [f.rule, f.severity, f.expected, f.actual]);

// Frequently used tables (numbers from the seed document, which are consistent with each other).
export const T1 = () =>
  table('T1', {
    income: [
      { name: '一、一般公共预算财政拨款收入', cells: { amount: '880.81' } },
      { name: '八、其他收入', cells: { amount: '15.76' } },
      { name: '本年收入合计', kind: 'total', cells: { amount: '896.57' } },
      { name: '总计', kind: 'grand-total', cells: { amount: '896.57' } },
    ],
    expense: [
      { name: '本年支出合计', kind: 'total', cells: { amount: '896.57' } },
      { name: '总计', kind: 'grand-total', cells: { amount: '896.57' } },
    ],
  });

export const T3 = () =>
  table('T3', { main: [{ name: '合计', kind: 'total', cells: { total: '896.57', basic: '896.57', project: '' } }] });

export const T4 = () => table('T4', { income: [{ name: '总计', kind: 'grand-total', cells: { amount: '880.81' } }] });

export const T5 = () =>
  table('T5', {
    main: [
      { name: '合计', kind: 'total', cells: { total: '880.81', basic: '880.81', project: '' } },
      { name: '一般公共服务支出', code: '201', cells: { total: '742.39' } },
      { name: '党委办公厅（室）及相关机构事务', code: '20131', cells: { total: '742.39' } },
      { name: '行政运行', code: '2013101', cells: { total: '732.39' } },
      { name: '其他党委办公厅（室）及相关机构事务支出', code: '2013199', cells: { total: '10' } },
      { name: '社会保障和就业支出', code: '208', cells: { total: '87.96' } },
      { name: '住房保障支出', code: '221', cells: { total: '50.46' } },
      { name: '住房改革支出', code: '22102', cells: { total: '50.46' } },
      { name: '住房公积金', code: '2210201', cells: { total: '50.46' } },
    ],
  });

export const T6 = () =>
  table('T6', {
    left: [
      { name: '工资福利支出', code: '301', cells: { amount: '578.83' } },
      { name: '伙食补助费', code: '30106', cells: { amount: '' } },
      { name: '基本工资', code: '30101', cells: { amount: '180.29' } },
      { name: '人员经费合计', kind: 'total', cells: { amount: '582.12' } },
    ],
    middle: [
      { name: '商品和服务支出', code: '302', cells: { amount: '298.44' } },
      { name: '办公费', code: '30201', cells: { amount: '155.87' } },
      { name: '公用经费合计', kind: 'total', cells: { amount: '298.68' } },
    ],
  });

export const T9 = () =>
  table('T9', {
    main: [
      {
        name: '',
        cells: {
          'budget.total': '9.32',
          'budget.abroad': '7.57',
          'budget.car': '0',
          'budget.reception': '1.75',
          'actual.total': '7.57',
          'actual.abroad': '7.57',
          'actual.car': '0',
          'actual.reception': '0',
        },
      },
    ],
  });
