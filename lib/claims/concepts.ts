/**
 * Tying a fact to a concept: the section it sits in (its topic) plus fixed label patterns.
 * A fact no pattern names stays untied and is skipped — never guessed.
 */
import type { Disclosure, Row } from '../model/types';
import type { Fact } from './facts';
import type { Topic } from './topic';
import type { TableValue } from './tables';
import { normName, rowByCode, rowNamed, rowsOf, sumValues, totalRow, value, where } from './tables';
import { memoByText } from '../memo';

export type { Topic } from './topic';

/** Topic of one heading title (null when the title names none). Order matters: specific first. */
// Every paragraph asks for the topics of its heading chain: the same few titles again and again.
export const topicOfTitle: (t: string) => Topic = memoByText((t) => computeTopic(t));

// Plain words are tested with includes/startsWith/endsWith, not regex literals: each regex is
// compiled on its first use, which a first (cold) check pays for every pattern it reaches.
function computeTopic(t: string): Topic {
  const s = t.replace(/\s+/g, '');
  // An item heading (…（类）…（款）…（项）) names a budget line, not a section topic.
  if (/[（(]项[）)]/.test(s)) return null;
  if (s.includes('三公')) return 'sangong';
  if (s.includes('机关运行经费')) return 'admin';
  if (s.includes('政府采购')) return 'procurement';
  if (s.includes('国有资产')) return 'assets';
  if (s.includes('政府性基金')) return 'govfund';
  if (s.includes('国有资本经营')) return 'soe';
  if (s.includes('基本支出')) return 'basic';
  if (s.includes('一般公共预算财政拨款支出决算总体') || s.includes('财政拨款支出决算总体')) return 'gpb.total';
  if (s.includes('结构') && s.includes('支出')) return 'gpb.structure';
  if (s.includes('具体情况') && s.includes('支出')) return 'gpb.detail';
  if (s.includes('一般公共预算财政拨款支出')) return 'gpb';
  if (s.includes('财政拨款收入支出决算总体') || s.includes('财政拨款收支总体')) return 'fiscal';
  if (s.includes('收入支出决算总体') || s.includes('收支决算总体')) return 'overall';
  if (s.includes('收入决算情况')) return 'income';
  if (s.includes('支出决算情况')) return 'expense';
  if (s.includes('绩效')) return 'performance';
  if (s.includes('人员情况') || s.includes('人员构成') || s.includes('机构设置') || s.includes('编制情况') || s.includes('人员编制')) return 'staff';
  if (s.includes('一般性支出') || s.includes('会议费') || s.includes('培训费')) return 'general';
  return null;
}

/** Innermost heading that names a topic wins. */
export function topicOf(headings: string[]): Topic {
  for (let i = headings.length - 1; i >= 0; i--) {
    const t = topicOfTitle(headings[i]);
    if (t) return t;
  }
  return null;
}

export const TOPIC_RULE: Record<Exclude<Topic, null>, string> = {
  overall: 'N-01',
  income: 'N-02',
  expense: 'N-03',
  fiscal: 'N-04',
  gpb: 'N-05',
  'gpb.total': 'N-05',
  'gpb.structure': 'N-06',
  'gpb.detail': 'N-07',
  basic: 'N-08',
  sangong: 'N-09',
  govfund: 'N-10',
  soe: 'N-10',
  admin: 'N-11',
  procurement: 'N-12',
  assets: 'N-16',
  performance: 'N-07',
  staff: 'N-16',
  general: 'N-14',
};

