import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { parseHTML } from 'linkedom';
import { parseAmount } from '../../lib/money';
import { describe, expect, it } from 'vitest';
import { checkDocument } from '../../lib/index';
import { runRules } from '../../lib/checks/runner';
import { evaluateParts, sectionPresence, TITLE_PARTS } from '../../lib/checks/S-catalog';
import { rule as S01 } from '../../lib/checks/S-01';
import { rule as S02 } from '../../lib/checks/S-02';
import { rule as S03 } from '../../lib/checks/S-03';
import { rule as S04 } from '../../lib/checks/S-04';
import { rule as S05 } from '../../lib/checks/S-05';
import { rule as S06 } from '../../lib/checks/S-06';
import { rule as S07 } from '../../lib/checks/S-07';
import { rule as S08 } from '../../lib/checks/S-08';
import { rule as S09 } from '../../lib/checks/S-09';
import { rule as S10 } from '../../lib/checks/S-10';
import { splitSections } from '../../lib/recognize/sections';
import type { Block, ParagraphBlock } from '../../lib/extract/types';
import type { Disclosure, TableKey, TableModel } from '../../lib/model/types';
import type { Finding } from '../../lib/checks/types';

const S_RULES = [S01, S02, S03, S04, S05, S06, S07, S08, S09, S10];
const ALL_TABLES: TableKey[] = ['T1', 'T2', 'T3', 'T4', 'T5', 'T6', 'T7', 'T8', 'T9'];

// ---------------------------------------------------------------------------------------------
// Tiny builders: a narrative as lines, tables as stubs (only what the S-rules read).

function paragraphs(lines: string[]): Block[] {
  return lines.map((text, index): Block => ({ kind: 'paragraph', index, text, el: null }));
}

function stubTable(key: TableKey, opts: { allEmpty?: boolean; notes?: ParagraphBlock[] } = {}): TableModel {
  return {
    key,
    title: key,
    name: key,
    marker: null,
    unit: '万元',
    blocks: [],
    rows: 0,
    cols: 0,
    panels: [],
    allEmpty: opts.allEmpty ?? false,
    notes: opts.notes ?? [],
  };
}

function disclosure(
  lines: string[],
  opts: { tables?: TableKey[]; year?: number; unrecognised?: number; emptyWithNote?: Partial<Record<TableKey, string>> } = {},
): Disclosure {
  const blocks = paragraphs(lines);
  const { sections, tocBlocks } = splitSections(blocks, new Set());
  const tables: Disclosure['tables'] = {};
  for (const k of opts.tables ?? ALL_TABLES) tables[k] = stubTable(k);
  let next = blocks.length;
  for (const [k, note] of Object.entries(opts.emptyWithNote ?? {})) {
    const p: ParagraphBlock = { kind: 'paragraph', index: next++, text: note!, el: null };
    tables[k as TableKey] = stubTable(k as TableKey, { allEmpty: true, notes: [p] });
  }
  return {
    info: { title: 't', department: '某局', year: opts.year ?? 2024, unit: '万元', kind: 'final', scope: null, format: 'html' },
    tables,
    unrecognised: Array.from({ length: opts.unrecognised ?? 0 }, (_, i) => ({ blockIndex: 900 + i, title: '?', reason: 'x' })),
    sections,
    paragraphs: blocks.filter((b): b is ParagraphBlock => b.kind === 'paragraph'),
    tocBlocks,
  };
}

/** A complete Hunan-style outline; every required part present. */
const FULL: string[] = [
  '第一部分',
  '某局部门概况',
  '一、部门职责',
  '负责……。',
  '二、机构设置及决算单位构成',
  '独立核算机构1个。',
  '第二部分',
  '部门决算表',
  '第三部分',
  '2024年度部门决算情况说明',
  '一、收入支出决算总体情况说明',
  '2024年度收、支总计896.57万元。',
  '二、收入决算情况说明',
  '收入合计896.57万元。',
  '三、支出决算情况说明',
  '支出合计896.57万元。',
  '四、财政拨款收入支出决算总体情况说明',
  '财政拨款收、支总计880.81万元。',
  '五、一般公共预算财政拨款支出决算情况说明',
  '（一）一般公共预算财政拨款支出决算总体情况',
  '财政拨款支出880.81万元。',
  '（二）一般公共预算财政拨款支出决算结构情况',
  '主要用于以下方面：……',
  '（三）一般公共预算财政拨款支出决算具体情况',
  '年初预算数为757.07万元。',
  '六、一般公共预算财政拨款基本支出决算情况说明',
  '基本支出880.80万元。',
  '七、财政拨款“三公”经费支出决算情况说明',
  '“三公”经费支出决算7.57万元，因公出国（境）团组2个、2人次。',
  '八、政府性基金预算收入支出决算情况',
  '本年度无政府性基金收支。',
  '九、国有资本经营预算财政拨款收入支出决算情况说明',
  '本年度无国有资本经营预算收支。',
  '十、关于机关运行经费支出说明',
  '机关运行经费支出298.44万元。',
  '十一、关于政府采购支出说明',
  '政府采购支出总额0万元，授予中小企业合同金额0万元。',
  '十二、关于国有资产占用情况说明',
  '共有车辆0辆，单价100万元以上设备0台。',
  '十三、关于2024年度预算绩效情况的说明',
  '（一）绩效评价工作开展情况。一是……',
  '第四部分    名词解释',
  '一、财政拨款收入：是指……',
  '第五部分',
  '附 件',
  '一、2024年度部门整体支出绩效自评报告',
  '一、部门基本情况',
];

