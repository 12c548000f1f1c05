/**
 * The standard disclosure tables as data (domain.md, "The tables"): title aliases, header words
 * and the mapping from header words to column keys (lib/model/types.ts). Everything here works on
 * `norm()` text: no spaces, no quotes, ASCII parentheses.
 *
 * Titles are tried in `TITLE_ORDER` (most specific first), because the common titles contain
 * each other: "政府性基金预算财政拨款收入支出决算表" (T7) ⊃ "财政拨款收入支出决算表";
 * "财政拨款收入支出决算总表" (T4) ⊃ "收入支出决算总表" (T1); "一般公共预算财政拨款基本支出决算表"
 * (T6) vs "一般公共预算财政拨款支出决算表" (T5); every title ends in "支出决算表" (T3).
 */
import type { BudgetTableKey, FinalTableKey, TableKey } from '../model/types';
import { norm } from './text';
import { memoByText } from '../memo';

export type PanelLayout = 'single' | 'income-expense' | 'groups';

export interface ColumnRule {
  key: string;
  re: RegExp;
}

export interface TableSpec {
  key: TableKey;
  /** Common name (domain.md). */
  name: string;
  /** Title aliases on norm() text. */
  titles: RegExp[];
  /** A word every alias contains: the aliases run only on lines that hold it (fewer regex runs). */
  titleWord: string;
  /**
   * Header words that identify the table without a title (all must occur in the header rows).
   * Also used to choose between keys when a title is ambiguous ("收入决算总表").
   */
  signature: RegExp[];
  layout: PanelLayout;
  /** Column rules per panel id ('*' = any panel); tried leaf-first on the header path. */
  columns: Record<string, ColumnRule[]>;
  /** Keys each panel must have, else the table is reported unrecognised. */
  required: Record<string, string[]>;
  /** Custom key function (T9: budget/actual × item). */
  keyOf?: (path: string[]) => string | null;
  /** Custom key function for one panel (T4 expense: fund × 小计/基本/项目). */
  panelKeyOf?: Record<string, (path: string[]) => string | null>;
}

const T4_FUNDS: ColumnRule[] = [
  { key: 'general', re: /一般公共预算/ },
  { key: 'govfund', re: /政府性基金/ },
  { key: 'soe', re: /国有资本经营/ },
];

/**
 * T4's expense half: 合计 → total; a fund column → general / govfund / soe; older layouts split
 * each fund into 小计 / 基本支出 / 项目支出 → general (its 小计), general.basic, general.project.
 */
function t4ExpenseKeyOf(path: string[]): string | null {
  let fund: string | null = null;
  for (const p of path) {
    const f = T4_FUNDS.find((r) => r.re.test(p));
    if (f) fund = f.key;
  }
  const leaf = path[path.length - 1] ?? '';
  if (fund) {
    if (/基本支出/.test(leaf)) return `${fund}.basic`;
    if (/项目支出/.test(leaf)) return `${fund}.project`;
    return fund;
  }
  if (path.some((p) => /^(合计|小计|支出合计|本年支出合计)$|决算数|金额/.test(p))) return 'total';
  return null;
}

const AMOUNT: ColumnRule[] = [{ key: 'amount', re: /决算数|金额|本年数|决算$|^数额$|^实际数$/ }];

const T3_COLS: ColumnRule[] = [
  { key: 'total', re: /^本年支出合计$|^支出合计$|^合计$|^小计$/ },
  { key: 'basic', re: /基本支出/ },
  { key: 'project', re: /项目支出/ },
  { key: 'remit', re: /上缴上级/ },
  { key: 'operating', re: /经营支出/ },
  { key: 'subsidy', re: /附属单位补助/ },
];

const FUND_COLS: ColumnRule[] = [
  { key: 'opening', re: /年初/ },
  { key: 'closing', re: /年末/ },
  { key: 'basic', re: /基本支出/ },
  { key: 'project', re: /项目支出/ },
  { key: 'income', re: /^本年收入(合计)?$|^收入$/ },
  { key: 'total', re: /^小计$|^合计$|^本年支出(合计|小计)?$|^支出$/ },
];