export interface Concept {
  /** Stable key, e.g. "T5.total", "T5.xiang:2013101", "T9.actual.abroad", "staff.total". */
  key: string;
  /** Rule that reconciles it (N-xx). */
  rule: string;
  /** Chinese name for messages. */
  name: string;
  /** English name for messages: a standard name, or a table row's name as printed, in quotes. */
  nameEn: string;
  /** The table value it restates (null = no table counterpart, or the table is missing). */
  table(d: Disclosure): TableValue | null;
  /** Table comparison is only a warning (机关运行经费 ≈ 公用经费). */
  soft?: boolean;
  /** Several distinct statements share this concept (预留/中标 amounts): N-14 does not compare them. */
  repeatable?: boolean;
  /** Budget counterpart in a table (三公 预算数). */
  budget?(d: Disclosure): TableValue | null;
}

const none = () => null;

const T1_INCOME: [RegExp, string][] = [
  [/一般公共预算财政拨款/, '一般公共预算财政拨款收入'],
  [/政府性基金预算财政拨款/, '政府性基金预算财政拨款收入'],
  [/国有资本经营预算财政拨款/, '国有资本经营预算财政拨款收入'],
  [/上级补助收入/, '上级补助收入'],
  [/事业收入/, '事业收入'],
  [/经营收入/, '经营收入'],
  [/附属单位上缴收入/, '附属单位上缴收入'],
  [/其他收入/, '其他收入'],
  [/使用非财政拨款结余/, '使用非财政拨款结余'],
  [/年初结转和结余/, '年初结转和结余'],
];

const T3_COLS: [RegExp, string, string][] = [
  [/^基本支出$/, 'basic', '基本支出'],
  [/^项目支出$/, 'project', '项目支出'],
  [/^上缴上级支出$/, 'remit', '上缴上级支出'],
  [/^经营支出$/, 'operating', '经营支出'],
  [/^对附属单位补助支出$/, 'subsidy', '对附属单位补助支出'],
];

const T9_ITEMS: [RegExp, string, string][] = [
  [/因公出国/, 'abroad', '因公出国（境）费'],
  [/公务用车购置(费|支出)?(及|和)运行/, 'car', '公务用车购置及运行维护费'],
  [/公务用车购置/, 'carPurchase', '公务用车购置费'],
  [/公务用车运行/, 'carRunning', '公务用车运行维护费'],
  [/公务接待/, 'reception', '公务接待费'],
];

const T6_CLASSES: [RegExp, string, string][] = [
  [/^工资福利支出$/, '301', '工资福利支出'],
  [/^商品和服务支出$/, '302', '商品和服务支出'],
  [/^对个人和家庭的?补助(支出)?$/, '303', '对个人和家庭的补助'],
  [/^资本性支出$/, '310', '资本性支出'],
];

function t1(d: Disclosure, re: RegExp, what: string, panel = 'income'): TableValue | null {
  const t = d.tables.T1;
  const r = rowNamed(t, re, panel) ?? rowNamed(t, re);
  return value(t, r, undefined, where(d, 'T1', what));
}

function t3(d: Disclosure, col: string, what: string): TableValue | null {
  const t = d.tables.T3;
  return value(t, totalRow(t), col, where(d, 'T3', `合计 ${what}`));
}

function t5Total(d: Disclosure, col = 'total'): TableValue | null {
  const t = d.tables.T5;
  return value(t, totalRow(t), col, where(d, 'T5', col === 'total' ? '合计' : '合计 基本支出'));
}

function t6Named(d: Disclosure, re: RegExp, what: string): TableValue | null {
  const t = d.tables.T6;
  if (!t) return null;
  for (const p of t.panels) {
    for (const r of p.rows) {
      if (!re.test(normName(r.name))) continue;
      const v = value(t, r, undefined, where(d, 'T6', what));
      if (v) return v;
    }
  }
  return null;
}

function t9(d: Disclosure, key: string, what: string): TableValue | null {
  const t = d.tables.T9;
  const row = rowsOf(t).find((r) => r.cells[key]);
  return value(t, row, key, where(d, 'T9', what));
}

/** T5 rows by chain text, per disclosure: every fact of a 具体情况 paragraph asks with the same text. */
const CHAINS = new WeakMap<Disclosure, Map<string, Row | undefined>>();