function sFindings(d: Disclosure): Finding[] {
  return runRules(d, S_RULES).findings;
}

/** Remove the lines [from, to) (a heading and its body) from FULL. */
function without(from: number, to: number): string[] {
  return FULL.filter((_, i) => i < from || i >= to);
}

describe('required parts on small outlines', () => {
  it('a complete outline: every part present, no finding', () => {
    const d = disclosure(FULL);
    const parts = evaluateParts(d);
    expect(parts.filter((p) => !p.present).map((p) => p.id)).toEqual([]);
    expect(parts).toHaveLength(TITLE_PARTS.length + 9);
    expect(sFindings(d)).toEqual([]);
    expect(sectionPresence(d).every((s) => s.present && s.title.includes(' · '))).toBe(true);
  });

  // Generated: each narrative part of FULL removed in turn (heading + body) is the only part absent.
  const headingLines = FULL.map((t, i) => [t, i] as const).filter(([t]) =>
    /^(一|二|三|四|五|六|七|八|九|十|十一|十二|十三)、|^（[一二三]）|^第四部分/.test(t),
  );
  const cases = headingLines
    .map(([t, i]) => {
      // The section's end: the next line of the same or a higher level.
      const level = t.startsWith('（') ? 3 : t.startsWith('第') ? 1 : 2;
      let j = i + 1;
      const isHeading = (s: string, lv: number) =>
        (lv >= 1 && /^第.部分/.test(s)) || (lv >= 2 && /^[一二三四五六七八九十]+、/.test(s)) || (lv >= 3 && /^（[一二三]）/.test(s));
      while (j < FULL.length && !isHeading(FULL[j], level)) j++;
      return { title: t, from: i, to: j };
    })
    // Only headings that are a part's section (not 十三's （一）, not glossary entries).
    .filter((c) => evaluateParts(disclosure(FULL)).some((p) => p.section?.start === c.from));

  it.each(cases)('removing "$title" makes exactly its part(s) absent', ({ from, to }) => {
    const before = evaluateParts(disclosure(FULL));
    const removed = new Set(
      before.filter((p) => p.section && p.section.start >= from && p.section.start < to).map((p) => p.id),
    );
    expect(removed.size).toBeGreaterThan(0);
    const d = disclosure(without(from, to));
    const absent = evaluateParts(d).filter((p) => !p.present);
    expect(new Set(absent.map((p) => p.id))).toEqual(removed);
    const findings = sFindings(d);
    // One error per missing part (subsections of a missing parent are folded into the parent's).
    const reported = [...removed].filter((id) => !before.find((p) => p.id === id)!.parent || !removed.has(before.find((p) => p.id === id)!.parent!));
    expect(findings.map((f) => f.severity)).toEqual(reported.map(() => 'error'));
    expect(findings.map((f) => f.rule).sort()).toEqual(reported.map((id) => id.slice(0, 4)).sort());
    for (const f of findings) {
      expect(f.quote).toBeNull();
      expect(f.expected).toMatch(/一节|section/);
      expect(f.actual).toBe('未找到 / not found');
    }
  });

  it('an absent part points at the nearest heading (the 情况说明 part) and names what is missing', () => {
    const i = FULL.indexOf('十一、关于政府采购支出说明');
    const d = disclosure(without(i, i + 2));
    const [f] = sFindings(d);
    expect(f.rule).toBe('S-08');
    expect(f.message.zh).toContain('政府采购支出情况');
    expect(f.message.en).toContain('government procurement');
    expect(f.spans).toHaveLength(1);
    expect(f.spans[0].paragraph.text).toBe('第三部分');
    expect(f.spans[0].end).toBe('第三部分'.length);
  });

  it('glossary entries and attachment headings do not stand in for narrative parts', () => {
    const lines = [
      '第三部分 情况说明',
      '一、收入支出决算总体情况说明',
      '第四部分 名词解释',
      '一、机关运行经费：是指……',
      '二、“三公”经费：指……',
      '第五部分 附件',
      '一、2024年度绩效自评报告',
      '一、政府采购情况',
      '二、国有资产占用情况',
      '三、预算绩效',
    ];
    const absent = evaluateParts(disclosure(lines))
      .filter((p) => !p.present)
      .map((p) => p.id);
    for (const id of ['S-08.机关运行经费', 'S-06.三公经费', 'S-08.政府采购', 'S-08.国有资产占用', 'S-09.预算绩效']) {
      expect(absent).toContain(id);
    }
    expect(absent).not.toContain('S-04.收支总体');
    expect(absent).not.toContain('S-10.名词解释');
  });

  it.each([
    ['二、机构及人员情况', 'S-02.机构设置'],
    ['二、组织机构', 'S-02.机构设置'],
    ['第四部分 名词术语解释', 'S-10.名词解释'],
    ['第四部分 专业名词解释', 'S-10.名词解释'],
  ])('wording %s counts for %s', (line, id) => {
    const parts = evaluateParts(disclosure(['第一部分 概况', line]));
    expect(parts.find((p) => p.id === id)?.present).toBe(true);
  });

  it('a table title left as a heading ("三、支出决算表") is not the narrative part', () => {
    const lines = ['第二部分 部门决算表', '二、收入决算表', '三、支出决算表', '第三部分 情况说明', '一、收入支出决算总体情况说明'];
    const absent = evaluateParts(disclosure(lines)).filter((p) => !p.present).map((p) => p.id);
    expect(absent).toContain('S-04.收入');
    expect(absent).toContain('S-04.支出');
    expect(absent).not.toContain('S-04.收支总体');
  });

  it('Shanghai wording: 其他重要事项说明 holds 机关运行经费 / 政府采购 / 国有资产 as subsections', () => {
    const lines = [
      '第三部分 某局2025年度部门决算情况说明',
      '十、预算绩效管理情况',
      '十一、其他重要事项的情况说明',
      '（一）机关运行经费支出情况',
      '（二）政府采购支出情况',
      '（三）国有资产占有使用情况说明',
    ];
    const parts = evaluateParts(disclosure(lines));
    for (const id of ['S-08.机关运行经费', 'S-08.政府采购', 'S-08.国有资产占用', 'S-09.预算绩效']) {
      expect(parts.find((p) => p.id === id)?.present).toBe(true);
    }
  });

  it('a 一般公共预算 section without numbered subsections is covered by its body text', () => {
    const lines = [
      '五、一般公共预算财政拨款支出决算情况说明',
      '2024年度财政拨款支出880.81万元，占本年支出合计的98.24%。主要用于以下方面：一般公共服务（类）支出742.39万元。年初预算为622.38万元。',
    ];
    const parts = evaluateParts(disclosure(lines)).filter((p) => p.id.startsWith('S-05.一般公共预算'));
    expect(parts.map((p) => [p.id, p.present, p.how])).toEqual([
      ['S-05.一般公共预算财政拨款支出', true, 'section'],
      ['S-05.一般公共预算财政拨款支出.总体', true, 'subsection-body'],
      ['S-05.一般公共预算财政拨款支出.结构', true, 'subsection-body'],
      ['S-05.一般公共预算财政拨款支出.具体', true, 'subsection-body'],
    ]);
    const noDetail = evaluateParts(disclosure([lines[0], '2024年度财政拨款支出880.81万元，占本年支出合计的98.24%。']));
    expect(noDetail.find((p) => p.id === 'S-05.一般公共预算财政拨款支出.具体')?.present).toBe(false);
  });
});

