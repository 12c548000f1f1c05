/**
 * Shared helpers for the table identities (I-xx): finding locating cells by column key / code,
 * rounding-aware comparisons through lib/money, and bilingual messages with expected vs stated,
 * difference and tolerance. Every comparison goes through lib/money — no thresholds here.
 */
import type Decimal from 'decimal.js';
import { compareAtMost, compareEqual, compareLinear, compareRestatement, compareSum, exact, formatAmount, verdictOf, wanHalfUp, yuanToWan } from '../money';
import type { Amount, Comparison } from '../money';
import type { Disclosure, ModelCell, Panel, Row, TableKey, TableModel } from '../model/types';
import { BUDGET_TABLE_NAMES } from '../model/types';
import type { Bilingual, CellRef, CellRole, Finding, RuleContext, RuleMeta, Severity } from './types';
import type { Relation, RelationTerm } from '../localize/relation';
import { memoByText } from '../memo';

export const EMPTY: Amount = { kind: 'empty', text: '' };

/** A blank or absent cell is an exact 0; a nan cell is not a number (never 0). */
export function amountOf(cell: ModelCell | undefined): Amount {
  return cell ? cell.value : EMPTY;
}

// ---------------------------------------------------------------------------------------------
// Documentation attached to each rule file (rendered by scripts/gen-rule-docs.ts).

/**
 * Documentation of a rule, read only by scripts/gen-rule-docs.ts: kept out of RuleMeta so that the
 * checker bundle (which tree-shakes the unused `doc` exports) does not carry it.
 */
export interface RuleDoc {
  /** What the rule checks and why (may cite the regulation). */
  rationale: Bilingual;
  /** The relation, in the catalog's notation. */
  relation: Bilingual;
  /** A tiny table (Markdown) that passes. */
  pass: string;
  /** A tiny table (Markdown) that fails, with the finding it produces. */
  fail: string;
  /** Known limits (what the rule does not see). */
  limits: Bilingual[];
}

// ---------------------------------------------------------------------------------------------
// Names

export const TABLE_NAMES: Record<TableKey, Bilingual> = {
  T1: { zh: '收入支出决算总表', en: 'income & expenditure summary (T1)' },
  T2: { zh: '收入决算表', en: 'income table (T2)' },
  T3: { zh: '支出决算表', en: 'expenditure table (T3)' },
  T4: { zh: '财政拨款收入支出决算总表', en: 'fiscal appropriation summary (T4)' },
  T5: { zh: '一般公共预算财政拨款支出决算表', en: 'general public budget expenditure (T5)' },
  T6: { zh: '一般公共预算财政拨款基本支出决算表', en: 'basic expenditure by economic class (T6)' },
  T7: { zh: '政府性基金预算财政拨款收入支出决算表', en: 'government fund budget table (T7)' },
  T8: { zh: '国有资本经营预算财政拨款支出决算表', en: 'state capital budget table (T8)' },
  T9: { zh: '财政拨款“三公”经费支出决算表', en: '"three public expenses" table (T9)' },
  ...BUDGET_TABLE_NAMES,
};

/** Column keys → labels (model/types.ts documents the keys per table). */
const COLUMN_LABELS: Record<string, Bilingual> = {
  amount: { zh: '决算数', en: 'amount' },
  total: { zh: '合计', en: 'total' },
  fiscal: { zh: '财政拨款收入', en: 'fiscal appropriation' },
  upper: { zh: '上级补助收入', en: 'subsidy from higher level' },
  business: { zh: '事业收入', en: 'public-service revenue' },
  operating: { zh: '经营收入/支出', en: 'operating' },
  affiliated: { zh: '附属单位上缴收入', en: 'remittances from affiliates' },
  other: { zh: '其他收入', en: 'other income' },
  basic: { zh: '基本支出', en: 'basic expenditure' },
  project: { zh: '项目支出', en: 'project expenditure' },
  remit: { zh: '上缴上级支出', en: 'remittance to higher level' },
  subsidy: { zh: '对附属单位补助支出', en: 'subsidies to affiliates' },
  general: { zh: '一般公共预算财政拨款', en: 'general public budget' },
  govfund: { zh: '政府性基金预算财政拨款', en: 'government fund budget' },
  soe: { zh: '国有资本经营预算财政拨款', en: 'state capital budget' },
  opening: { zh: '年初结转和结余', en: 'opening balance' },
  income: { zh: '本年收入', en: 'income of the year' },
  closing: { zh: '年末结转和结余', en: 'closing balance' },
  'budget.total': { zh: '预算数合计', en: 'budget total' },
  'budget.abroad': { zh: '预算数因公出国（境）费', en: 'budget travel abroad' },
  'budget.car': { zh: '预算数公务用车购置及运行费小计', en: 'budget official cars subtotal' },
  'budget.carPurchase': { zh: '预算数公务用车购置费', en: 'budget car purchase' },
  'budget.carRunning': { zh: '预算数公务用车运行维护费', en: 'budget car running' },
  'budget.reception': { zh: '预算数公务接待费', en: 'budget official reception' },
  'actual.total': { zh: '决算数合计', en: 'actual total' },
  'actual.abroad': { zh: '决算数因公出国（境）费', en: 'actual travel abroad' },
  'actual.car': { zh: '决算数公务用车购置及运行费小计', en: 'actual official cars subtotal' },
  'actual.carPurchase': { zh: '决算数公务用车购置费', en: 'actual car purchase' },
  'actual.carRunning': { zh: '决算数公务用车运行维护费', en: 'actual car running' },
  'actual.reception': { zh: '决算数公务接待费', en: 'actual official reception' },
};

export function columnLabel(key: string, panel?: Panel): Bilingual {
  const known = COLUMN_LABELS[key];
  if (known) return known;
  const header = panel?.columns.find((c) => c.key === key)?.header;
  return { zh: header || key, en: header || key };
}

const SPACE_RE = /[\s\u00a0\u3000]+/g;
const NUMBERING_RE =
  /^(?:[（(][一二三四五六七八九十百]+[)）]|[一二三四五六七八九十百]+[、.．，,]|[（(]\d+[)）]|\d+[、.．](?!\d))/;