/** T5 row of a 项 named by its 类/款/项 chain, e.g. "一般公共服务支出（类）党委办公厅（室）及相关机构事务（款）行政运行（项）". */
export function t5ByChain(d: Disclosure, chain: string): Row | undefined {
  let m = CHAINS.get(d);
  if (!m) CHAINS.set(d, (m = new Map()));
  if (m.has(chain)) return m.get(chain);
  const row = findByChain(d, chain);
  m.set(chain, row);
  return row;
}

function findByChain(d: Disclosure, chain: string): Row | undefined {
  return chainRow(rowsOf(d.tables.T5), chain);
}

/** The 项 row of `rows` named by a 类/款/项 chain (its 款 under its 类, its 项 under its 款). */
function chainRow(rows: Row[], chain: string): Row | undefined {
  const m = chain.replace(/\s+/g, '').match(/^(.*?)[（(]类[）)](.*?)[（(]款[）)](.*?)[（(]项[）)]/);
  if (!m) return undefined;
  const [lei, kuan, xiang] = [m[1], m[2], m[3]].map((s) => normName(s.replace(/^\d+[、.．]/, '')));
  const leiRow = rows.find((r) => isLevel(r, 'lei') && normName(r.name) === lei);
  const kuanRow = rows.find(
    (r) => isLevel(r, 'kuan') && normName(r.name) === kuan && (!leiRow?.code || !!r.code?.startsWith(leiRow.code)),
  );
  if (!kuanRow?.code) return undefined;
  return rows.find((r) => isLevel(r, 'xiang') && !!r.code?.startsWith(kuanRow.code!) && normName(r.name) === xiang);
}

const LEN = { lei: 3, kuan: 5, xiang: 7 } as const;
export function isLevel(r: Row, level: keyof typeof LEN): boolean {
  return r.level === level || (r.level === null && r.code?.length === LEN[level]);
}

/**
 * Table values remembered per disclosure and concept key: many facts tie to the same concept (each
 * gets its own Concept object) and every claim rule asks again. A key always names the same lookup.
 */
const tableValues = new WeakMap<Disclosure, Map<string, TableValue | null>>();

function memo(key: string, fn: (d: Disclosure) => TableValue | null): (d: Disclosure) => TableValue | null {
  if (fn === none) return fn;
  return (d) => {
    let m = tableValues.get(d);
    if (!m) tableValues.set(d, (m = new Map()));
    if (m.has(key)) return m.get(key)!;
    const v = fn(d);
    m.set(key, v);
    return v;
  };
}

/** English names of the concepts with a standard name; others are row names, quoted as printed. */
const NAME_EN: Record<string, string> = {
  收支总计: 'total income and expenditure',
  本年收入合计: 'total income of the year',
  财政拨款收入: 'fiscal appropriation income',
  一般公共预算财政拨款收入: 'general public budget appropriation income',
  政府性基金预算财政拨款收入: 'government fund appropriation income',
  国有资本经营预算财政拨款收入: 'state capital appropriation income',
  上级补助收入: 'subsidy from the higher level',
  事业收入: 'public-service revenue',
  经营收入: 'operating income',
  附属单位上缴收入: 'payments from affiliated units',
  其他收入: 'other income',
  使用非财政拨款结余: 'use of non-appropriation balances',
  年初结转和结余: 'opening balance',
  年末结转和结余: 'closing balance',
  本年支出合计: 'total expenditure of the year',
  基本支出: 'basic expenditure',
  项目支出: 'project expenditure',
  上缴上级支出: 'payments to the higher level',
  经营支出: 'operating expenditure',
  对附属单位补助支出: 'subsidies to affiliated units',
  财政拨款收支总计: 'total fiscal appropriation income and expenditure',
  一般公共预算财政拨款支出: 'general public budget appropriation expenditure',
  人员经费: 'personnel expenses',
  公用经费: 'public expenses',
  工资福利支出: 'wages and benefits',
  商品和服务支出: 'goods and services',
  对个人和家庭的补助: 'subsidies to individuals and households',
  资本性支出: 'capital expenditure',
  '本年支出 基本支出': 'basic expenditure',
  '本年支出 项目支出': 'project expenditure',
  本年收入: 'income of the year',
  本年支出: 'expenditure of the year',
  机关运行经费: 'administrative running costs',
  授予中小企业合同金额: 'contracts awarded to SMEs',
  授予小微企业合同金额: 'contracts awarded to small and micro firms',
  政府采购货物支出: 'procurement of goods',
  政府采购工程支出: 'procurement of works',
  政府采购服务支出: 'procurement of services',
  政府采购支出总额: 'total procurement',
  公务用车保有量: 'official vehicles held',
  车辆数: 'vehicles',
  实有人数: 'staff',
  编制数: 'authorised staff',
};

