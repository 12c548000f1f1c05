/**
 * Text helpers for recognition: a matching form of page text, and the small patterns for
 * markers, unit lines, department lines and years. Matching is done on `norm(text)`, which drops
 * every space and quote so "项    目", "“三公”", "2025 年度" all compare equal to their plain forms.
 */
import type { Unit } from '../model/types';
import { memoByText } from '../memo';
import { toInt } from '../int';

// Whitespace (incl. NBSP, U+3000), zero-width junk, every quote style publishers use, and the
// characters folded to one form (full-width brackets, ASCII colon).
const NORM_ANY = /[\s\u00a0\u3000\u200b-\u200d\u2060\ufeff"'“”‘’„‟「」『』〝〞＂＇（）:]/;
const NORM_ALL = /[\s\u00a0\u3000\u200b-\u200d\u2060\ufeff"'“”‘’„‟「」『』〝〞＂＇（）:]/g;
const FOLD: Record<string, string> = { '（': '(', '）': ')', ':': '：' };

/** Matching form: no spaces, no quotes, full-width brackets/colon folded to one form. One pass. */
export function norm(text: string): string {
  // Header and row texts are normalised again by every layout and build step: remember the short
  // ones, plain or not (long paragraphs rarely repeat; the cache stays small).
  return text.length > 200 ? normUncached(text) : normShort(text);
}
const foldChar = (ch: string): string => FOLD[ch] ?? '';
const normUncached = (text: string): string => (NORM_ANY.test(text) ? text.replace(NORM_ALL, foldChar) : text);
const normShort = memoByText(normUncached, 50000);

/** A page label: "公开01表", "表一", "表 1", "附表3". Null when the text holds none. */
export function findMarker(text: string): string | null {
  if (!text.includes('表')) return null; // every marker form ends in 表 or starts with it
  const m = MARKER_RE.exec(text);
  if (!m) return null;
  return (m[1] ?? m[2]).replace(/[\s\u00a0\u3000]+/g, ' ').trim();
}
// 公开01表 anywhere; 表一 / 表 1 / 附表3 only at the start of the text or after a separator, and
// not followed by more digits or by 般 ("表一般公共…" is a title running on, not a marker).
const MARKER_RE =
  /(公开\s*\d{1,2}\s*表)|(?:^|[\s(（:：、])(附?表\s*(?:[一二三四五六七八九十]{1,2}|\d{1,2}))(?![\d一二三四五六七八九十般])/;

/** The number a marker stands for (公开03表 → 3, 表三 → 3), or null. */
export function markerNumber(marker: string): number | null {
  const d = /(\d{1,2})/.exec(marker);
  if (d) return toInt(d[1]);
  const c = /([一二三四五六七八九十]{1,2})/.exec(marker);
  if (!c) return null;
  const s = c[1];
  const digits = '一二三四五六七八九';
  if (s === '十') return 10;
  if (s.length === 1) return digits.indexOf(s) + 1;
  if (s[0] === '十') return 10 + digits.indexOf(s[1]) + 1;
  return null;
}

const UNIT_RE = /(?:金额|计量)?单位\s*[：:]\s*(万元|亿元|元)/;
const UNIT_PAREN_RE = /[（(]\s*(万元|亿元|元)\s*[）)]/;

/** "单位：万元", "金额单位：元" → the unit. */
export function findUnit(text: string): Unit | null {
  if (!text.includes('单位')) return null;
  const m = UNIT_RE.exec(text);
  return m ? (m[1] as Unit) : null;
}

/** "决算数（万元）" in a header cell. */
export function findParenUnit(text: string): Unit | null {
  if (!text.includes('元')) return null;
  const m = UNIT_PAREN_RE.exec(text);
  return m ? (m[1] as Unit) : null;
}

// "部门：XXX", "编制部门：XXX", "填报单位：XXX" (but never "单位：万元"). The name ends at a space
// before the next label, or at the end of the line.
const DEPT_RE =
  /(?:^|[\s])(?:部门|部门名称|编制部门|编制单位|填报单位|单位名称|预算单位|部门\(单位\)|部门（单位）)\s*[：:]\s*([^\s：:]{2,60}?)(?=\s|(?:金额)?单位\s*[：:]|$)/;

export function findDepartment(text: string): string | null {
  if (!text.includes('：') && !text.includes(':')) return null; // every label ends in a colon
  const m = DEPT_RE.exec(text);
  if (!m) return null;
  const name = m[1].trim();
  if (/^(万元|元|亿元)$/.test(name)) return null;
  return name;
}

// The name comes before the year and the heading ends right after 决算 (公开 / 表 / 报告 / 情况说明
// may follow): "区财政局召开2024年度部门决算工作会议" is news, not a disclosure title.
const TITLE_DEPT_YEAR_RE =
  /^(.{2,60}?)\s*((?:19|20)\d{2})\s*年度?\s*(?:部门|单位)?(?:\(单位\)|（单位）)?(?:决算|预决算)(?:公开|表|报告|情况说明|信息公开)?\s*$/;

/** "中共株洲市渌口区委办公室2024年度部门决算公开" → {department, year}. */
export function departmentYearFromTitle(text: string): { department: string | null; year: number | null } {
  for (const seg of text.split(/[_|｜]|\s-\s|——/)) {
    const m = TITLE_DEPT_YEAR_RE.exec(seg.trim());
    if (m) {
      const dept = m[1].replace(/[\s\u3000]+$/g, '').trim();
      return { department: /\d/.test(dept) || dept.length < 2 ? null : dept, year: toInt(m[2]) };
    }
  }
  return { department: null, year: null };
}

const YEAR_RE = /((?:19|20)\d{2})\s*年度?\s*(?:部门|单位)?(?:决算|预决算|部门决算)/;

/** A report year in a heading such as "2025 年度部门决算" or "2024年度部门决算情况说明". */
export function findYear(text: string): number | null {
  const m = YEAR_RE.exec(text);
  return m ? toInt(m[1]) : null;
}

/** Note paragraphs that belong to a table: "注：…", "说明：…", "…本表无数据…". */
export function isNoteText(text: string): boolean {
  const t = text.trimStart();
  return /^(注|说明|备注|附注)\s*[：:]/.test(t) || /本表(无数据|为空表|为空)|空表/.test(t) || /^\d\s*[.．、]\s*本/.test(t);
}

/** A line that is only a continuation label ("续表", "（续）"), a page number or a unit/department line. */
export function isFillerText(text: string): boolean {
  const t = norm(text);
  if (t.length === 0) return true;
  if (/^(\(?续(表)?\)?|续上表|接上表)$/.test(t)) return true;
  if (/^[-—第]*\d{1,4}[-—页]*(共\d+页)?$/.test(t)) return true;
  if (findUnit(text) && t.length <= 60) return true;
  if (findDepartment(text) && t.length <= 80) return true;
  return false;
}