const LEVEL_TAG_RE = /[（(](?:类|款|项)[)）]/g;

/** Name without spaces, leading numbering ("一、", "（一）", "1、") and （类）/（款）/（项） tags. */
// Rules look rows up by name again and again; a page has a few hundred distinct names.
export const normName: (name: string) => string = memoByText((name) => computeNormName(name));

function computeNormName(name: string): string {
  let s = name.replace(SPACE_RE, '');
  s = s.replace(NUMBERING_RE, '');
  return s.replace(LEVEL_TAG_RE, '');
}

/** A 其中 row by its name. normName only drops characters: a name without 其 is never one (no lookup). */
export function isOfWhichName(name: string): boolean {
  return name.includes('其') && normName(name).startsWith('其中');
}

/** 功能分类 类 names (2024 catalogue), used to pair a coded 类 row with a T1/T4 row by name. */
const FUNCTION_CLASS: Record<string, string> = {
  '201': '一般公共服务', '202': '外交', '203': '国防', '204': '公共安全', '205': '教育',
  '206': '科学技术', '207': '文化旅游体育与传媒', '208': '社会保障和就业', '209': '社会保险基金',
  '210': '卫生健康', '211': '节能环保', '212': '城乡社区', '213': '农林水', '214': '交通运输',
  '215': '资源勘探工业信息等', '216': '商业服务业等', '217': '金融', '219': '援助其他地区',
  '220': '自然资源海洋气象等', '221': '住房保障', '222': '粮油物资储备', '223': '国有资本经营预算',
  '224': '灾害防治及应急管理', '227': '预备费', '229': '其他', '230': '转移性', '231': '债务还本',
  '232': '债务付息', '233': '债务发行费用', '234': '抗疫特别国债安排的',
};

/** Comparable key of a 功能分类 类 name: normalised, without the trailing 支出. */
export const classKey: (name: string) => string = memoByText((name) => normName(name).replace(/支出$/, ''));

/** The catalogue's 类 key for a 3-digit code, if known. */
export function classKeyOfCode(code: string | null): string | null {
  return code && FUNCTION_CLASS[code.slice(0, 3)] !== undefined && code.length === 3 ? FUNCTION_CLASS[code] : null;
}

// ---------------------------------------------------------------------------------------------
// Table access

export function table(d: Disclosure, key: TableKey): TableModel | undefined {
  return d.tables[key];
}

/** A panel by id; without an id, 'main' or the only/first panel. */
export function panel(t: TableModel | undefined, id?: string): Panel | undefined {
  if (!t) return undefined;
  if (id) return t.panels.find((p) => p.id === id);
  return t.panels.find((p) => p.id === 'main') ?? t.panels[0];
}

export function cellOf(row: Row | undefined, key: string): ModelCell | undefined {
  return row ? (row.cells[key] as ModelCell | undefined) : undefined;
}

// Per-panel / per-table lookups that several rules repeat: computed once per model object. The
// model is read-only once recognised; callers never mutate the returned arrays.
const valueRowsMemo = new WeakMap<Panel, Row[]>();
const byCodeMemo = new WeakMap<Panel | TableModel, Map<string, Row>>();
const t6RowsMemo = new WeakMap<TableModel, Row[]>();

/** Rows that carry values (not blank). */
export function valueRows(p: Panel | undefined): Row[] {
  if (!p) return [];
  let v = valueRowsMemo.get(p);
  if (!v) valueRowsMemo.set(p, (v = p.rows.filter((r) => r.kind !== 'blank')));
  return v;
}

/** First non-blank, non-其中 row per code, in row order. */
function codeIndex(key: Panel | TableModel, rows: readonly Row[]): Map<string, Row> {
  let m = byCodeMemo.get(key);
  if (!m) {
    m = new Map();
    for (const r of rows) if (r.code !== null && r.kind !== 'of-which' && !m.has(r.code)) m.set(r.code, r);
    byCodeMemo.set(key, m);
  }
  return m;
}

export function rowByName(rows: readonly Row[], re: RegExp, from = 0, to = rows.length): Row | undefined {
  const names = normNames(rows);
  for (let i = from; i < to; i++) if (re.test(names[i])) return rows[i];
  return undefined;
}

// Normalised names per row list (rules look rows up by name again and again in the same panels).
const namesMemo = new WeakMap<readonly Row[], string[]>();

function normNames(rows: readonly Row[]): string[] {
  let v = namesMemo.get(rows);
  if (!v || v.length !== rows.length) {
    v = rows.map((r) => normName(r.name));
    namesMemo.set(rows, v);
  }
  return v;
}

export function indexOfRow(rows: readonly Row[], row: Row | undefined): number {
  return row ? rows.indexOf(row) : -1;
}

/** The 合计 row of a classification table (a total row without a code), wherever it is printed. */
export function grandRow(p: Panel | undefined): Row | undefined {
  if (!p) return undefined;
  return (
    p.rows.find((r) => r.kind === 'total' && !r.code && /合计|总计/.test(r.name)) ??
    p.rows.find((r) => r.kind === 'total' && !r.code) ??
    p.rows.find((r) => !r.code && /^(?:合计|总计|本年支出合计|本年收入合计)$/.test(normName(r.name)))
  );
}

export function codeLevelOf(row: Row): 'lei' | 'kuan' | 'xiang' | null {
  if (row.level) return row.level;
  const n = row.code?.length ?? 0;
  return n === 3 ? 'lei' : n === 5 ? 'kuan' : n === 7 ? 'xiang' : null;
}

/** 类 rows of a classification table (3-digit codes), excluding 其中 rows. */
export function classRows(p: Panel | undefined): Row[] {
  return valueRows(p).filter((r) => r.kind !== 'of-which' && r.code && codeLevelOf(r) === 'lei');
}

export function rowByCode(p: Panel | undefined, code: string): Row | undefined {
  return p ? codeIndex(p, valueRows(p)).get(code) : undefined;
}