/** The three public expenses and their items (T9) in English. */
const T9_EN: Record<string, string> = {
  abroad: 'travel abroad',
  car: 'official cars (purchase and running)',
  carPurchase: 'official car purchase',
  carRunning: 'official car running',
  reception: 'official reception',
  total: 'the "three public expenses"',
};

/** A concept's English name: its standard one, else its Chinese name (a row's) quoted as printed. */
export function conceptNameEn(name: string): string {
  return NAME_EN[name] ?? `"${name}"`;
}

function concept(key: string, rule: string, name: string, table: Concept['table'], extra?: Pick<Concept, 'soft' | 'repeatable' | 'budget'>, nameEn = conceptNameEn(name)): Concept {
  // Every field present from the start (one object shape: reads of .soft/.budget stay monomorphic);
  // no default object and spread per tied fact.
  return {
    key,
    rule,
    name,
    nameEn,
    table: memo(key, table),
    soft: extra?.soft,
    repeatable: extra?.repeatable,
    budget: extra?.budget ? memo(`${key}#budget`, extra.budget) : undefined,
  };
}

export interface TieInput {
  topic: Topic;
  fact: Fact;
  /** Label to tie: the fact's label, or for a budget/actual pair the budget label's subject. */
  label: string;
  /** Text of the paragraph and the nearest item heading (for 项 chains). */
  chainText: string;
}

/** The concept a fact restates, or null (skipped). */
const SPACES = /\s+/g;
const LIST_NO = /^\d+[、.．]/;