describe('a page with tables but no 情况说明 at all', () => {
  it('one S-04 error listing the parts, the other narrative rules not applicable; every part absent in sections', () => {
    const d = disclosure(FULL.slice(0, FULL.indexOf('第三部分')));
    const run = runRules(d, S_RULES);
    expect(run.findings.map((f) => [f.rule, f.severity])).toEqual([
      ['S-04', 'error'],
      ['S-10', 'error'], // the glossary went with the rest of the page
    ]);
    expect(run.findings[0].message.zh).toContain('缺少情况说明');
    expect(run.findings[0].message.zh).toContain('政府采购支出情况');
    expect(run.rules.filter((r) => r.outcome === 'not-applicable').map((r) => r.id)).toEqual(['S-05', 'S-06', 'S-07', 'S-08', 'S-09']);
    expect(run.rules.find((r) => r.id === 'S-10')?.outcome).toBe('fail'); // 名词解释 is its own part
    const absent = sectionPresence(d).filter((s) => !s.present).map((s) => s.id);
    expect(absent).toContain('S-04.收入');
    expect(absent).toContain('S-09.预算绩效');
    expect(absent).not.toContain('S-01.部门职责');
  });
});

describe('other layouts: tolerant of wording', () => {
  const CENTRAL = [
    '第一部分 某部概况',
    '一、部门职责',
    '二、机构设置',
    '第二部分 2024年度部门决算表',
    '第三部分 2024年度部门决算情况说明',
    '一、收入支出决算总体情况说明',
    '二、收入决算情况说明',
    '三、支出决算情况说明',
    '四、财政拨款收入支出决算总体情况说明',
    '五、一般公共预算财政拨款支出决算情况说明',
    '2024年度一般公共预算财政拨款支出100.00万元，占本年支出合计的90.00%。主要用于以下方面：一般公共服务支出（类）80.00万元。年初预算为95.00万元。',
    '六、一般公共预算财政拨款基本支出决算情况说明',
    '七、财政拨款“三公”经费支出决算情况说明',
    '全年安排因公出国（境）团组1个、累计3人次。',
    '八、政府性基金预算财政拨款收入支出决算情况说明',
    '九、国有资本经营预算财政拨款支出决算情况说明',
    '十、其他重要事项的情况说明',
    '（一）机关运行经费支出情况',
    '（二）政府采购支出情况',
    '授予中小企业合同金额10.00万元。',
    '（三）国有资产占有使用情况',
    '共有车辆2辆，单位价值100万元以上设备1台（套）。',
    '（四）预算绩效管理情况',
    '第四部分 名词解释',
    '第五部分 附件',
  ];
  const NO_PARTS = [
    '一、部门基本情况',
    '（一）部门主要职能',
    '（二）部门决算单位构成',
    '二、收入支出决算总体情况说明',
    '三、收入决算情况说明',
    '四、支出决算情况说明',
    '五、财政拨款收支决算总体情况说明',
    '六、一般公共预算财政拨款支出决算情况说明',
    '（一）总体情况',
    '（二）结构情况',
    '（三）具体情况',
    '七、一般公共预算财政拨款基本支出决算情况说明',
    '八、“三公”经费财政拨款支出决算情况说明',
    '公务用车保有量5辆。',
    '九、政府性基金预算财政拨款收入支出决算情况说明',
    '十、国有资本经营预算财政拨款收入支出决算情况说明',
    '十一、机关运行经费支出情况说明',
    '十二、政府采购支出情况说明',
    '本年度未发生政府采购支出。',
    '十三、国有资产占用情况说明',
    '共有车辆5辆，无单价100万元以上设备。',
    '十四、预算绩效管理情况说明',
    '十五、名词解释',
  ];
  // Hubei 2021 (曾都区): 收入/支出 folded into the overview, one 财政拨款 section, a separate
  // "第三部分 其他重要事项情况说明" part.
  const HUBEI = [
    '第一部分：基本情况',
    '一、部门主要职能',
    '二、部门和所属预算单位机构设置情况',
    '第二部分：2021 年度部门决算情况说明',
    '一、2021 年度收入支出决算总体及增减变动情况',
    '2021年度收入总计500.00万元。本年收入合计480.00万元，其中财政拨款收入470.00万元。本年支出合计480.00万元，其中基本支出400.00万元。',
    '二、2021 年度财政拨款支出决算情况',
    '2021年度一般公共预算财政拨款支出470.00万元，占本年支出合计的97.92%，与上年相比增加10.00万元。主要用于以下方面：一般公共服务（类）400.00万元。其中：行政运行（项）年初预算为380.00万元。一般公共预算财政拨款基本支出400.00万元，其中人员经费350.00万元，公用经费50.00万元。',
    '三、2021 年度一般公共决算财政拨款安排的“三公”经费支出决算及增减变动情况说明',
    '公务用车保有量2辆。',
    '四、2021 年度政府性基金支出决算情况',
    '五、2021 年度国有资本经营预算支出决算情况',
    '第三部分：其他重要事项情况说明',
    '一、关于机关运行经费支出说明',
    '二、关于政府采购支出说明',
    '授予中小企业合同金额0万元。',
    '三、关于国有资产占用情况说明',
    '共有车辆2辆，单价50万元以上通用设备0台。',
    '四、关于 2021 年度预算绩效情况的说明',
    '五、政府购买服务情况',
    '第四部分：名词解释',
    '第五部分：2021 年度部门决算公开报表（见附件）',
  ];
  // Xinjiang 2018 (博尔塔拉): 8 tables, grouped 收支 sections, tables as the last part.
  const XINJIANG = [
    '第一部分部门单位概况',
    '一、主要职能',
    '二、机构设置情况',
    '第二部分部门决算情况说明',
    '一、部门收支总体情况',
    '（一）部门收入支出决算总体情况说明',
    '（二）部门收入总体情况说明',
    '（三）部门支出总体情况说明',
    '二、部门财政拨款收支情况',
    '（一）财政拨款收支总体情况说明',
    '（二）一般公共预算收支决算情况说明',
    '一般公共预算财政拨款支出200.00万元，占本年支出合计的100%，与上年相比减少5.00万元。主要用于以下方面：一般公共服务（类）200.00万元。行政运行（项）年初预算为190.00万元。基本支出180.00万元，其中人员经费150.00万元、公用经费30.00万元。',
    '（三）政府性基金预算收支决算情况说明',
    '三、部门结转结余情况',
    '四、一般公共预算“三公”经费支出情况',
    '公务接待12批次。',
    '五、机关运行经费支出情况',
    '六、政府采购情况',
    '本年度未发生政府采购支出。',
    '七、其他重要事项的情况',
    '（一）国有资产占用情况说明',
    '共有车辆1辆，无单价50万元以上设备。',
    '（二）预算绩效情况的说明',
    '第三部分专业名词解释',
    '第四部分部门决算公开的8张报表',
  ];
  it('Hubei-style: parts folded into broader sections count when the section states them', () => {
    const parts = evaluateParts(disclosure(HUBEI, { year: 2021 }));
    expect(parts.filter((p) => !p.present).map((p) => p.id)).toEqual([]);
    const how = Object.fromEntries(parts.map((p) => [p.id, p.how]));
    expect(how['S-04.收入']).toBe('host-body');
    expect(how['S-04.支出']).toBe('host-body');
    expect(how['S-05.一般公共预算财政拨款支出']).toBe('host-body');
    expect(how['S-05.基本支出']).toBe('host-body');
    // The overview without "收入合计 …万元" does not host the income part.
    const bare = HUBEI.map((l) => (l.startsWith('2021年度收入总计') ? '2021年度收入总计500.00万元。' : l));
    const absent = evaluateParts(disclosure(bare, { year: 2021 })).filter((p) => !p.present).map((p) => p.id);
    expect(absent).toEqual(['S-04.收入', 'S-04.支出']);
  });

  it('Xinjiang 2018: 8 tables, no 国有资本经营 needed, grouped wording recognised', () => {
    const d = disclosure(XINJIANG, { year: 2018, tables: ALL_TABLES.filter((k) => k !== 'T8') });
    expect(evaluateParts(d).filter((p) => !p.present).map((p) => p.id)).toEqual([]);
    expect(sFindings(d)).toEqual([]);
  });

  it.each([
    ['central-department layout, 一般公共预算 in one block', CENTRAL],
    ['no 第N部分, short subsection titles', NO_PARTS],
  ])('%s: every part present, no finding', (_name, lines) => {
    const d = disclosure(lines);
    expect(evaluateParts(d).filter((p) => !p.present).map((p) => p.id)).toEqual([]);
    expect(sFindings(d)).toEqual([]);
  });
});

