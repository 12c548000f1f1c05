import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitSections } from '../../lib/recognize/sections';
import type { Block } from '../../lib/extract/types';
import type { Section } from '../../lib/model/types';

// Lines drawn from every shape the splitter distinguishes, including the tricky ones.
const LINE = fc.oneof(
  fc.constantFrom(
    '第一部分', '第二部分 部门决算表', '第三部分', '2024年度部门决算情况说明', '第五部分', '附 件', '附件：报告.pdf',
    '一、收入决算情况说明', '二、支出决算情况说明', '十三、预算绩效', '一、2024年度绩效自评报告。',
    '（一）总体情况', '（二）结构情况。正文。', '(三)具体情况', '1、行政运行（项）', '2.公务用车', '3．接待',
    '（1）独立编制机构。', '（2）人员情况', '①其他', '一是绩效自评。', '二是部门评价。', '2.本套报表金额单位转换',
    '目 录', '目录', '部门决算表', '名词解释', '', '　', '2024年度收入合计896.57万元。', '1.8万元用于',
  ),
  fc.string({ maxLength: 12 }),
);
const SPEC = fc.array(fc.oneof({ weight: 9, arbitrary: LINE }, { weight: 1, arbitrary: fc.constant(null) }), { maxLength: 60 });

function build(spec: (string | null)[]): Block[] {
  return spec.map((t, index): Block =>
    t === null
      ? { kind: 'table', index, el: null, grid: [], rows: 0, cols: 0, caption: '' }
      : { kind: 'paragraph', index, text: t, el: null },
  );
}

function all(sections: Section[]): Section[] {
  const out: Section[] = [];
  const walk = (s: Section) => {
    out.push(s);
    s.children.forEach(walk);
  };
  sections.forEach(walk);
  return out;
}

describe('splitSections invariants (property)', () => {
  it('unique ids, nested ordered ranges, each paragraph placed at most once, TOC disjoint from sections', () => {
    fc.assert(
      fc.property(SPEC, fc.array(fc.nat(59), { maxLength: 8 }), (spec, owned) => {
        const blocks = build(spec);
        const tableBlocks = new Set(owned.filter((i) => i < blocks.length));
        const { sections, tocBlocks } = splitSections(blocks, tableBlocks);
        const every = all(sections);
        // Ids unique.
        expect(new Set(every.map((s) => s.id)).size).toBe(every.length);
        const toc = new Set(tocBlocks);
        const placed = new Map<number, string>();
        const check = (s: Section, lo: number, hi: number) => {
          expect(s.start).toBe(s.heading.index);
          expect(s.start).toBeGreaterThanOrEqual(lo);
          expect(s.end).toBeLessThanOrEqual(hi);
          expect(s.end).toBeGreaterThan(s.start);
          expect(toc.has(s.start)).toBe(false);
          expect(tableBlocks.has(s.start)).toBe(false);
          expect([1, 2, 3, 4]).toContain(s.depth);
          for (const p of s.paragraphs) {
            expect(p.index >= s.start && p.index < s.end).toBe(true);
            expect(tableBlocks.has(p.index)).toBe(false);
            expect(toc.has(p.index)).toBe(false);
            // A heading paragraph may be its own body, never another section's.
            expect(placed.has(p.index)).toBe(false);
            placed.set(p.index, s.id);
          }
          let prevEnd = s.start + 1;
          for (const c of s.children) {
            expect(c.start).toBeGreaterThanOrEqual(prevEnd);
            check(c, s.start + 1, s.end);
            prevEnd = c.end;
          }
        };
        let prevEnd = 0;
        for (const s of sections) {
          expect(s.start).toBeGreaterThanOrEqual(prevEnd);
          check(s, 0, blocks.length);
          prevEnd = s.end;
        }
      }),
      { numRuns: 400 },
    );
  });
});