export function tie(d: Disclosure, x: TieInput): Concept | null {
  const kind = x.fact.num.kind;
  // Percents and years name no concept; an amount outside a topic section is never tied.
  if (kind !== 'count' && (kind !== 'amount' || x.topic === null)) return null;
  const L = x.label.replace(SPACES, '').replace(LIST_NO, '');
  if (kind === 'count') return tieCount(x.topic, L, x.fact.num.unit);
  switch (x.topic) {
    case 'overall':
      if (/收.?支.?总计|收入支出总计|收支总计|^(本年)?收入总计$|^(本年)?支出总计$/.test(L.replace(/^\d{4}年度?/, ''))) return concept('T1.total', 'N-01', '收支总计', (dd) => t1(dd, /^总计$/, '总计'));
      return null;
    case 'income':
      if (/收入合计|本年收入$/.test(L)) return concept('T1.income', 'N-02', '本年收入合计', (dd) => t1(dd, /本年收入合计/, '本年收入合计'));
      if (L === '财政拨款收入' || L.endsWith('财政拨款收入') && !(L.includes('一般公共') || L.includes('政府性基金') || L.includes('国有资本')))
        return concept('income.fiscal', 'N-02', '财政拨款收入', (dd) => {
          const t2 = dd.tables.T2;
          const v = value(t2, totalRow(t2), 'fiscal', where(dd, 'T2', '合计 财政拨款收入'));
          if (v) return v;
          return sumValues(
            T1_INCOME.slice(0, 3).map(([re, n]) => t1(dd, re, n)),
            where(dd, 'T1', '一至三行 财政拨款收入'),
          );
        });
      for (const [re, n] of T1_INCOME) if (re.test(L)) return concept(`T1.in:${n}`, 'N-02', n, (dd) => t1(dd, re, n));
      return null;
    case 'expense':
    case 'performance':
      if (/支出合计|本年支出$|整体支出|全年支出$/.test(L) || (x.topic === 'performance' && L === '执行数'))
        return concept('T3.total', 'N-03', '本年支出合计', (dd) => t3(dd, 'total', '本年支出合计') ?? t1(dd, /本年支出合计/, '本年支出合计', 'expense'));
      if (x.topic === 'expense') {
        for (const [re, col, n] of T3_COLS) if (re.test(L)) return concept(`T3.${col}`, 'N-03', n, (dd) => t3(dd, col, n));
        if (L.includes('年末结转和结余')) return concept('T1.closing', 'N-03', '年末结转和结余', (dd) => t1(dd, /年末结转和结余/, '年末结转和结余', 'expense'));
      }
      return null;
    case 'fiscal':
      if (/财政拨款.*总计/.test(L))
        return concept('T4.total', 'N-04', '财政拨款收支总计', (dd) => {
          const t = dd.tables.T4;
          return value(t, rowNamed(t, /^总计$/, 'income') ?? rowNamed(t, /^总计$/), undefined, where(dd, 'T4', '总计'));
        });
      return null;
    case 'gpb':
    case 'gpb.total':
    case 'gpb.structure':
    case 'gpb.detail': {
      if (/财政拨款支出|^(当年)?支出决算数?$/.test(L) && !/（类）|\(类\)/.test(L)) {
        // A bare "支出决算" in 具体情况 is the item of its 项 heading, not the total.
        if (/^(当年)?支出决算数?$/.test(L)) {
          const row = t5ByChain(d, x.chainText);
          if (row) return concept(`T5.xiang:${row.code}`, 'N-07', normName(row.name), (dd) => value(dd.tables.T5, row, 'total', where(dd, 'T5', `${row.code} ${normName(row.name)}`)));
          if (/[（(]项[）)]/.test(x.chainText)) return null;
        }
        return concept('T5.total', x.topic === 'gpb.detail' ? 'N-07' : x.topic === 'gpb.structure' ? 'N-06' : 'N-05', '一般公共预算财政拨款支出', (dd) => t5Total(dd));
      }
      if (x.topic === 'gpb.structure' || x.topic === 'gpb') {
        const name = normName(L).replace(/^(一般公共预算财政拨款)/, '');
        const t = d.tables.T5;
        const row = rowsOf(t).find((r) => isLevel(r, 'lei') && (normName(r.name) === name || normName(r.name) === name + '支出'));
        if (row) return concept(`T5.lei:${row.code}`, 'N-06', normName(row.name), (dd) => value(dd.tables.T5, row, 'total', where(dd, 'T5', `${row.code} ${normName(row.name)}`)));
      }
      return null;
    }
    case 'basic': {
      // "全年支出为X万元，全部为基本支出" in a basic-spending section: X is the basic spending.
      if ((L.endsWith('基本支出') && !L.includes('项目')) || ((L.includes('全年支出') || L.includes('支出总额') || L.includes('总支出') || L.includes('本年支出')) && x.fact.exhaustive))
        return concept('T6.basic', 'N-08', '基本支出', (dd) =>
          sumValues([t6Named(dd, /人员经费合计/, '人员经费合计'), t6Named(dd, /公用经费合计/, '公用经费合计')], where(dd, 'T6', '人员经费合计＋公用经费合计')) ?? t5Total(dd, 'basic'),
        );
      if (L === '人员经费') return concept('T6.personnel', 'N-08', '人员经费', (dd) => t6Named(dd, /人员经费合计/, '人员经费合计'));
      if (L === '公用经费') return concept('T6.public', 'N-08', '公用经费', (dd) => t6Named(dd, /公用经费合计/, '公用经费合计'));
      for (const [re, code, n] of T6_CLASSES)
        if (re.test(L)) return concept(`T6.class:${code}`, 'N-08', n, (dd) => value(dd.tables.T6, rowByCode(dd.tables.T6, code), undefined, where(dd, 'T6', `${code} ${n}`)));
      return null;
    }
    case 'sangong': {
      if (L.includes('交通费') || L.includes('服务费') || L.includes('含外宾') || L.includes('外宾接待')) return null;
      const isBudget = L.includes('预算') && !L.includes('决算');
      for (const [re, item, n] of T9_ITEMS)
        if (re.test(L)) return sangong(item, n, isBudget);
      if (L.includes('三公') || /^支出决算数?$/.test(L)) return sangong('total', '“三公”经费', isBudget);
      return null;
    }
    case 'govfund':
    case 'soe': {
      const key = x.topic === 'govfund' ? 'T7' : 'T8';
      // A 项 (or 款/类) of the table, the way N-07 reads T5 items (issue 16 class 1): named by its
      // 类/款/项 chain ("…（项）…支出决算为X万元") or by its own name ("其他住房保障支出X万元").
      const item = fundItem(d, key, L, x.chainText);
      if (item) {
        const n = normName(item.name);
        return concept(`${key}.row:${item.code ?? n}`, 'N-10', n, (dd) => value(dd.tables[key], item, 'total', where(dd, key, `${item.code ? `${item.code} ` : ''}${n} 本年支出`)));
      }
      if (/[（(]项[）)]/.test(x.chainText) && /^(当年)?(支出)?决算数?$/.test(L)) return null;
      const cols: [RegExp, string, string][] = [
        [/年初结转和结余/, 'opening', '年初结转和结余'],
        [/年末结转和结余/, 'closing', '年末结转和结余'],
        [/基本支出/, 'basic', '本年支出 基本支出'],
        [/项目支出/, 'project', '本年支出 项目支出'],
        [/收入$/, 'income', '本年收入'],
        [/支出$/, 'total', '本年支出'],
      ];
      for (const [re, col, n] of cols)
        if (re.test(L))
          return concept(`${key}.${col}`, 'N-10', n, (dd) => {
            const t = dd.tables[key];
            return value(t, totalRow(t), col, where(dd, key, `合计 ${n}`));
          });
      return null;
    }
    case 'admin':
      if (L.includes('机关运行经费')) return concept('admin', 'N-11', '机关运行经费', (dd) => t6Named(dd, /公用经费合计/, '公用经费合计'), { soft: true });
      return null;
    case 'procurement': {
      const W = (x.fact.wide + L).replace(/\s+/g, '');
      if (W.includes('中小企业') && !W.includes('小微')) return concept('proc.sme', 'N-12', '授予中小企业合同金额', none, { repeatable: true });
      if (W.includes('小微企业')) return concept('proc.micro', 'N-12', '授予小微企业合同金额', none, { repeatable: true });
      if (L.includes('中小企业') && !L.includes('小微')) return concept('proc.sme', 'N-12', '授予中小企业合同金额', none);
      if (L.includes('小微企业')) return concept('proc.micro', 'N-12', '授予小微企业合同金额', none);
      if (L.includes('货物')) return concept('proc.goods', 'N-12', '政府采购货物支出', none);
      if (L.includes('工程')) return concept('proc.works', 'N-12', '政府采购工程支出', none);
      if (L.includes('服务')) return concept('proc.services', 'N-12', '政府采购服务支出', none);
      if (L.includes('采购')) return concept('proc.total', 'N-12', '政府采购支出总额', none);
      return null;
    }
    default:
      return null;
  }
}