describe('国有资本经营 / 政府性基金 without a narrative section', () => {
  const i = FULL.indexOf('九、国有资本经营预算财政拨款收入支出决算情况说明');
  const lines = without(i, i + 2);

  it('an empty T8 whose note says there is none covers the part: present, with a notice', () => {
    const d = disclosure(lines, { emptyWithNote: { T8: '说明：我单位没有使用国有资本经营预算安排的支出，故本表无数据。' } });
    const part = evaluateParts(d).find((p) => p.id === 'S-07.国有资本经营')!;
    expect([part.present, part.how]).toEqual([true, 'table-note']);
    const findings = sFindings(d);
    expect(findings.map((f) => [f.rule, f.severity])).toEqual([['S-07', 'notice']]);
    expect(findings[0].spans[0].paragraph.text).toContain('国有资本经营');
  });

  it('a T8 with data needs the section: error', () => {
    const d = disclosure(lines);
    expect(sFindings(d).map((f) => [f.rule, f.severity])).toEqual([['S-07', 'error']]);
  });

  it('an empty T8 whose note does not explain it is not a cover', () => {
    const d = disclosure(lines, { emptyWithNote: { T8: '注：本表反映部门本年度国有资本经营预算财政拨款支出情况。' } });
    expect(sFindings(d).map((f) => [f.rule, f.severity])).toEqual([['S-07', 'error']]);
  });

  it('an 8-table layout (≤ 2018) needs neither T8 nor the 国有资本经营 part', () => {
    const d = disclosure(lines, { year: 2018, tables: ALL_TABLES.filter((k) => k !== 'T8') });
    expect(sFindings(d)).toEqual([]);
    expect(evaluateParts(d).map((p) => p.id)).not.toContain('S-03.T8');
  });
});