/** Non-zero numeric value (empty and nan count as not non-zero). */
export function isNonZero(cell: ModelCell | undefined): boolean {
  return !!cell && cell.value.kind === 'number' && !cell.value.value.isZero();
}

// ---------------------------------------------------------------------------------------------
// Describing cells

interface CellPlace {
  table: TableModel;
  panel: Panel;
  row: Row;
  key: string;
}

/**
 * Where a cell sits: its own table's rows are ordered by grid row, so the row is found by its
 * index (findings are few; no index of every cell is built). A cell not found there (a synthetic
 * or foreign cell) is searched in every table.
 */
function placeOf(d: Disclosure, cell: ModelCell): CellPlace | undefined {
  const own = d.tables[cell.table];
  if (own) {
    const hit = placeIn(own, cell);
    if (hit) return hit;
  }
  for (const t of Object.values(d.tables)) {
    if (!t || t === own) continue;
    const hit = placeIn(t, cell);
    if (hit) return hit;
  }
  return undefined;
}

function placeIn(t: TableModel, cell: ModelCell): CellPlace | undefined {
  for (const p of t.panels) {
    for (const r of p.rows) {
      if (r.row !== cell.row) continue;
      for (const key in r.cells) if (r.cells[key] === cell) return { table: t, panel: p, row: r, key };
    }
  }
  // Not at its own row index (a hand-built model): look at every row.
  for (const p of t.panels)
    for (const r of p.rows) for (const key in r.cells) if (r.cells[key] === cell) return { table: t, panel: p, row: r, key };
  return undefined;
}

/** "2013101 行政运行「基本支出」" — row code and name, column label. */
const descriptions = new WeakMap<ModelCell, Bilingual>();

export function describeCell(d: Disclosure, cell: ModelCell): Bilingual {
  // Cells belong to one disclosure; the same cells are described by many comparisons.
  let v = descriptions.get(cell);
  if (!v) descriptions.set(cell, (v = describeCellUncached(d, cell)));
  return { zh: v.zh, en: v.en };
}

function describeCellUncached(d: Disclosure, cell: ModelCell): Bilingual {
  const place = placeOf(d, cell);
  if (!place) {
    const where = `R${cell.row + 1}C${cell.col + 1}`;
    return { zh: `${cell.table} ${where}`, en: `${cell.table} ${where}` };
  }
  const rowName = [place.row.code, place.row.name.replace(SPACE_RE, '')].filter(Boolean).join(' ');
  const col = columnLabel(place.key, place.panel);
  // A one-row table (T9) has no row name: the column says it all.
  if (!rowName) return { zh: `「${col.zh}」`, en: `[${col.en}]` };
  const single = place.panel.columns.filter((c) => c.numeric).length <= 1;
  // "合计「合计」" says nothing twice: the row name is enough when it is the column's own label.
  return single || normName(place.row.name) === col.zh
    ? { zh: rowName, en: rowName }
    : { zh: `${rowName}「${col.zh}」`, en: `${rowName} [${col.en}]` };
}

/**
 * How a person cites a cell (design.md `label`): the table's own marker or its name · row code and name ·
 * column header — "公开06表 · 302 商品和服务支出 · 决算数". Names stay as printed.
 */
const labels = new WeakMap<ModelCell, Bilingual>();

export function cellLabel(d: Disclosure, cell: ModelCell): Bilingual {
  let v = labels.get(cell);
  if (!v) labels.set(cell, (v = joinCite(cellCite(d, cell))));
  return v;
}

/**
 * The parts of a cell's citation: table (marker or name), row code, row name (as printed, spaces
 * dropped) and column; the CSV gives each its own column. A cell outside every recognised row cites
 * its 1-based grid position as the row and column.
 */
export interface CellCite {
  table: Bilingual;
  rowCode: string;
  rowName: string;
  column: Bilingual;
}

const cites = new WeakMap<ModelCell, CellCite>();

export function cellCite(d: Disclosure, cell: ModelCell): CellCite {
  let v = cites.get(cell);
  if (!v) cites.set(cell, (v = cellCiteUncached(d, cell)));
  return v;
}

function cellCiteUncached(d: Disclosure, cell: ModelCell): CellCite {
  const t = d.tables[cell.table];
  const table = {
    zh: t?.marker || t?.title || tableNameOf(cell).zh,
    en: t?.marker ? `${t.marker} (${cell.table})` : tableNameOf(cell).en,
  };
  const place = placeOf(d, cell);
  if (!place) {
    return {
      table,
      rowCode: '',
      rowName: `第${cell.row + 1}行`,
      column: { zh: `第${cell.col + 1}列`, en: `column ${cell.col + 1}` },
    };
  }
  const col = columnLabel(place.key, place.panel);
  // Unknown columns: the printed header's last level ("本年支出/基本支出" → "基本支出").
  const colZh = COLUMN_LABELS[place.key] ? col.zh : (col.zh.split('/').pop() || col.zh);
  const colEn = COLUMN_LABELS[place.key] ? col.en : colZh;
  return { table, rowCode: place.row.code ?? '', rowName: place.row.name.replace(SPACE_RE, ''), column: { zh: colZh, en: colEn } };
}

/**
 * "公开06表 · 302 商品和服务支出 · 决算数". A column named as its row ("合计" of the 合计 row) is
 * said once: "公开05表 · 合计".
 */
export function joinCite(c: CellCite): Bilingual {
  const row = [c.rowCode, c.rowName].filter(Boolean).join(' ');
  const join = (table: string, col: string) => [table, row, col === c.rowName ? '' : col].filter(Boolean).join(' · ');
  if (!c.rowCode && /^第\d+行$/.test(c.rowName)) {
    return { zh: `${c.table.zh} · ${c.rowName}${c.column.zh}`, en: `${c.table.en} · row ${c.rowName.slice(1, -1)}, ${c.column.en}` };
  }
  return { zh: join(c.table.zh, c.column.zh), en: join(c.table.en, c.column.en) };
}