/** T9 items; the deepest header word that names an item wins ("…购置及运行维护费/小计" → car). */
const T9_ITEMS: ColumnRule[] = [
  { key: 'total', re: /^(合计|总计)$/ },
  { key: 'abroad', re: /因公出国/ },
  { key: 'car', re: /公务用车购置及运行|购置及运行/ },
  { key: 'carPurchase', re: /购置费?$/ },
  { key: 'carRunning', re: /运行(维护)?费?$/ },
  { key: 'reception', re: /公务接待/ },
  { key: 'meeting', re: /会议费/ },
  { key: 'training', re: /培训费/ },
];

function t9KeyOf(path: string[]): string | null {
  let side: 'budget' | 'actual' | null = null;
  let item: string | null = null;
  for (let i = 0; i < path.length; i++) {
    const p = path[i];
    if (/预算数|^预算$|全年预算|年初预算/.test(p)) side = 'budget';
    else if (/决算数|^决算$|实际|执行数/.test(p)) side = 'actual';
    if (/^小计$/.test(p)) {
      if (item === 'car') continue; // 小计 under 公务用车购置及运行费 is the car subtotal
      item = item ?? 'total';
      continue;
    }
    for (const r of T9_ITEMS) {
      if (r.re.test(p)) {
        item = r.key;
        break;
      }
    }
  }
  if (!side || !item) return null;
  return `${side}.${item}`;
}

const FINAL_TABLE_SPECS: Record<FinalTableKey, TableSpec> = {
  T1: {
    key: 'T1',
    name: '收入支出决算总表',
    titles: [/(收入支出|收支)决算(总)?表/, /收入决算总表/],
    titleWord: '收',
    signature: [/^收入/, /^支出/, /本年收入合计|决算数|金额/],
    layout: 'income-expense',
    columns: { income: AMOUNT, expense: AMOUNT },
    required: { income: ['amount'], expense: ['amount'] },
  },
  T2: {
    key: 'T2',
    name: '收入决算表',
    titles: [/收入决算(明细)?表/, /收入决算总表/],
    titleWord: '收入决算',
    signature: [/本年收入合计/, /财政拨款收入/, /上级补助收入|事业收入|其他收入/],
    layout: 'single',
    columns: {
      main: [
        { key: 'total', re: /^本年收入合计$|^收入合计$|^合计$/ },
        { key: 'fiscal', re: /财政拨款/ },
        { key: 'upper', re: /上级补助/ },
        { key: 'business', re: /事业收入/ },
        { key: 'operating', re: /经营收入/ },
        { key: 'affiliated', re: /附属单位上缴/ },
        { key: 'other', re: /其他收入/ },
      ],
    },
    required: { main: ['total', 'fiscal'] },
  },
  T3: {
    key: 'T3',
    name: '支出决算表',
    titles: [/支出决算(明细)?表/],
    titleWord: '支出决算',
    signature: [/本年支出合计/, /基本支出/, /项目支出/, /上缴上级支出|经营支出|附属单位补助/],
    layout: 'single',
    columns: { main: T3_COLS },
    required: { main: ['total', 'basic', 'project'] },
  },
  T4: {
    key: 'T4',
    name: '财政拨款收入支出决算总表',
    titles: [/财政拨款(收入支出|收支)决算(总)?表/],
    titleWord: '财政拨款',
    signature: [/^收入/, /^支出/, /一般公共预算财政拨款/, /政府性基金预算财政拨款/],
    layout: 'income-expense',
    columns: {
      income: AMOUNT,
      expense: [],
    },
    panelKeyOf: { expense: t4ExpenseKeyOf },
    required: { income: ['amount'], expense: ['total', 'general'] },
  },
  T5: {
    key: 'T5',
    name: '一般公共预算财政拨款支出决算表',
    titles: [/一般公共预算(财政拨款)?支出决算(明细)?表/],
    titleWord: '一般公共预算',
    signature: [],
    layout: 'single',
    columns: {
      main: [
        { key: 'total', re: /^合计$|^小计$|^本年支出合计$|^支出合计$/ },
        { key: 'basic', re: /基本支出/ },
        { key: 'project', re: /项目支出/ },
      ],
    },
    required: { main: ['total', 'basic', 'project'] },
  },
  T6: {
    key: 'T6',
    name: '一般公共预算财政拨款基本支出决算表',
    titles: [/一般公共预算(财政拨款)?基本支出决算(明细)?表/, /^财政拨款基本支出决算(明细)?表/],
    titleWord: '基本支出决算',
    signature: [/经济分类/, /科目名称/, /决算数|金额/],
    layout: 'groups',
    columns: { '*': AMOUNT },
    required: { '*': ['amount'] },
  },
  T7: {
    key: 'T7',
    name: '政府性基金预算财政拨款收入支出决算表',
    titles: [/政府性基金预算(财政拨款)?(收入)?(支出)?决算(明细)?表/],
    titleWord: '政府性基金预算',
    signature: [],
    layout: 'single',
    columns: { main: FUND_COLS },
    required: { main: ['total'] },
  },
  T8: {
    key: 'T8',
    name: '国有资本经营预算财政拨款支出决算表',
    titles: [/国有资本经营预算(财政拨款)?(收入)?(支出)?决算(明细)?表/],
    titleWord: '国有资本经营预算',
    signature: [],
    layout: 'single',
    columns: { main: FUND_COLS },
    required: { main: ['total'] },
  },
  T9: {
    key: 'T9',
    name: '财政拨款"三公"经费支出决算表',
    titles: [/三公经费.*决算.*表/, /三公经费.*预决算表/],
    titleWord: '三公经费',
    signature: [/因公出国/, /公务接待/, /公务用车/],
    layout: 'single',
    columns: { main: [] },
    required: { main: ['actual.total'] },
    keyOf: t9KeyOf,
  },
};