describe('content a present part must carry (warnings)', () => {
  const replace = (from: string, to: string) => FULL.map((l) => (l === from ? to : l));

  it.each([
    ['政府采购支出总额0万元，授予中小企业合同金额0万元。', '政府采购支出总额12.00万元，其中货物12.00万元。', 'S-08', '授予中小企业合同金额'],
    ['共有车辆0辆，单价100万元以上设备0台。', '共有单价100万元以上设备2台。', 'S-08', '车辆数量'],
    ['“三公”经费支出决算7.57万元，因公出国（境）团组2个、2人次。', '“三公”经费支出决算7.57万元，主要用于因公出国。', 'S-06', '数量'],
  ])('%s → %s: a warning', (from, to, rule, what) => {
    const f = sFindings(disclosure(replace(from, to)));
    const w = f.filter((x) => x.severity === 'warning');
    expect(w.map((x) => x.rule)).toEqual([rule]);
    expect(w[0].message.zh).toContain(what);
    expect(w[0].spans[0].paragraph.text).toMatch(/^[一二三四五六七八九十]+、/);
    expect(w[0].actual).toBe('未提及 / not mentioned');
  });

  it('equipment missing from the assets part is its own warning', () => {
    const f = sFindings(disclosure(replace('共有车辆0辆，单价100万元以上设备0台。', '共有车辆0辆。')));
    expect(f.map((x) => [x.rule, x.severity])).toEqual([['S-08', 'warning']]);
    expect(f[0].message.zh).toContain('设备数量');
  });

  // Issue 16 class 8: the wordings real documents use.
  it.each([
    '共有车辆2辆，单价100万元（含）以上设备（不含车辆）2台（套）。',
    '共有车辆2辆；单价50万元以上通用设备0台，单价100万元以上专用设备0台。',
    '共有车辆2辆，单价50万元以上资产2台（套）。',
    '公务用车2辆，单位价值100万元以上的大型仪器1台。',
    '共有车辆2辆，单价 100 万元（含）以上 设 备 2 台（套）。',
    '车辆2辆，无单价50万元以上的设备。',
  ])('the large-equipment statement is found: %s', (text) => {
    expect(sFindings(disclosure(replace('共有车辆0辆，单价100万元以上设备0台。', text)))).toEqual([]);
  });

  it.each([
    '2024年度“三公”经费财政拨款支出决算为0万元。',
    '本部门2024年度“三公”经费支出为0.00万元。',
    '本单位无“三公”经费支出。',
    '本年度未发生“三公”经费支出。',
    '“三公”经费支出均为零。',
  ])('no 三公 counts asked when the text says the spending is zero: %s', (text) => {
    expect(sFindings(disclosure(replace('“三公”经费支出决算7.57万元，因公出国（境）团组2个、2人次。', text)))).toEqual([]);
  });

  it('no 三公 counts asked when T9 shows no spending (决算数 合计 0), whatever the text says', () => {
    const d = disclosure(replace('“三公”经费支出决算7.57万元，因公出国（境）团组2个、2人次。', '“三公”经费主要用于公务接待。'));
    const zero = (text: string) => ({ table: 'T9' as const, row: 3, col: 2, text, value: parseAmount(text), source: { el: null, text, row: 3, col: 2, rowSpan: 1, colSpan: 1, isHeader: false } });
    d.tables.T9!.panels = [{ id: 'main', columns: [], rows: [{ row: 3, kind: 'data', code: null, level: null, name: '', line: null, cells: { 'actual.total': zero('0.00') } }]}];
    expect(sFindings(d)).toEqual([]);
    d.tables.T9!.panels[0].rows[0].cells['actual.total'] = zero('7.57');
    expect(sFindings(d).map((f) => [f.rule, f.severity])).toEqual([['S-06', 'warning']]);
  });

  it('a procurement part saying none took place needs no SME share', () => {
    const f = sFindings(disclosure(replace('政府采购支出总额0万元，授予中小企业合同金额0万元。', '本年度未发生政府采购支出。')));
    expect(f).toEqual([]);
  });
});

