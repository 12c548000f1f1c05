/**
 * Consistent mini tables modelled on the seed page (lukou-2024), with overridable values, for the
 * cross-table rule tests. `o` maps a row name (or "row|col") to a replacement text.
 */
import { tbl } from './build';
import type { RowInput } from './build';

type Over = Record<string, string>;

function v(o: Over, row: string, fallback: string, col?: string): string {
  const k = col ? `${row}|${col}` : row;
  return o[k] ?? fallback;
}

export function T1(o: Over = {}) {
  const inc = (name: string, val: string): RowInput => ['', name, v(o, name, val)];
  return tbl('T1', {
    panels: {
      income: {
        cols: ['amount'],
        rows: [
          inc('一、一般公共预算财政拨款收入', '880.81'),
          inc('二、政府性基金预算财政拨款收入', ''),
          inc('三、国有资本经营预算财政拨款收入', ''),
          inc('四、上级补助收入', ''),
          inc('五、事业收入', ''),
          inc('六、经营收入', ''),
          inc('七、附属单位上缴收入', ''),
          inc('八、其他收入', '15.76'),
          inc('本年收入合计', '896.57'),
          inc('使用非财政拨款结余（含专用结余）', ''),
          inc('年初结转和结余', '0'),
          inc('总计', '896.57'),
        ],
      },
      expense: {
        cols: ['amount'],
        rows: [
          inc('一、一般公共服务支出', '742.39'),
          inc('五、教育支出', '0'),
          inc('八、社会保障和就业支出', '87.96'),
          inc('十九、住房保障支出', '50.46'),
          inc('二十三、其他支出', '15.76'),
          inc('本年支出合计', '896.57'),
          inc('结余分配', ''),
          inc('年末结转和结余', ''),
          inc('总计', '896.57'),
        ],
      },
    },
  });
}

export function T2(o: Over = {}) {
  const cols = ['total', 'fiscal', 'upper', 'business', 'operating', 'affiliated', 'other'];
  const def = ['896.57', '880.81', '0', '0', '0', '0', '15.76'];
  return tbl('T2', {
    cols,
    rows: [['', '合计', ...cols.map((c, i) => v(o, '合计', def[i], c))]],
  });
}

export function T3(o: Over = {}) {
  const row = (code: string, name: string, total: string, basic: string): RowInput => [
    code, name, v(o, code || name, total, 'total'), v(o, code || name, basic, 'basic'), v(o, code || name, '', 'project'), '', '', '',
  ];
  return tbl('T3', {
    cols: ['total', 'basic', 'project', 'remit', 'operating', 'subsidy'],
    rows: [
      row('', '合计', '896.57', '896.57'),
      row('201', '一般公共服务支出', '742.39', '742.39'),
      row('208', '社会保障和就业支出', '87.96', '87.96'),
      row('221', '住房保障支出', '50.46', '50.46'),
      row('229', '其他支出', '15.76', '15.76'),
    ],
  });
}

export function T4(o: Over = {}) {
  const inc = (name: string, val: string): RowInput => ['', name, v(o, name, val)];
  const exp = (name: string, total: string, general: string): RowInput => [
    '', name, v(o, name, total, 'total'), v(o, name, general, 'general'), v(o, name, '', 'govfund'), v(o, name, '', 'soe'),
  ];
  return tbl('T4', {
    panels: {
      income: {
        cols: ['amount'],
        rows: [
          inc('一、一般公共预算财政拨款', '880.81'),
          inc('二、政府性基金预算财政拨款', ''),
          inc('三、国有资本经营预算财政拨款', ''),
          inc('本年收入合计', '880.81'),
          inc('年初财政拨款结转和结余', '0'),
          inc('一般公共预算财政拨款', '0'),
          inc('政府性基金预算财政拨款', ''),
          inc('国有资本经营预算财政拨款', ''),
          inc('总计', '880.81'),
        ],
      },
      expense: {
        cols: ['total', 'general', 'govfund', 'soe'],
        rows: [
          exp('一、一般公共服务支出', '742.39', '742.39'),
          exp('八、社会保障和就业支出', '87.96', '87.96'),
          exp('十九、住房保障支出', '50.46', '50.46'),
          exp('本年支出合计', '880.81', '880.81'),
          exp('年末财政拨款结转和结余', '', ''),
          exp('总计', '880.81', '880.81'),
        ],
      },
    },
  });
}

export function T5(o: Over = {}) {
  const row = (code: string, name: string, total: string): RowInput => [
    code, name, v(o, code || name, total, 'total'), v(o, code || name, total, 'basic'), v(o, code || name, '', 'project'),
  ];
  return tbl('T5', {
    cols: ['total', 'basic', 'project'],
    rows: [
      row('', '合计', '880.81'),
      row('201', '一般公共服务支出', '742.39'),
      row('208', '社会保障和就业支出', '87.96'),
      row('221', '住房保障支出', '50.46'),
    ],
  });
}

export function T6(o: Over = {}) {
  const r = (code: string, name: string, val: string): RowInput => [code, name, v(o, code || name, val)];
  return tbl('T6', {
    panels: {
      left: {
        cols: ['amount'],
        rows: [r('301', '工资福利支出', '578.83'), r('30101', '基本工资', '578.83'), r('303', '对个人和家庭的补助', '3.29'), r('30305', '生活补助', '3.29'), r('', '人员经费合计', '582.12')],
      },
      middle: {
        cols: ['amount'],
        rows: [r('302', '商品和服务支出', '298.44'), r('30201', '办公费', '290.87'), r('30212', '因公出国（境）费用', '7.57'), r('30217', '公务接待费', ''), r('30231', '公务用车运行维护费', ''), r('', '公用经费合计', '298.68')],
      },
      right: {
        cols: ['amount'],
        rows: [r('310', '资本性支出', '0.24'), r('31002', '办公设备购置', '0.24'), r('31013', '公务用车购置', '')],
      },
    },
  });
}

export function T9(o: Over = {}) {
  const keys = ['total', 'abroad', 'car', 'carPurchase', 'carRunning', 'reception'];
  const budget = ['9.32', '7.57', '0', '0', '0', '1.75'];
  const actual = ['7.57', '7.57', '0', '0', '0', '0'];
  const cols = [...keys.map((k) => `budget.${k}`), ...keys.map((k) => `actual.${k}`)];
  const vals = [...budget, ...actual];
  return tbl('T9', { cols, rows: [['', '', ...cols.map((c, i) => o[c] ?? vals[i])]] });
}

export function fundTable(key: 'T7' | 'T8', o: Over = {}) {
  const cols = ['opening', 'income', 'total', 'basic', 'project', 'closing'];
  return tbl(key, { cols, rows: [['', '合计', ...cols.map((c) => o[c] ?? '0')]] });
}