// ---------------------------------------------------------------------------------------------
// Budget tables BT1–BT9 (budget.md): one amount column (预算数), Shanghai names and the national ones
// (部门收支总表 …). A budget title never holds 决算 — that word decides the family (titleKeys).

const BUDGET_AMOUNT: ColumnRule[] = [{ key: 'amount', re: /预算数|^预算$|金额|^合计$|本年预算|^数额$/ }];

/** BT1's expense half: 预算数 (or its 合计), and in a 单位 document 人员经费 / 公用经费 / 项目支出. */
const BT1_EXPENSE: ColumnRule[] = [
  { key: 'personnel', re: /人员经费/ },
  { key: 'office', re: /公用经费/ },
  { key: 'project', re: /项目支出/ },
  { key: 'basic', re: /^基本支出$/ },
  { key: 'amount', re: /预算数|^预算$|^合计$|^小计$|金额|本年预算/ },
];

const BUDGET_FUNCTION_COLS: ColumnRule[] = [
  { key: 'total', re: /^合计$|^小计$|^支出合计$|^总计$/ },
  { key: 'basic', re: /基本支出/ },
  { key: 'project', re: /项目支出/ },
];

/** BT9 items (one row, 万元); 机关运行经费 before 运行费 ("机关运行经费预算数" is not the car running cost). */
const BT9_ITEMS: ColumnRule[] = [
  { key: 'running', re: /机关运行经费/ },
  { key: 'total', re: /^(合计|总计)$/ },
  { key: 'abroad', re: /因公出国/ },
  { key: 'car', re: /公务用车购置及运行|购置及运行/ },
  { key: 'carPurchase', re: /购置费?$/ },
  { key: 'carRunning', re: /运行(维护)?费?$/ },
  { key: 'reception', re: /公务接待/ },
];