function tableNameOf(cell: ModelCell): Bilingual {
  return TABLE_NAMES[cell.table] ?? { zh: cell.table, en: cell.table };
}

function fmt(d: Decimal, decimals: number): string {
  return formatAmount(d, decimals);
}

function tol(d: Decimal): string {
  return d.toFixed();
}

/** How a blank cell reads in every message: never "0.00" (a blank is no value). */
export const BLANK_TEXT: Bilingual = { zh: '（空）', en: '(blank)' };

/** The value of a compared cell for a message: its amount, or （空） when blank. */
function shown(cell: ModelCell | undefined, v: Decimal, decimals: number, lang: 'zh' | 'en'): string {
  return cell && cell.value.kind === 'empty' ? BLANK_TEXT[lang] : fmt(v, decimals);
}

// Relation coefficients and the tolerance of 0 = 0 (shared, immutable).
const ONE = exact(1);
const MINUS_ONE = exact(-1);
const ZERO = exact(0);
const WAN_PER_YUAN = exact('0.0001');
const HALF_CENT = exact('0.005');
const zeroOf = (): Decimal => ZERO;

// ---------------------------------------------------------------------------------------------
// Participation tracing (used by the mutation test to enumerate every cell in an identity).

export type ParticipationKind = 'equality' | 'at-most-part' | 'at-most-whole';
type Tracer = (cell: ModelCell, kind: ParticipationKind, rule: string) => void;
let tracer: Tracer | null = null;

/** Observe every cell that takes part in a comparison (tests only); returns an unsubscribe. */
export function traceParticipation(fn: Tracer): () => void {
  tracer = fn;
  return () => {
    if (tracer === fn) tracer = null;
  };
}

// ---------------------------------------------------------------------------------------------
// The checker: comparisons → findings

export interface Checker {
  readonly d: Disclosure;
  /** stated total = Σ parts. Returns the verdict, or null when skipped (no total cell / unreadable). */
  sum(total: ModelCell | undefined, parts: Array<ModelCell | undefined>, partsLabel: Bilingual | (() => Bilingual)): Comparison | null;
  /** One quantity printed twice: `stated` vs `reference` (one unit of the last printed decimal). */
  equal(stated: ModelCell | undefined, reference: ModelCell | undefined, referenceLabel?: Bilingual): Comparison | null;
  /** part ≤ whole; only a strict excess beyond tolerance is an error. */
  atMost(part: ModelCell | undefined, whole: ModelCell | undefined): Comparison | null;
  /** result = Σ sign·terms (年末 = 年初 + 本年收入 − 本年支出). */
  linear(
    result: ModelCell | undefined,
    terms: Array<{ cell: ModelCell | undefined; sign: 1 | -1 }>,
    termsLabel: Bilingual,
  ): Comparison | null;
  /** A notice or finding not produced by a comparison. */
  report(severity: Severity, message: Bilingual, cells: CellRef[], extra?: { expected?: string | null; actual?: string | null }): void;
  /** part ≤ whole where one is printed in 元 and the other in 万元 (budget BT8 ↔ BT9): the 元 cell is converted exactly. */
  atMostAcross(part: ModelCell | undefined, whole: ModelCell | undefined): Comparison | null;
  /** A 万元 cell restating a 元 cell: equal to half-up(元 / 10⁴, 2) exactly (budget.md, B-21). */
  restates(wan: ModelCell | undefined, yuan: ModelCell | undefined): Comparison | null;
}

export interface CheckerOptions {
  /**
   * Whole-元 tables hide the 分 (budget.md): in a sum whose operands are all printed without decimals
   * in a 元 table, a gap of up to 1 元 per summed term is a notice, not an error.
   */
  wholeYuanPerTerm?: boolean;
}

