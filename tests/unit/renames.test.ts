import { describe, expect, it } from 'vitest';
import { RENAMES, currentName, outdatedName } from '../../lib/names/renames';

describe('classification renames (data)', () => {
  it('each entry is one code renamed once: code of 3/5/7 digits, two different names, a plausible year', () => {
    for (const r of RENAMES) {
      expect(r.code).toMatch(/^\d{3}(\d{2}){0,2}$/);
      expect(r.oldName).not.toBe(r.newName);
      expect(r.year).toBeGreaterThanOrEqual(2007);
      expect(r.year).toBeLessThanOrEqual(2030);
    }
    expect(new Set(RENAMES.map((r) => `${r.code}:${r.oldName}`)).size).toBe(RENAMES.length);
  });
  it.each([
    ['医疗卫生与计划生育支出', 2024, 'lei', '卫生健康支出'],
    ['医疗卫生与计划生育支出', 2019, undefined, '卫生健康支出'],
    ['医疗卫生与计划生育支出', 2018, 'lei', null], // still the name in 2018
    ['行政事业单位离退休', 2024, 'kuan', '行政事业单位养老支出'],
    ['行政事业单位离退休', 2019, 'kuan', null],
    ['行政事业单位离退休', 2024, 'xiang', null], // another level: not this code
    [' 医疗卫生与计划生育支出 ', 2024, 'lei', '卫生健康支出'],
    ['卫生健康支出', 2024, 'lei', null],
  ] as const)('%s in %i (%s) → %s', (name, year, level, want) => {
    expect(outdatedName(name, year, level as 'lei' | 'kuan' | 'xiang' | undefined)?.newName ?? null).toBe(want);
  });
  it('currentName gives the name in force', () => {
    expect(currentName('210', 2024)).toBe('卫生健康支出');
    expect(currentName('210', 2018)).toBeNull();
    expect(currentName('20805', 2020)).toBe('行政事业单位养老支出');
  });
});