function bt9KeyOf(path: string[]): string | null {
  let item: string | null = null;
  for (const p of path) {
    if (/^小计$/.test(p)) {
      if (item === 'car') continue; // 小计 under 公务用车购置及运行费 is the car subtotal
      item = item ?? 'total';
      continue;
    }
    for (const r of BT9_ITEMS) {
      if (r.re.test(p)) {
        item = r.key;
        break;
      }
    }
    if (item === 'running') return item;
  }
  return item;
}

export const BUDGET_TABLE_SPECS: Record<BudgetTableKey, TableSpec> = {
  BT1: {
    key: 'BT1',
    name: '财务收支预算总表',
    titles: [/(财务)?收支预算总表/, /部门收支总表/, /^收支总表/],
    titleWord: '收支',
    signature: [],
    layout: 'income-expense',
    columns: { income: BUDGET_AMOUNT, expense: BT1_EXPENSE },
    required: { income: ['amount'], expense: ['amount'] },
  },
  BT2: {
    key: 'BT2',
    name: '收入预算总表',
    titles: [/收入预算(总)?表/, /部门收入总表/, /^收入总表/],
    titleWord: '收入',
    signature: [],
    layout: 'single',
    columns: {
      main: [
        { key: 'total', re: /^合计$|^收入合计$|^总计$/ },
        { key: 'fiscal', re: /财政拨款/ },
        { key: 'operating', re: /经营收入/ },
        { key: 'business', re: /事业收入/ },
        { key: 'other', re: /其他收入/ },
        { key: 'carryover', re: /上年结转/ },
      ],
    },
    required: { main: ['total'] },
  },
  BT3: {
    key: 'BT3',
    name: '支出预算总表',
    titles: [/支出预算(总)?表/, /部门支出总表/, /^支出总表/],
    titleWord: '支出',
    signature: [],
    layout: 'single',
    columns: { main: BUDGET_FUNCTION_COLS },
    required: { main: ['total', 'basic', 'project'] },
  },
  BT4: {
    key: 'BT4',
    name: '财政拨款收支预算总表',
    titles: [/财政拨款收支(预算)?总表/, /财政拨款收入支出预算(总)?表/],
    titleWord: '财政拨款',
    signature: [],
    layout: 'income-expense',
    columns: { income: BUDGET_AMOUNT, expense: [] },
    panelKeyOf: { expense: t4ExpenseKeyOf },
    required: { income: ['amount'], expense: ['total', 'general'] },
  },
  BT5: {
    key: 'BT5',
    name: '一般公共预算支出功能分类预算表',
    titles: [/一般公共预算(财政拨款)?支出(功能分类)?(预算)?表/],
    titleWord: '一般公共预算',
    signature: [],
    layout: 'single',
    columns: { main: BUDGET_FUNCTION_COLS },
    required: { main: ['total', 'basic', 'project'] },
  },
  BT6: {
    key: 'BT6',
    name: '政府性基金预算支出功能分类预算表',
    titles: [/政府性基金预算(财政拨款)?支出(功能分类)?(预算)?表/],
    titleWord: '政府性基金预算',
    signature: [],
    layout: 'single',
    columns: { main: BUDGET_FUNCTION_COLS },
    required: { main: ['total'] },
  },
  BT7: {
    key: 'BT7',
    name: '国有资本经营预算支出功能分类预算表',
    titles: [/国有资本经营预算(财政拨款)?支出(功能分类)?(预算)?表/],
    titleWord: '国有资本经营预算',
    signature: [],
    layout: 'single',
    columns: { main: BUDGET_FUNCTION_COLS },
    required: { main: ['total'] },
  },
  BT8: {
    key: 'BT8',
    name: '一般公共预算基本支出部门预算经济分类预算表',
    titles: [/一般公共预算(财政拨款)?基本支出(部门预算经济分类|经济分类)?(预算)?表/],
    titleWord: '基本支出',
    signature: [],
    layout: 'single',
    columns: {
      main: [
        { key: 'total', re: /^合计$|^小计$|^总计$/ },
        { key: 'personnel', re: /人员经费/ },
        { key: 'office', re: /公用经费/ },
      ],
    },
    required: { main: ['total'] },
  },
  BT9: {
    key: 'BT9',
    name: '“三公”经费和机关运行经费预算表',
    titles: [/三公经费.*表/],
    titleWord: '三公经费',
    signature: [],
    layout: 'single',
    columns: { main: [] },
    required: { main: ['total'] },
    keyOf: bt9KeyOf,
  },
};

