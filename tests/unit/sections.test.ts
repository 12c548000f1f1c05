import { readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import { extractDocument } from '../../lib/extract';
import { recognize } from '../../lib/recognize';
import { describe, expect, it } from 'vitest';
import { chineseNumeral, parseMarker, splitSections } from '../../lib/recognize/sections';
import type { Block } from '../../lib/extract/types';
import type { Section } from '../../lib/model/types';

/** Tiny builder: strings are paragraphs, `T` is a table, `{h: 'H2', t}` a paragraph from an <h2>. */
type Spec = string | typeof T | { h: string; t: string };
const T = Symbol('table');
function blocks(...specs: Spec[]): Block[] {
  return specs.map((s, index): Block => {
    if (s === T) return { kind: 'table', index, el: null, grid: [], rows: 0, cols: 0, caption: '' };
    if (typeof s === 'string') return { kind: 'paragraph', index, text: s, el: null };
    const el = { tagName: s.h } as unknown as Element;
    return { kind: 'paragraph', index, text: s.t, el };
  });
}

/** Flatten to "id|depth|title" lines for compact assertions. */
function outline(sections: Section[]): string[] {
  const out: string[] = [];
  const walk = (s: Section) => {
    out.push(`${s.id}|${s.depth}|${s.title}`);
    s.children.forEach(walk);
  };
  sections.forEach(walk);
  return out;
}

function find(sections: Section[], id: string): Section {
  const stack = [...sections];
  while (stack.length) {
    const s = stack.pop()!;
    if (s.id === id) return s;
    stack.push(...s.children);
  }
  throw new Error(`no section ${id}`);
}

describe('chineseNumeral / parseMarker', () => {
  it.each([
    ['一', 1],
    ['九', 9],
    ['十', 10],
    ['十三', 13],
    ['二十', 20],
    ['二十六', 26],
  ])('%s = %d', (s, n) => expect(chineseNumeral(s)).toBe(n));

  it.each(['', '十十', '二二', '一十二三'])('rejects %j', (s) => expect(chineseNumeral(s)).toBeNaN());

  it.each([
    ['第三部分 情况说明', 'part', 3],
    ['　第一部分', 'part', 1],
    ['十一、关于政府采购支出说明', 'cn', 11],
    ['（二）绩效评价结果。', 'pcn', 2],
    ['(三)评价结果应用情况', 'pcn', 3],
    ['1、一般公共服务支出（类）', 'ar', 1],
    ['2.公务用车购置费', 'ar', 2],
    ['3．公务接待费', 'ar', 3],
    ['（1）独立编制机构。', 'par', 1],
    ['②其他', 'circled', 2],
  ])('%s → %s %d', (text, style, n) => {
    const m = parseMarker(text);
    expect(m?.style).toBe(style);
    expect(m?.n).toBe(n);
  });

  it.each(['一是绩效自评开展情况。', '二是部门评价', '1.8万元用于', '2024.12.31', '2024年度收入合计', '一般公共服务支出', '第二季度'])(
    '%s is not a heading',
    (text) => expect(parseMarker(text)).toBeNull(),
  );
});

describe('splitSections', () => {
  it('parts with the title on the next line or on the same line, tables inside their section', () => {
    const b = blocks(
      '中共某某部门2024年度部门决算公开', // page title before the first heading: in no section
      '第一部分',
      '中共某某部门部门概况',
      '一、部门职责',
      '主要职责是……',
      '二、机构设置',
      '第二部分\n部门决算表',
      '收入支出决算总表',
      T,
      '第三部分',
      '2024年度部门决算情况说明',
      '一、收入支出决算总体情况说明',
      '2024年度收、支总计896.57万元。',
      '第四部分    名词解释',
      '一、财政拨款收入：是指单位从同级财政部门取得的财政预算资金。',
    );
    const { sections, tocBlocks } = splitSections(b, new Set([7, 8]));
    expect(tocBlocks).toEqual([]);
    expect(outline(sections)).toEqual([
      'P1|1|第一部分 中共某某部门部门概况',
      'P1/1|2|一、部门职责',
      'P1/2|2|二、机构设置',
      'P2|1|第二部分 部门决算表',
      'P3|1|第三部分 2024年度部门决算情况说明',
      'P3/1|2|一、收入支出决算总体情况说明',
      'P4|1|第四部分 名词解释',
      'P4/1|2|一、财政拨款收入',
    ]);
    const p2 = find(sections, 'P2');
    expect([p2.start, p2.end]).toEqual([6, 9]); // covers the table and its title
    expect(p2.paragraphs).toEqual([]); // table titles are not body text
    expect(find(sections, 'P1/1').paragraphs.map((p) => p.text)).toEqual(['主要职责是……']);
    expect(find(sections, 'P1').start).toBe(1);
    expect(find(sections, 'P1').end).toBe(6);
    expect(find(sections, 'P4').end).toBe(b.length);
    // The glossary entry holds its body on the heading line: listed as a body paragraph too.
    expect(find(sections, 'P4/1').paragraphs.map((p) => p.index)).toEqual([14]);
  });

  it('heading + body in one paragraph: title is the heading part; "一是" lines are body', () => {
    const b = blocks(
      '十三、关于2024年度预算绩效情况的说明',
      '（一）绩效评价工作开展情况。',
      '一是绩效自评开展情况。组织对2024年度本部门整体支出开展绩效自评。',
      '二是部门评价开展情况。',
      '（三）评价结果应用情况。2025年度年初收入预算为934.23万元。',
      '（四）基本职能及主要工作 (1)在本行政区域内，保证宪法的遵守和执行；',
    );
    const { sections } = splitSections(b, new Set());
    expect(outline(sections)).toEqual([
      '13|2|十三、关于2024年度预算绩效情况的说明',
      '13/1|3|（一）绩效评价工作开展情况',
      '13/3|3|（三）评价结果应用情况',
      '13/4|3|（四）基本职能及主要工作',
    ]);
    expect(find(sections, '13/1').paragraphs.map((p) => p.index)).toEqual([2, 3]);
    expect(find(sections, '13/3').paragraphs.map((p) => p.index)).toEqual([4]);
  });

  it('documents without 第N部分 have 一、 at the top level; lists nest by style', () => {
    const b = blocks(
      '一、部门基本情况',
      '（一）部门职责',
      '（二）机构设置',
      '（1）独立编制机构。',
      '（2）独立核算机构',
      '二、收入支出决算总体情况说明',
      '1、一般公共服务支出（类）行政运行（项）',
      '年初预算为622.38万元。',
      '2、住房保障支出（类）住房公积金（项）',
    );
    const { sections } = splitSections(b, new Set());
    expect(outline(sections)).toEqual([
      '1|2|一、部门基本情况',
      '1/1|3|（一）部门职责',
      '1/2|3|（二）机构设置',
      '1/2/(1)|4|（1）独立编制机构',
      '1/2/(2)|4|（2）独立核算机构',
      '2|2|二、收入支出决算总体情况说明',
      '2/1|4|1、一般公共服务支出（类）行政运行（项）',
      '2/2|4|2、住房保障支出（类）住房公积金（项）',
    ]);
    expect(find(sections, '1').end).toBe(5);
    expect(find(sections, '2/1').paragraphs.map((p) => p.text)).toEqual(['年初预算为622.38万元。']);
  });

  it('an attachment with its own 一、二、 nests under the attachment entry; a second attachment is its sibling', () => {
    const b = blocks(
      '第五部分',
      '附 件',
      '一、2024年度部门整体支出绩效自评报告。',
      '绩效自评报告',
      '一、部门基本情况',
      '二、一般公共预算支出情况',
      '（一）基本支出情况',
      '三、存在的问题',
      '二、2024年度项目支出绩效自评报告',
      '一、项目概况',
      '二、项目绩效',
    );
    const { sections } = splitSections(b, new Set());
    expect(outline(sections)).toEqual([
      'P5|1|第五部分 附 件',
      'P5/1|2|一、2024年度部门整体支出绩效自评报告',
      'P5/1/1|2|一、部门基本情况',
      'P5/1/2|2|二、一般公共预算支出情况',
      'P5/1/2/1|3|（一）基本支出情况',
      'P5/1/3|2|三、存在的问题',
      'P5/2|2|二、2024年度项目支出绩效自评报告',
      'P5/2/1|2|一、项目概况',
      'P5/2/2|2|二、项目绩效',
    ]);
    expect(find(sections, 'P5/1').paragraphs.map((p) => p.text)).toEqual(['绩效自评报告']);
    expect([find(sections, 'P5/1').start, find(sections, 'P5/1').end]).toEqual([2, 8]);
  });

  it('a bare 附件 line starts an attachment part in a document without parts', () => {
    const b = blocks('一、收入决算情况说明', '正文。', '二、支出决算情况说明', '附件：2024年度绩效自评报告', '一、基本情况', '二、绩效目标');
    const { sections } = splitSections(b, new Set());
    expect(outline(sections)).toEqual([
      '1|2|一、收入决算情况说明',
      '2|2|二、支出决算情况说明',
      'A1|1|附件：2024年度绩效自评报告',
      'A1/1|2|一、基本情况',
      'A1/2|2|二、绩效目标',
    ]);
    expect(find(sections, '2').end).toBe(3);
  });

  it('a table of contents goes to tocBlocks, and the body starts where its first entry repeats', () => {
    const b = blocks(
      '目 录',
      '第一部分 某局概况',
      '一、主要职能',
      '第二部分 2025年度部门决算表',
      '一、收入支出决算总表……………5',
      '第三部分 情况说明',
      '第一部分 某局概况',
      '一、主要职能',
      '根据三定方案，主要职能包括：制定并实施本区规划。',
    );
    const { sections, tocBlocks } = splitSections(b, new Set());
    expect(tocBlocks).toEqual([0, 1, 2, 3, 4, 5]);
    expect(outline(sections)).toEqual(['P1|1|第一部分 某局概况', 'P1/1|2|一、主要职能']);
    expect(find(sections, 'P1').start).toBe(6);
  });

  it('a Word TOC whose body part number stands alone still ends at the repeat ("第一部分" is a prefix)', () => {
    const b = blocks('目录', '第一部分 部门概况 3', '第二部分 部门决算表 6', '第一部分', '部门概况', '一、部门职责');
    const { sections, tocBlocks } = splitSections(b, new Set());
    expect(tocBlocks).toEqual([0, 1, 2]);
    expect(outline(sections)).toEqual(['P1|1|第一部分 部门概况', 'P1/1|2|一、部门职责']);
  });

  it('a TOC ends when any entry repeats, or the body opens with the words of the first entry', () => {
    const a = splitSections(blocks('目录', '一、部门概况', '二、部门决算表', '二、部门决算表', '正文很长的一段话，说明情况。'), new Set());
    expect(a.tocBlocks).toEqual([0, 1, 2]);
    const b = splitSections(blocks('目 录', '第一部分 部门概况', '第二部分 部门决算表', '部门概况', '一、部门职责'), new Set());
    expect(b.tocBlocks).toEqual([0, 1, 2]);
    expect(outline(b.sections)).toEqual(['1|2|一、部门职责']);
  });

  it('an unnumbered heading between numbered parts becomes the next part (Shanghai drops 第二部分)', () => {
    const b = blocks(
      { h: 'H2', t: '第一部分 某局概况' },
      { h: 'H3', t: '一、主要职能' },
      { h: 'H3', t: '二、部门决算单位构成' },
      { h: 'H2', t: '某局 2025 年度部门决算表' },
      '收入支出决算总表',
      T,
      { h: 'H2', t: '第三部分 某局 2025 年度部门决算情况说明' },
      { h: 'H3', t: '一、收入支出决算总体情况说明' },
    );
    const { sections } = splitSections(b, new Set([4, 5]));
    expect(outline(sections)).toEqual([
      'P1|1|第一部分 某局概况',
      'P1/1|2|一、主要职能',
      'P1/2|2|二、部门决算单位构成',
      'P2|1|某局 2025 年度部门决算表',
      'P3|1|第三部分 某局 2025 年度部门决算情况说明',
      'P3/1|2|一、收入支出决算总体情况说明',
    ]);
    expect(find(sections, 'P1/2').end).toBe(3);
  });

  it('table-owned paragraphs are never headings, and an Arabic "2." that starts no list is body text', () => {
    const b = blocks(
      '第二部分 部门决算表',
      '一、收入支出决算总表', // a numbered table title, owned by the table
      T,
      '注：1.本表反映部门本年度的总收支。',
      '2.本套报表金额单位转换时可能存在尾数误差。',
    );
    const { sections } = splitSections(b, new Set([1, 2]));
    expect(outline(sections)).toEqual(['P2|1|第二部分 部门决算表']);
    expect(find(sections, 'P2').paragraphs.map((p) => p.index)).toEqual([3, 4]);
    expect(find(sections, 'P2').end).toBe(5);
  });

  it('ids stay unique when numbering repeats irregularly', () => {
    const b = blocks('一、甲', '（一）子', '（一）又一个子', '（三）跳号');
    const { sections } = splitSections(b, new Set());
    const ids = outline(sections).map((l) => l.split('|')[0]);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(['1', '1/1', '1/1~2', '1/3']);
  });

  it('runs in linear time on a long document (repeated numbering included)', () => {
    // Worst cases for bookkeeping: 7 000 "（一）" under one part (id suffixes), Arabic lists, body.
    const specs: string[] = ['第一部分 标题'];
    for (let i = 0; i < 21000; i++) specs.push(i % 3 === 0 ? '（一）小节' : i % 3 === 1 ? '1、条目' : '正文。正文。');
    const b = blocks(...specs);
    const t0 = performance.now();
    const { sections } = splitSections(b, new Set());
    const ms = performance.now() - t0;
    expect(sections).toHaveLength(1);
    expect(sections[0].children).toHaveLength(7000);
    expect(sections[0].children[6999].id).toBe('P1/1~7000');
    expect(sections[0].end).toBe(b.length);
    // ~100 ms when idle; the quadratic id bookkeeping this guards against took > 10 s here.
    // The bound is loose because the machine is shared.
    expect(ms).toBeLessThan(5000);
  });
});

// ---------------------------------------------------------------------------------------------
// The real pages, through extract + recognize (which calls splitSections with its table blocks).


function realOutline(file: string, maxDepth: number): { lines: string[]; d: ReturnType<typeof recognize> } {
  const d = recognize(extractDocument(parseHTML(readFileSync(file, 'utf8')).document));
  const lines: string[] = [];
  const walk = (s: Section) => {
    if (s.depth > maxDepth) return;
    lines.push(`${s.id}|${s.title}`);
    s.children.forEach(walk);
  };
  d.sections.forEach(walk);
  return { lines, d };
}

describe('splitSections on the real pages', () => {
  it('lukou-2024: five parts, 情况说明 一…十三, the attachment with its own 一…九', () => {
    const { lines, d } = realOutline('tests/fixtures/lukou-2024.html', 2);
    expect(lines).toEqual([
      'P1|第一部分 中共株洲市渌口区委办公室部门概况',
      'P1/1|一、部门职责',
      'P1/2|二、机构设置及决算单位构成',
      'P2|第二部分 部门决算表',
      'P3|第三部分 2024年度部门决算情况说明',
      'P3/1|一、收入支出决算总体情况说明',
      'P3/2|二、收入决算情况说明',
      'P3/3|三、支出决算情况说明',
      'P3/4|四、财政拨款收入支出决算总体情况说明',
      'P3/5|五、一般公共预算财政拨款支出决算情况说明',
      'P3/6|六、一般公共预算财政拨款基本支出决算情况说明',
      'P3/7|七、财政拨款“三公”经费支出决算情况说明',
      'P3/8|八、政府性基金预算收入支出决算情况',
      'P3/9|九、关于机关运行经费支出说明',
      'P3/10|十、一般性支出情况说明',
      'P3/11|十一、关于政府采购支出说明',
      'P3/12|十二、关于国有资产占用情况说明',
      'P3/13|十三、关于2024年度预算绩效情况的说明',
      'P4|第四部分 名词解释',
      'P4/1|一、财政拨款收入',
      'P4/2|二、基本支出',
      'P4/3|三、项目支出',
      'P4/4|四、“三公”经费',
      'P4/5|五、机关运行经费',
      'P5|第五部分 附 件',
      'P5/1|一、2024年度部门(单位)整体支出绩效自评报告',
      'P5/1/1|一、部门（单位）基本情况',
      'P5/1/2|二、一般公共预算支出情况',
      'P5/1/3|三、政府性基金预算支出情况',
      'P5/1/4|四、国有资本经营预算支出情况',
      'P5/1/5|五、社会保险基金预算支出情况',
      'P5/1/6|六、资金使用及绩效情况',
      'P5/1/7|七、存在的问题及原因分析',
      'P5/1/8|八、下一步改进措施',
      'P5/1/9|九、部门整体支出绩效自评结果拟应用和公开情况',
      // The portal's download link for the PDF is an attachment line of its own.
      'A1|附件：中共株洲市渌口区委办公室2024年度部门决算公开.pdf',
    ]);
    expect(d.tocBlocks).toEqual([]);
    // Every table sits inside 第二部分's block range.
    const p2 = d.sections[1];
    for (const t of Object.values(d.tables)) {
      for (const b of t!.blocks) expect(b.index >= p2.start && b.index < p2.end).toBe(true);
    }
    // （三）'s 1、…5、 items and the heading+body line in 十三.
    const p353 = find(d.sections, 'P3/5/3');
    expect(p353.children.map((s) => s.id)).toEqual(['P3/5/3/1', 'P3/5/3/2', 'P3/5/3/3', 'P3/5/3/4', 'P3/5/3/5']);
    const p1333 = find(d.sections, 'P3/13/3');
    expect(p1333.title).toBe('（三）评价结果应用情况');
    expect(p1333.paragraphs[0]).toBe(p1333.heading);
  });

  it('putuo-2025: the <div class="toc"> is contents; the unnumbered table part becomes P2; 其他重要事项 has its three subsections', () => {
    const { lines, d } = realOutline('tests/fixtures/putuo-2025.html', 3);
    expect(d.tocBlocks).toHaveLength(27);
    const tocTexts = d.paragraphs.filter((p) => d.tocBlocks.includes(p.index)).map((p) => p.text);
    expect(tocTexts[0]).toBe('目 录');
    expect(tocTexts[tocTexts.length - 1]).toBe('第四部分 名词解释');
    expect(lines.filter((l) => /^P\d\|/.test(l))).toEqual([
      'P1|第一部分 上海市普陀区生态环境局概况',
      'P2|上海市普陀区生态环境局 2025 年度部门决算表',
      'P3|第三部分 上海市普陀区生态环境局 2025 年度部门决算情况说明',
      'P4|第四部分 名词解释',
    ]);
    expect(lines.filter((l) => /^P3\/\d+\|/.test(l))).toHaveLength(11);
    expect(lines.filter((l) => l.startsWith('P3/11'))).toEqual([
      'P3/11|十一、其他重要事项的情况说明',
      'P3/11/1|（一）机关运行经费支出情况',
      'P3/11/2|（二）政府采购支出情况',
      'P3/11/3|（三）国有资产占有使用情况说明',
    ]);
    expect(find(d.sections, 'P3/5/3').children).toHaveLength(20);
    const p2 = d.sections[1];
    for (const t of Object.values(d.tables)) {
      for (const b of t!.blocks) expect(b.index >= p2.start && b.index < p2.end).toBe(true);
    }
  });
});