export function checker(ctx: RuleContext, meta: RuleMeta, options: CheckerOptions = {}): Checker {
  const d = ctx.disclosure;
  // Created on first use: most rules never meet a nan cell or a unit clash.
  let nanReported: Set<ModelCell> | null = null;

  const trace = (cells: Array<ModelCell | undefined>, kind: ParticipationKind) => {
    if (!tracer) return;
    for (const c of cells) if (c) tracer(c, kind, meta.id);
  };

  /** Warn once per rule about each cell that is not a number; the identity is skipped. */
  const unreadable = (cells: Array<ModelCell | undefined>, what: Bilingual): void => {
    for (const c of cells) {
      // A label where an amount belongs (合计 / 基本支出 …): the relation does not apply to this row.
      if (!c || c.value.kind !== 'nan' || c.value.label || nanReported?.has(c)) continue;
      (nanReported ??= new Set()).add(c);
      const t = tableNameOf(c);
      const where = describeCell(d, c);
      ctx.report({
        severity: 'warning',
        message: {
          zh: `${t.zh}：${where.zh} 的内容「${c.text}」不是数字，无法核对${what.zh}（已跳过该项校验，不按 0 处理）`,
          en: `${t.en}: ${where.en} holds "${c.text}", which is not a number; ${what.en} was not checked (skipped, not treated as 0)`,
        },
        expected: null,
        actual: c.text,
        cells: [{ cell: c, role: 'value' }],
        spans: [],
        quote: null,
      });
    }
  };

  const severityOf = (cmp: Exclude<Comparison, { verdict: 'unreadable' }>): Severity | null =>
    cmp.verdict === 'pass' ? null : cmp.verdict === 'notice' ? 'notice' : meta.severity;

  const refs = (total: ModelCell, totalRole: CellRole, parts: Array<ModelCell | undefined>, partRole: CellRole): CellRef[] => {
    const out: CellRef[] = [{ cell: total, role: totalRole }];
    for (const p of parts) if (p && !out.some((r) => r.cell === p)) out.push({ cell: p, role: partRole });
    return out;
  };

  /**
   * Declares the relation Σ coef·x (= | ≤) 0 a comparison checked, with its tolerance and outcome
   * (lib/localize reads them; passing ones too). `terms` lists [cell, sign, role]; a cell named twice
   * adds its coefficients.
   */
  const relate = (
    op: Relation['op'],
    terms: Array<[ModelCell | undefined, 1 | -1 | Decimal, RelationTerm['role']]>,
    tolerance: Decimal,
    verdict: Relation['verdict'],
    finding: Finding | null,
  ): void => {
    const sink = ctx.relate;
    if (!sink) return;
    const out: RelationTerm[] = [];
    for (const [cell, sign, role] of terms) {
      if (!cell) continue;
      const coef = sign === 1 ? ONE : sign === -1 ? MINUS_ONE : sign;
      const i = out.findIndex((t) => t.x.kind === 'cell' && t.x.cell === cell);
      // A cell twice with one sign is 2·x; with both, it cancels out.
      if (i >= 0) out[i] = { ...out[i], coef: out[i].coef.plus(coef) };
      else out.push({ x: { kind: 'cell', cell }, coef, role });
    }
    for (let i = out.length - 1; i >= 0; i--) if (out[i].coef.isZero()) out.splice(i, 1);
    if (out.length > 0) sink({ rule: meta.id, op, terms: out, tolerance, verdict, finding });
  };

  const emit = (
    cmp: Exclude<Comparison, { verdict: 'unreadable' }>,
    cells: CellRef[],
    stated: Bilingual,
    op: string,
    computed: Bilingual,
    statedCell?: ModelCell,
    referenceCell?: ModelCell,
  ): Finding | null => {
    const severity = severityOf(cmp);
    if (!severity) return null;
    const actual = shown(statedCell, cmp.actual, cmp.decimals, 'zh');
    const expected = shown(referenceCell, cmp.expected, cmp.decimals, 'zh');
    const actualEn = shown(statedCell, cmp.actual, cmp.decimals, 'en');
    const expectedEn = shown(referenceCell, cmp.expected, cmp.decimals, 'en');
    const diff = fmt(cmp.difference.abs(), cmp.decimals);
    const tolerance = tol(cmp.tolerance);
    const rounding = severity === 'notice';
    const zhTail = rounding ? `（尾数差异：差 ${diff}，容差 ${tolerance}）` : `（差 ${diff}，容差 ${tolerance}）`;
    const enTail = rounding
      ? ` (rounding difference: ${diff}, within tolerance ${tolerance})`
      : ` (difference ${diff}, tolerance ${tolerance})`;
    return (
      ctx.report({
        severity,
        message: {
          zh: `${stated.zh} ${actual} ${op} ${computed.zh} ${expected}${zhTail}`,
          en: `${stated.en} ${actualEn} ${op} ${computed.en} ${expectedEn}${enTail}`,
        },
        expected,
        actual,
        cells,
        spans: [],
        quote: null,
      }) ?? null
    );
  };

  // 0 = 0: when every operand is blank the relation holds exactly (and lib/money is not cheap).
  const allBlank = (cells: Array<ModelCell | undefined>): boolean => cells.every((x) => !x || x.value.kind === 'empty');

  // Both cells in one table, or in tables printed in the same unit (the common case, no allocation).
  const sameUnit = (a: ModelCell, b: ModelCell): boolean => {
    if (a.table === b.table) return true;
    const u = d.tables[a.table]?.unit;
    return !!u && u === d.tables[b.table]?.unit;
  };

  // Tables printed in different units (元 vs 万元) cannot be compared cell by cell: say so once, skip.
  let clashReported: Set<string> | null = null;
  const unitClash = (cells: Array<ModelCell | undefined>): boolean => {
    // Fast path without allocation: one unit among the cells (almost always).
    let first: string | null = null;
    let mixed = false;
    for (const x of cells) {
      const u = x ? d.tables[x.table]?.unit : null;
      if (!u) continue;
      if (first === null) first = u;
      else if (u !== first) {
        mixed = true;
        break;
      }
    }
    if (!mixed) return false;
    const units = new Map<string, string>();
    for (const x of cells) {
      const u = x ? d.tables[x.table]?.unit : null;
      if (x && u) units.set(x.table, u);
    }
    const key = [...units.entries()].map(([t, u]) => `${t}:${u}`).sort().join(' ');
    if (!clashReported?.has(key)) {
      (clashReported ??= new Set()).add(key);
      const list = [...units.entries()].map(([t, u]) => `${TABLE_NAMES[t as TableKey]?.zh ?? t}（${u}）`).join('、');
      const listEn = [...units.entries()].map(([t, u]) => `${t} (${u})`).join(', ');
      ctx.report({
        severity: 'notice',
        message: {
          zh: `${list}金额单位不同，未做跨表核对`,
          en: `${listEn} are printed in different units; not compared across tables`,
        },
        expected: null,
        actual: null,
        cells: cells.filter((x): x is ModelCell => !!x).map((cell) => ({ cell, role: 'value' as const })),
        spans: [],
        quote: null,
      });
    }
    return true;
  };

  const stated = (cell: ModelCell): Bilingual => {
    const t = tableNameOf(cell);
    const w = describeCell(d, cell);
    return { zh: `${t.zh} ${w.zh}`, en: `${t.en} ${w.en}` };
  };

  return {
    d,
    sum(total, parts, partsLabel) {
      if (!total) return null;
      if (tracer) trace([total, ...parts], 'equality');
      // Blank check, unit check and operands in one pass, without building [total, ...parts].
      let blank = total.value.kind === 'empty';
      const unit = d.tables[total.table]?.unit ?? null;
      let mixedUnits = false;
      const amounts: Amount[] = new Array(parts.length);
      for (let i = 0; i < parts.length; i++) {
        const x = parts[i];
        if (!x) {
          amounts[i] = EMPTY;
          continue;
        }
        amounts[i] = x.value;
        if (x.value.kind !== 'empty') blank = false;
        if (x.table !== total.table) {
          const u = d.tables[x.table]?.unit;
          if (u && unit && u !== unit) mixedUnits = true;
        }
      }
      if (blank) {
        // 0 = 0 holds exactly; a value typed into any of these cells would break it.
        if (ctx.relate) relate('eq', [[total, 1, 'total'], ...parts.map((p) => [p, -1, 'part'] as [ModelCell | undefined, -1, 'part'])], zeroOf(), 'pass', null);
        return null;
      }
      if ((mixedUnits || unit === null) && unitClash([total, ...parts])) return null;
      let cmp = compareSum(total.value, amounts);
      if (options.wholeYuanPerTerm && cmp.verdict === 'error' && unit === '元') cmp = perTermSlack(cmp, total.value, amounts);
      // A label may be given lazily: it is only needed for a finding (most sums pass).
      if (cmp.verdict === 'unreadable') {
        const l = typeof partsLabel === 'function' ? partsLabel() : partsLabel;
        unreadable([total, ...parts], { zh: `${stated(total).zh} = ${l.zh}`, en: `${stated(total).en} = ${l.en}` });
        return null;
      }
      let finding: Finding | null = null;
      if (severityOf(cmp)) {
        const cells = refs(total, 'total', parts, 'part');
        const st = stated(total);
        finding = emit(cmp, cells, st, '≠', typeof partsLabel === 'function' ? partsLabel() : partsLabel, total);
      }
      if (ctx.relate)
        relate('eq', [[total, 1, 'total'], ...parts.map((p) => [p, -1, 'part'] as [ModelCell | undefined, -1, 'part'])], cmp.tolerance, cmp.verdict, finding);
      return cmp;
    },
    equal(a, b, referenceLabel) {
      if (!a || !b) return null;
      if (tracer) trace([a, b], 'equality');
      if (a.value.kind === 'empty' && b.value.kind === 'empty') {
        if (ctx.relate) relate('eq', [[a, 1, 'value'], [b, -1, 'value']], zeroOf(), 'pass', null);
        return null;
      }
      if (!sameUnit(a, b) && unitClash([a, b])) return null;
      const cmp = compareEqual(a.value, b.value);
      if (cmp.verdict === 'unreadable') {
        const label = referenceLabel ?? stated(b);
        unreadable([a, b], { zh: `${stated(a).zh} = ${label.zh}`, en: `${stated(a).en} = ${label.en}` });
        return null;
      }
      const finding = severityOf(cmp) ? emit(cmp, refs(a, 'value', [b], 'value'), stated(a), '≠', referenceLabel ?? stated(b), a, b) : null;
      if (ctx.relate) relate('eq', [[a, 1, 'value'], [b, -1, 'value']], cmp.tolerance, cmp.verdict, finding);
      return cmp;
    },
    atMost(part, whole) {
      if (!part || !whole) return null;
      if (tracer) {
        tracer(part, 'at-most-part', meta.id);
        tracer(whole, 'at-most-whole', meta.id);
      }
      if (part.value.kind === 'empty' && whole.value.kind === 'empty') {
        if (ctx.relate) relate('le', [[part, 1, 'part'], [whole, -1, 'total']], zeroOf(), 'pass', null);
        return null;
      }
      if (!sameUnit(part, whole) && unitClash([part, whole])) return null;
      const cmp = compareAtMost(part.value, whole.value);
      if (cmp.verdict === 'unreadable') {
        unreadable([part, whole], { zh: `${stated(part).zh} ≤ ${stated(whole).zh}`, en: `${stated(part).en} ≤ ${stated(whole).en}` });
        return null;
      }
      const finding = severityOf(cmp)
        ? emit(cmp, [{ cell: whole, role: 'total' }, { cell: part, role: 'part' }], stated(part), '>', stated(whole), part, whole)
        : null;
      if (ctx.relate) relate('le', [[part, 1, 'part'], [whole, -1, 'total']], cmp.tolerance, cmp.verdict, finding);
      return cmp;
    },
    linear(result, terms, termsLabel) {
      if (!result) return null;
      const cells = [result, ...terms.map((t) => t.cell)];
      if (tracer) trace(cells, 'equality');
      const linearTerms = (): Array<[ModelCell | undefined, 1 | -1, RelationTerm['role']]> => [
        [result, 1, 'total'],
        ...terms.map((t) => [t.cell, (t.sign === 1 ? -1 : 1) as 1 | -1, 'part'] as [ModelCell | undefined, 1 | -1, 'part']),
      ];
      if (allBlank(cells)) {
        if (ctx.relate) relate('eq', linearTerms(), zeroOf(), 'pass', null);
        return null;
      }
      if (unitClash(cells)) return null;
      const cmp = compareLinear(
        result.value,
        terms.map((t) => ({ amount: amountOf(t.cell), sign: t.sign })),
      );
      if (cmp.verdict === 'unreadable') {
        unreadable([result, ...terms.map((t) => t.cell)], {
          zh: `${stated(result).zh} = ${termsLabel.zh}`,
          en: `${stated(result).en} = ${termsLabel.en}`,
        });
        return null;
      }
      const finding = severityOf(cmp) ? emit(cmp, refs(result, 'total', terms.map((t) => t.cell), 'part'), stated(result), '≠', termsLabel, result) : null;
      if (ctx.relate) relate('eq', linearTerms(), cmp.tolerance, cmp.verdict, finding);
      return cmp;
    },
    atMostAcross(part, whole) {
      if (!part || !whole) return null;
      if (tracer) {
        tracer(part, 'at-most-part', meta.id);
        tracer(whole, 'at-most-whole', meta.id);
      }
      if (part.value.kind === 'empty' && whole.value.kind === 'empty') return null;
      const pu = d.tables[part.table]?.unit;
      const wu = d.tables[whole.table]?.unit;
      if (pu === wu) return this.atMost(part, whole);
      if (!(pu === '元' && wu === '万元') && !(pu === '万元' && wu === '元')) {
        unitClash([part, whole]);
        return null;
      }
      const partAmount = pu === '元' ? yuanToWan(part.value) : part.value;
      const wholeAmount = wu === '元' ? yuanToWan(whole.value) : whole.value;
      let cmp = compareAtMost(partAmount, wholeAmount);
      // A 万元 figure that is exactly half-up of the 元 amount is that amount, not "more" than it.
      if (cmp.verdict === 'notice' && pu === '万元' && whole.value.kind === 'number' && cmp.actual.eq(wanHalfUp(whole.value.value))) {
        cmp = { ...cmp, verdict: 'pass' };
      }
      const inWan = (cell: ModelCell, u: string | undefined): Bilingual => {
        const st = stated(cell);
        return u === '元' ? { zh: `${st.zh}（${cell.text} 元折合万元）`, en: `${st.en} (${cell.text} yuan in 10k yuan)` } : st;
      };
      if (cmp.verdict === 'unreadable') {
        unreadable([part, whole], { zh: `${stated(part).zh} ≤ ${stated(whole).zh}`, en: `${stated(part).en} ≤ ${stated(whole).en}` });
        return null;
      }
      const finding = severityOf(cmp)
        ? emit(cmp, [{ cell: whole, role: 'total' }, { cell: part, role: 'part' }], inWan(part, pu), '>', inWan(whole, wu), part, whole)
        : null;
      if (ctx.relate)
        relate('le', [[part, pu === '元' ? WAN_PER_YUAN : ONE, 'part'], [whole, wu === '元' ? WAN_PER_YUAN.neg() : MINUS_ONE, 'total']], cmp.tolerance, cmp.verdict, finding);
      return cmp;
    },
    restates(wan, yuan) {
      if (!wan || !yuan) return null;
      if (tracer) trace([wan, yuan], 'equality');
      if (wan.value.kind === 'empty' && yuan.value.kind === 'empty') return null;
      const cmp = compareRestatement(wan.value, yuan.value);
      if (cmp.verdict === 'unreadable') {
        unreadable([wan, yuan], { zh: `${stated(wan).zh} = ${stated(yuan).zh} ÷ 10000`, en: `${stated(wan).en} = ${stated(yuan).en} ÷ 10000` });
        return null;
      }
      let finding: Finding | null = null;
      if (severityOf(cmp)) {
        const y = stated(yuan);
        const truncated = yuan.value.kind === 'number' && cmp.actual.eq(yuan.value.value.div(10000).toDecimalPlaces(2, 1));
        const why = truncated ? { zh: '，应四舍五入而非截尾', en: '; round half-up, do not truncate' } : { zh: '', en: '' };
        finding = emit(
          cmp,
          refs(wan, 'value', [yuan], 'value'),
          stated(wan),
          '≠',
          { zh: `${y.zh} ${yuan.text} 元折合万元（四舍五入到分${why.zh}）`, en: `${y.en} ${yuan.text} yuan in 10k yuan (half-up to 2 decimals${why.en})` },
          wan,
          yuan,
        );
      }
      // wan = half-up(yuan / 10⁴, 2): |wan − yuan / 10⁴| ≤ 0.005 as a linear relation.
      if (ctx.relate) relate('eq', [[wan, 1, 'value'], [yuan, WAN_PER_YUAN.neg(), 'value']], HALF_CENT, cmp.verdict, finding);
      return cmp;
    },
    report(severity, message, cells, extra) {
      ctx.report({
        severity,
        message,
        expected: extra?.expected ?? null,
        actual: extra?.actual ?? null,
        cells,
        spans: [],
        quote: null,
      });
    },
  };
}

