/**
 * Names the rules print and match on: table and column labels, row-name normalisation, the
 * 功能分类 类 catalogue.
 */
import type { Panel, TableKey } from '../model/types';
import { BUDGET_TABLE_NAMES } from '../model/types';
import type { Bilingual } from './types';
import { memoByText } from '../memo';

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
export const COLUMN_LABELS: Record<string, Bilingual> = {
  amount: { zh: '决算数', en: 'actual' },
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

/**
 * Standard English names of common column headers (the printed header's last level), for the
 * English citation of a column the model keeps by its header; other headers stay as printed.
 */
const HEADER_EN: Record<string, string> = {
  合计: 'total',
  小计: 'subtotal',
  总计: 'grand total',
  金额: 'amount',
  决算数: 'actual',
  本年决算数: 'actual',
  预算数: 'budget',
  年初预算数: 'initial budget',
  年初预算: 'initial budget',
  全年预算数: 'full-year budget',
  调整预算数: 'adjusted budget',
  本年预算数: 'budget of the year',
  上年预算数: 'previous-year budget',
  上年数: 'previous year',
  上年决算数: 'previous-year actual',
  基本支出: 'basic expenditure',
  项目支出: 'project expenditure',
  人员经费: 'personnel expenses',
  公用经费: 'public expenses',
  '因公出国（境）费': 'travel abroad',
  '因公出国(境)费': 'travel abroad',
  公务接待费: 'official reception',
  公务用车购置及运行费: 'official cars',
  公务用车购置费: 'car purchase',
  公务用车运行维护费: 'car running',
  公务用车运行费: 'car running',
  会议费: 'meetings',
  培训费: 'training',
  机关运行经费: 'administrative running costs',
  财政拨款: 'fiscal appropriation',
  财政拨款收入: 'fiscal appropriation',
  年初结转和结余: 'opening balance',
  年末结转和结余: 'closing balance',
  上年结转: 'carry-over',
  本年收入: 'income of the year',
  本年支出: 'expenditure of the year',
};

/** A printed header in English where it has a standard name ("本年支出/基本支出" → basic expenditure), else as printed. */
export function headerEn(header: string): string {
  const last = header.split('/').pop()!.replace(/[\s\u00a0\u3000]+/g, '');
  return HEADER_EN[last] ?? header;
}

export function columnLabel(key: string, panel?: Panel): Bilingual {
  const known = COLUMN_LABELS[key];
  if (known) return known;
  const header = panel?.columns.find((c) => c.key === key)?.header;
  return { zh: header || key, en: header ? headerEn(header) : key };
}

export const SPACE_RE = /[\s\u00a0\u3000]+/g;
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