describe('required parts on random outlines (property)', () => {
  it('never throws; ids unique; a present part names where it is; runRules reports no internal error', () => {
    const line = fc.oneof(fc.constantFrom(...FULL, '目 录', '附件：x.pdf', '（一）总体情况', '1、行政运行（项）', ''), fc.string({ maxLength: 10 }));
    fc.assert(
      fc.property(fc.array(line, { maxLength: 50 }), fc.subarray(ALL_TABLES), fc.integer({ min: 2010, max: 2030 }), (lines, tables, year) => {
        const d = disclosure(lines, { tables, year });
        const parts = evaluateParts(d);
        expect(new Set(parts.map((p) => p.id)).size).toBe(parts.length);
        for (const p of parts) {
          if (!p.present) continue;
          if (p.how === 'table') expect(d.tables[p.id.slice(5) as TableKey]).toBeDefined();
          else if (p.how === 'table-note') expect(p.anchor).not.toBeNull();
          else expect(p.section).not.toBeNull();
        }
        const run = runRules(d, S_RULES);
        expect(run.rules.filter((r) => r.outcome === 'internal-error')).toEqual([]);
        expect(sectionPresence(d).map((x) => x.id)).toEqual(parts.map((p) => p.id));
      }),
      { numRuns: 300 },
    );
  });
});