/**
 * A whole-元 sum (budget.md): every operand printed without decimals hides up to 1 元 of 分, so a
 * gap of up to 1 元 per summed term is a notice. Operands with decimals keep the interval rule.
 */
function perTermSlack(cmp: Exclude<Comparison, { verdict: 'unreadable' }>, total: Amount, parts: readonly Amount[]): Comparison {
  let terms = 0;
  let whole = total.kind === 'number' && total.printedDecimals === 0 ? 1 : 0;
  for (const a of parts) {
    if (a.kind !== 'number') continue;
    terms++;
    if (a.printedDecimals === 0) whole++;
  }
  if (whole === 0) return cmp;
  // All whole: 1 元 per summed term. Mixed precision in one table (22,118,861 beside 20,272,981.00):
  // each operand printed without decimals may hide up to 1 元, on top of the interval rule.
  const slack = whole === terms + 1 ? cmp.tolerance.mul(0).plus(terms) : cmp.tolerance.plus(whole);
  if (slack.lte(cmp.tolerance) || cmp.difference.abs().gt(slack)) return cmp;
  return { ...cmp, tolerance: slack, verdict: verdictOf(cmp.difference, slack) };
}

/** Label "A + B + C" from cells, for sums across rows. */
export function sumLabel(d: Disclosure, cells: Array<ModelCell | undefined>, fallback: Bilingual): Bilingual {
  const present = cells.filter((c): c is ModelCell => !!c);
  if (present.length === 0 || present.length > 4) return fallback;
  const parts = present.map((c) => describeCell(d, c));
  return {
    zh: `${fallback.zh}（${parts.map((p) => p.zh).join(' + ')}）`,
    en: `${fallback.en} (${parts.map((p) => p.en).join(' + ')})`,
  };
}