export const TABLE_SPECS: Record<TableKey, TableSpec> = { ...FINAL_TABLE_SPECS, ...BUDGET_TABLE_SPECS };

/** Most specific titles first (see file comment). */
export const TITLE_ORDER: TableKey[] = ['T9', 'T8', 'T7', 'T4', 'T6', 'T5', 'T1', 'T2', 'T3'];
/** The budget titles contain each other the same way: BT8 ⊃ 基本支出, BT4 ⊃ 收支, BT5 ends in 支出…表. */
export const BUDGET_TITLE_ORDER: TableKey[] = ['BT9', 'BT7', 'BT6', 'BT4', 'BT8', 'BT5', 'BT1', 'BT2', 'BT3'];

// A title names one table: words that never occur in a table title disqualify the line
// (narrative sentences, notes, the part heading "部门决算表").
const NOT_A_TITLE = /[。；;]|^注|^说明|本表反映|详见|见附表/;

/**
 * Keys a title line could name, most specific first. "收入决算总表" is ambiguous between T1 and
 * T2 (both forms are printed); the header words decide.
 */
export function titleKeys(text: string): TableKey[] {
  // The same lines are asked about by several steps (title above, filler between, notes after):
  // remember the answer per text (callers never modify the returned array).
  return text.length > 200 ? titleKeysUncached(text) : titleKeysShort(text);
}
const titleKeysShort = memoByText((text) => titleKeysUncached(text));

function titleKeysUncached(text: string): TableKey[] {
  const t = norm(text);
  if (t.length < 5 || t.length > 90 || NOT_A_TITLE.test(t)) return [];
  // The word 决算 decides the family (budget.md): 预算 occurs in both.
  if (!t.includes('决算')) return budgetTitleKeys(t);
  if (!/决算.{0,4}表/.test(t)) return [];
  const out: TableKey[] = [];
  for (const key of TITLE_ORDER) {
    const spec = TABLE_SPECS[key];
    if (!t.includes(spec.titleWord) || !spec.titles.some((re) => re.test(t))) continue;
    out.push(key);
    // Only "收入决算总表" stays ambiguous; every other match is final.
    if (!/^(.*[^出])?收入决算总表/.test(t) || key === 'T2') break;
  }
  // T3's alias "支出决算表" is the tail of many titles: accept it only when nothing more specific
  // is named (no fund words).
  if (out.length === 1 && out[0] === 'T3' && /财政拨款|政府性基金|国有资本|三公|基本支出|一般公共预算/.test(t)) return [];
  return out;
}


// A budget title ends in …表 (预算表, 预算总表, 收支总表, 支出表); never a part heading ("部门预算表"
// names the whole set, "五、部门预算表" the part) nor a table-of-contents entry with a page number.
const BUDGET_TITLE_END = /表(\(.{1,12}\))?(\d{1,3})?$/;
const BUDGET_SET = /^(.*(部门|单位))?预算(报)?表$|预算公开表$/;

function budgetTitleKeys(t: string): TableKey[] {
  if (!t.includes('表') || !BUDGET_TITLE_END.test(t)) return [];
  const bare = t.replace(/^(?:[一二三四五六七八九十]{1,2}|\d{1,2})[、.．]/, '').replace(/^\d{4}年(度)?/, '');
  if (BUDGET_SET.test(bare)) return [];
  for (const key of BUDGET_TITLE_ORDER) {
    const spec = TABLE_SPECS[key];
    if (!t.includes(spec.titleWord) || !spec.titles.some((re) => re.test(bare))) continue;
    // 一般公共预算基本支出…表 is BT8, never BT5; a fund table's "支出…表" is never BT3.
    return [key];
  }
  return [];
}