const FUND_BARE = /^(当年|本年)?(支出)?决算数?$/;

/** T7/T8 row a label or chain names (rows with a code only: totals and columns are tied by label). */
function fundItem(d: Disclosure, key: 'T7' | 'T8', L: string, chainText: string): Row | undefined {
  const rows = rowsOf(d.tables[key]);
  if (rows.length === 0) return undefined;
  if (FUND_BARE.test(L)) return chainRow(rows, chainText);
  if (/[（(]项[）)]/.test(L)) return chainRow(rows, L);
  const label = normName(L);
  let best: Row | undefined;
  let bestLen = 0;
  for (const r of rows) {
    if (!r.code || r.kind !== 'data') continue;
    const n = normName(r.name);
    // Four characters at least: "支出" alone names no row.
    if (n.length < 4 || !label.endsWith(n)) continue;
    if (n.length > bestLen || (n.length === bestLen && (r.code?.length ?? 0) > (best?.code?.length ?? 0))) {
      best = r;
      bestLen = n.length;
    }
  }
  return best;
}

function sangong(item: string, n: string, isBudget: boolean): Concept {
  const part = isBudget ? 'budget' : 'actual';
  return concept(
    `T9.${part}.${item}`,
    'N-09',
    `${n}${isBudget ? '预算数' : '决算数'}`,
    (dd) => t9(dd, `${part}.${item}`, `${isBudget ? '预算数' : '决算数'} ${n}`),
    { budget: isBudget ? undefined : (dd) => t9(dd, `budget.${item}`, `预算数 ${n}`) },
    `${T9_EN[item] ?? `"${n}"`} ${isBudget ? 'budget' : 'actual'}`,
  );
}