// ---------------------------------------------------------------------------------------------
// Summary tables (T1, T4): rows located by their printed names, never by position.

/** The row whose normalised name matches `re`, searched in [from, to). */
export function named(p: Panel | undefined, re: RegExp, from = 0, to?: number): Row | undefined {
  if (!p) return undefined;
  return rowByName(p.rows, re, from, to ?? p.rows.length);
}

/** Item rows above a stated total (其中 rows are parts of the row above, never extra terms). */
export function itemRowsBefore(p: Panel | undefined, total: Row | undefined): Row[] {
  if (!p || !total) return [];
  const end = p.rows.indexOf(total);
  return p.rows
    .slice(0, end)
    .filter((r) => r.kind === 'data' && !isOfWhichName(r.name) && Object.keys(r.cells).length > 0);
}

/** Income source rows of T1 (or fund rows of T4) by their names. */
export const INCOME_SOURCES: Array<{ key: string; re: RegExp }> = [
  { key: 'general', re: /^一般公共预算财政拨款(?:收入)?$/ },
  { key: 'govfund', re: /^政府性基金预算财政拨款(?:收入)?$/ },
  { key: 'soe', re: /^国有资本经营预算财政拨款(?:收入)?$/ },
  { key: 'fiscal', re: /^财政拨款(?:收入)?$/ },
  { key: 'upper', re: /^上级补助收入$/ },
  { key: 'business', re: /^事业收入$/ },
  { key: 'operating', re: /^经营收入$/ },
  { key: 'affiliated', re: /^附属单位上缴收入$/ },
  { key: 'other', re: /^其他收入$/ },
];