describe('S-03 tables', () => {
  it('a missing table is an error naming it', () => {
    const d = disclosure(FULL, { tables: ALL_TABLES.filter((k) => k !== 'T5') });
    const f = sFindings(d);
    expect(f.map((x) => [x.rule, x.severity])).toEqual([['S-03', 'error']]);
    expect(f[0].message.zh).toContain('一般公共预算财政拨款支出决算表（T5）');
    expect(f[0].spans[0].paragraph.text).toBe('第二部分'); // the 部门决算表 part heading
  });

  it('T8 missing from 2019 on is an error', () => {
    const d = disclosure(FULL, { year: 2019, tables: ALL_TABLES.filter((k) => k !== 'T8') });
    expect(sFindings(d).map((x) => x.rule)).toEqual(['S-03']);
  });

  it('a table listed in the contents but absent from the body is an error pointing at the contents line', () => {
    const toc = ['目 录', '第一部分 某局概况', '第二部分 部门决算表', '一、收入支出决算总表', '八、国有资本经营预算财政拨款支出决算表', '第三部分 情况说明'];
    const d = disclosure([...toc, ...FULL.slice(0)], { year: 2018, tables: ALL_TABLES.filter((k) => k !== 'T8') });
    expect(d.tocBlocks).toEqual([0, 1, 2, 3, 4, 5]);
    const f = sFindings(d);
    expect(f.map((x) => [x.rule, x.severity])).toEqual([['S-03', 'error']]);
    expect(f[0].message.zh).toContain('目录中列有「八、国有资本经营预算财政拨款支出决算表」');
    expect(f[0].spans[0].paragraph.index).toBe(4);
  });

  it('with unrecognised tables on the page, a missing table is a warning (it may be one of them)', () => {
    const d = disclosure(FULL, { tables: ALL_TABLES.filter((k) => k !== 'T6'), unrecognised: 1 });
    const f = sFindings(d);
    expect(f.map((x) => [x.rule, x.severity])).toEqual([['S-03', 'warning']]);
    expect(f[0].message.zh).toContain('1 个表格未能识别');
  });
});

// ---------------------------------------------------------------------------------------------
// The real pages through the whole pipeline.

const LUKOU = readFileSync('tests/fixtures/lukou-2024.html', 'utf8');
const PUTUO = readFileSync('tests/fixtures/putuo-2025.html', 'utf8');

describe.each([
  ['lukou-2024', LUKOU],
  ['putuo-2025', PUTUO],
])('%s: every required part is present', (_name, html) => {
  it('sections all present, no S-xx error or warning', () => {
    const run = checkDocument(parseHTML(html).document);
    expect(run.sections.length).toBe(TITLE_PARTS.length + 9);
    expect(run.sections.filter((s) => !s.present)).toEqual([]);
    expect(run.findings.filter((f) => f.rule.startsWith('S-') && f.severity !== 'notice')).toEqual([]);
  });
});