function tieCount(topic: Topic, L: string, unit: string): Concept | null {
  // 公务用车保有量 (vehicles paid from appropriations) may be fewer than all vehicles: two concepts.
  if (unit === '辆' && L.includes('保有量')) return concept('count.vehicles.fiscal', 'N-16', '公务用车保有量', none);
  if (unit === '辆' && L.includes('车辆')) return concept('count.vehicles', 'N-16', '车辆数', none);
  if (topic === 'staff' || topic === 'performance') {
    if (/实有人数|在职人员|实有人员|实有\d*$/.test(L)) return concept('staff.total', 'N-16', '实有人数', none);
    if (L.includes('编制数')) return concept('staff.quota', 'N-16', '编制数', none);
  }
  return null;
}

/** Staff category of a count label (本年度公务员24人 → 公务员). */
export function staffCategory(label: string): string | null {
  const m = label.match(/(公务员|参公|事业编|事业人员|工勤|机关工人|行政编)/);
  if (!m) return null;
  return m[1] === '机关工人' ? '工勤' : m[1] === '事业人员' ? '事业编' : m[1];
}

/** Table value of a base concept (shares need their base even when the text never states it). */
const baseValues = new WeakMap<Disclosure, Map<string, TableValue | null>>();

export function tableValueOf(d: Disclosure, key: string): TableValue | null {
  let m = baseValues.get(d);
  if (!m) baseValues.set(d, (m = new Map()));
  if (m.has(key)) return m.get(key)!;
  const v = computeTableValue(d, key);
  m.set(key, v);
  return v;
}

function computeTableValue(d: Disclosure, key: string): TableValue | null {
  switch (key) {
    case 'T3.total':
      return t3(d, 'total', '本年支出合计') ?? t1(d, /本年支出合计/, '本年支出合计', 'expense');
    case 'T1.income':
      return t1(d, /本年收入合计/, '本年收入合计');
    case 'T5.total':
      return t5Total(d);
    case 'T6.basic':
      return (
        sumValues([t6Named(d, /人员经费合计/, '人员经费合计'), t6Named(d, /公用经费合计/, '公用经费合计')], where(d, 'T6', '人员经费合计＋公用经费合计')) ??
        t5Total(d, 'basic')
      );
    case 'T9.actual.total':
      return t9(d, 'actual.total', '决算数 合计');
    default:
      return null;
  }
}