export function sourceRow(p: Panel | undefined, key: string, before?: Row): Row | undefined {
  const src = INCOME_SOURCES.find((s) => s.key === key);
  if (!p || !src) return undefined;
  const end = before ? p.rows.indexOf(before) : p.rows.length;
  return named(p, src.re, 0, end < 0 ? p.rows.length : end);
}

export const RE_INCOME_TOTAL = /^本年收入合计$/;
export const RE_EXPENSE_TOTAL = /^本年支出合计$/;
export const RE_GRAND_TOTAL = /^总计$/;

/** The 总计 row after `after` (or anywhere). */
export function grandTotalRow(p: Panel | undefined, after?: Row): Row | undefined {
  if (!p) return undefined;
  const from = after ? p.rows.indexOf(after) + 1 : 0;
  return named(p, RE_GRAND_TOTAL, from) ?? p.rows.slice(from).find((r) => r.kind === 'grand-total');
}

/**
 * Pair coded 类 rows (T3/T5/T7…) with the 类 rows of a summary table (T1/T4, names only) and
 * compare `codedKey` with `summaryKey`. A non-zero class on one side with no row on the other is
 * reported (the missing side counts as 0); a coded row that cannot be named is a warning.
 */
export function matchClasses(
  c: Checker,
  coded: Row[],
  codedKey: string,
  summary: Row[],
  summaryKey: string,
): void {
  const used = new Set<Row>();
  const byKey = new Map<string, Row>();
  for (const r of summary) byKey.set(classKey(r.name), r);
  for (const r of coded) {
    const key = classKeyOfCode(r.code);
    const s = (key !== null ? byKey.get(key) : undefined) ?? byKey.get(classKey(r.name));
    const cell = cellOf(r, codedKey);
    if (!s) {
      if (isNonZero(cell)) missingCounterpart(c, cell!);
      continue;
    }
    used.add(s);
    c.equal(cell, cellOf(s, summaryKey));
  }
  for (const s of summary) {
    if (used.has(s)) continue;
    const cell = cellOf(s, summaryKey);
    if (isNonZero(cell)) missingCounterpart(c, cell!);
  }
}

function missingCounterpart(c: Checker, cell: ModelCell): void {
  const where = describeCell(c.d, cell);
  const t = tableNameOf(cell);
  const v = cell.value.kind === 'number' ? formatAmount(cell.value.value, cell.value.decimals) : cell.text;
  c.report(
    'error',
    {
      zh: `${t.zh} ${where.zh} ${v} 在对应表中没有同一功能分类的行（应为 ${v}，实际为 0）`,
      en: `${t.en} ${where.en} ${v} has no row for the same function class in the corresponding table (expected ${v}, found 0)`,
    },
    [{ cell, role: 'value' }],
    { expected: v, actual: '0' },
  );
}

// T4: opening / closing balance rows.
export const RE_T4_OPENING = /^年初财政拨款结转和结余$|^年初结转和结余$/;
export const RE_T4_CLOSING = /^年末财政拨款结转和结余$|^年末结转和结余$/;

/** Rows between T4's 年初 row and 总计: the opening balance by fund. */
export function openingParts(p: Panel | undefined, opening: Row | undefined, grand: Row | undefined): Row[] {
  if (!p || !opening) return [];
  const end = grand ? p.rows.indexOf(grand) : p.rows.length;
  return p.rows
    .slice(p.rows.indexOf(opening) + 1, end)
    .filter((r) => r.kind !== 'blank' && Object.keys(r.cells).length > 0 && r.name.trim() !== '');
}


// T6: rows across its side-by-side panels.

/** Every row of T6 (all panels), in panel order. */
export function t6Rows(t: TableModel | undefined): Row[] {
  if (!t) return [];
  let v = t6RowsMemo.get(t);
  if (!v) {
    v = [];
    for (const p of t.panels) for (const r of p.rows) v.push(r);
    t6RowsMemo.set(t, v);
  }
  return v;
}

/** T6's 人员经费合计 and 公用经费合计 rows, by name. */
export function t6Totals(t: TableModel | undefined): { personnel?: Row; office?: Row } {
  const rows = t6Rows(t).filter((r) => !r.code);
  return {
    personnel: rows.find((r) => /^人员经费(?:合计)?$/.test(normName(r.name))),
    office: rows.find((r) => /^公用经费(?:合计)?$/.test(normName(r.name))),
  };
}

/** T6 row by economic code (e.g. "30212"), not a 其中 row. */
export function t6Code(t: TableModel | undefined, code: string): Row | undefined {
  return t ? codeIndex(t, t6Rows(t)).get(code) : undefined;
}

/**
 * T1 rows between a 本年…合计 row and 总计 that are terms of the grand total: not 其中 rows, not
 * blank, and not breakdowns of the balance (基本支出结转, 项目支出结转和结余 … without 年初/年末).
 */
export function balanceTerms(p: Panel, from: Row, to: Row): Row[] {
  return p.rows
    .slice(p.rows.indexOf(from) + 1, p.rows.indexOf(to))
    .filter((r) => {
      if (r.kind === 'of-which' || r.kind === 'blank' || Object.keys(r.cells).length === 0) return false;
      const n = normName(r.name);
      if (/^其中/.test(n)) return false;
      return !(/结转|结余/.test(n) && !/^(?:年初|年末|使用|用)/.test(n) && !/^结余分配/.test(n));
    });
}