describe('lukou-2024: removing one part from a copy makes exactly that part absent', () => {
  const base = checkDocument(parseHTML(LUKOU).document);
  const parts = evaluateParts(base.disclosure);

  it('the seed outline is the real one', () => {
    const top = base.disclosure.sections.filter((s) => s.depth === 1).map((s) => s.title);
    expect(top.slice(0, 5)).toEqual([
      '第一部分 中共株洲市渌口区委办公室部门概况',
      '第二部分 部门决算表',
      '第三部分 2024年度部门决算情况说明',
      '第四部分 名词解释',
      '第五部分 附 件',
    ]);
    const p3 = base.disclosure.sections[2];
    expect(p3.children.map((s) => s.id)).toEqual(Array.from({ length: 13 }, (_, i) => `P3/${i + 1}`));
    const att = base.disclosure.sections[4].children[0];
    expect(att.title).toBe('一、2024年度部门(单位)整体支出绩效自评报告');
    expect(att.children.map((s) => s.title.slice(0, 2))).toEqual(['一、', '二、', '三、', '四、', '五、', '六、', '七、', '八、', '九、']);
    // Lukou has no 国有资本经营 section in its 情况说明: the part is covered by the note under T8.
    expect(parts.find((p) => p.id === 'S-07.国有资本经营')?.how).toBe('table-note');
  });

  it.each(parts.filter((p) => p.present).map((p) => ({ id: p.id })))('remove $id', ({ id }) => {
    const { document } = parseHTML(LUKOU);
    const run = checkDocument(document);
    const part = evaluateParts(run.disclosure).find((p) => p.id === id)!;
    const blocks = run.extracted.blocks;
    let expected: Set<string>;
    if (part.how === 'table') {
      // The table itself with its title, marker and unit lines (notes after it stay).
      const t = run.disclosure.tables[id.slice(5) as TableKey]!;
      const first = t.blocks[0].index;
      for (const b of t.blocks) b.el!.remove();
      for (const n of t.notes) if (n.index < first) n.el!.remove();
      expected = new Set([id]);
    } else if (part.how === 'table-note') {
      part.anchor!.el!.remove();
      expected = new Set([id]);
    } else {
      // The heading and everything under it.
      const s = part.section!;
      for (let i = s.start; i < s.end; i++) blocks[i].el?.remove();
      expected = new Set(parts.filter((p) => p.section && p.section.start >= s.start && p.section.start < s.end).map((p) => p.id));
    }
    const after = checkDocument(document);
    expect(new Set(after.sections.filter((s) => !s.present).map((s) => s.id))).toEqual(expected);
    const errors = after.findings.filter((f) => f.rule.startsWith('S-') && f.severity === 'error');
    expect(errors.length).toBeGreaterThan(0);
    expect(new Set(errors.map((f) => f.rule))).toEqual(new Set([id.slice(0, 4)]));
  });
});

describe('lukou-2024: removing a section that is no required part changes nothing', () => {
  it.each([
    ['P3/10', '十、一般性支出情况说明'],
    ['P3/13/2', '（二）绩效评价结果'],
    ['P4/5', '五、机关运行经费'], // a glossary entry, not the narrative's part
    ['P5/1', '一、2024年度部门(单位)整体支出绩效自评报告'],
  ])('remove %s (%s)', (id, title) => {
    const { document } = parseHTML(LUKOU);
    const run = checkDocument(document);
    const stack = [...run.disclosure.sections];
    let s = stack.pop();
    while (s && s.id !== id) {
      stack.push(...s.children);
      s = stack.pop();
    }
    expect(s?.title).toBe(title);
    for (let i = s!.start; i < s!.end; i++) run.extracted.blocks[i].el?.remove();
    const after = checkDocument(document);
    expect(after.sections.filter((x) => !x.present)).toEqual([]);
    expect(after.findings.filter((f) => f.rule.startsWith('S-') && f.severity !== 'notice')).toEqual([]);
  });
});

describe('putuo-2025: a table listed in the contents but removed from the body', () => {
  it('is an S-03 error pointing at the contents line', () => {
    const { document } = parseHTML(PUTUO);
    const run = checkDocument(document);
    const t = run.disclosure.tables.T6!;
    const first = t.blocks[0].index;
    for (const b of t.blocks) b.el!.remove();
    for (const n of t.notes) if (n.index < first) n.el!.remove();
    const after = checkDocument(document);
    const f = after.findings.filter((x) => x.rule === 'S-03');
    expect(f.map((x) => x.severity)).toEqual(['error']);
    expect(f[0].message.zh).toContain('目录中列有「六、一般公共预算财政拨款基本支出决算表」');
    expect(after.disclosure.tocBlocks).toContain(f[0].spans[0].paragraph.index);
    expect(after.sections.filter((s) => !s.present).map((s) => s.id)).toEqual(['S-03.T6']);
  });
});
