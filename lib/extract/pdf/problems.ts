/**
 * Why a PDF cannot be checked: encrypted, corrupt, no text, scanned, or text that cannot be read
 * (fonts without a usable ToUnicode map give Private Use Area codes, control characters or
 * replacement characters instead of Chinese).
 */
import type { PdfSettings } from './settings';

export type ProblemKind = 'encrypted' | 'corrupt' | 'no-text' | 'scanned' | 'garbled';

export interface Problem {
  kind: ProblemKind;
  zh: string;
  en: string;
}

export const PROBLEMS: Record<ProblemKind, Problem> = {
  encrypted: { kind: 'encrypted', zh: '此 PDF 已加密，需要密码才能打开，无法校验', en: 'This PDF is encrypted (a password is needed to open it); it cannot be checked' },
  corrupt: { kind: 'corrupt', zh: '此 PDF 文件已损坏或不完整，无法读取', en: 'This PDF is damaged or incomplete and cannot be read' },
  'no-text': { kind: 'no-text', zh: '此 PDF 没有可提取的文字，无法校验', en: 'This PDF has no text to extract; it cannot be checked' },
  scanned: { kind: 'scanned', zh: '此 PDF 是扫描图像，没有文字层，无法校验（需先做文字识别）', en: 'This PDF is a scanned image without a text layer; it cannot be checked (it needs OCR first)' },
  garbled: { kind: 'garbled', zh: '此 PDF 的文字无法提取（字体未嵌入编码表）', en: 'The text of this PDF cannot be extracted (its fonts carry no Unicode map)' },
};

export interface TextStats {
  /** Characters of all text pieces (blanks excluded). */
  chars: number;
  /** Characters no disclosure uses but unmapped glyph codes turn into (see isBad). */
  bad: number;
  /** CJK ideographs. */
  cjk: number;
  /** ASCII letters (a document of mostly Latin letters where Chinese is expected is suspicious, not proof). */
  latin: number;
}

/**
 * Characters a Chinese disclosure does not use but unmapped glyph codes turn into: controls, the
 * replacement character, private use, and the scripts between Latin-1 and general punctuation
 * (Identity-H glyph ids read as code points land there) and Yi.
 */
function isBad(c: number): boolean {
  return c < 0x20 || (c >= 0x7f && c < 0xa0) || c === 0xfffd || (c >= 0x100 && c < 0x2000) || (c >= 0xa000 && c < 0xac00) || (c >= 0xd800 && c <= 0xf8ff) || c >= 0xf0000;
}

export function textStats(strings: Iterable<string>): TextStats {
  const st: TextStats = { chars: 0, bad: 0, cjk: 0, latin: 0 };
  for (const s of strings) {
    for (const ch of s) {
      const c = ch.codePointAt(0)!;
      if (/\s/.test(ch)) continue;
      st.chars++;
      if (isBad(c)) st.bad++;
      else if (c >= 0x3400 && c <= 0x9fff) st.cjk++;
      else if ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a)) st.latin++;
    }
  }
  return st;
}

export interface PageStats {
  chars: number;
  images: number;
  imageCover: number;
}

/** The problem with the text of a readable file, or null when it can be checked. */
export function textProblem(stats: TextStats, pages: readonly PageStats[], s: PdfSettings): Problem | null {
  const scannedPages = pages.filter((p) => p.images > 0 && p.imageCover > 0.5 && p.chars < s.scannedChars).length;
  if (stats.chars === 0) return scannedPages > 0 ? PROBLEMS.scanned : PROBLEMS['no-text'];
  if (stats.bad / stats.chars > s.garbledShare) return PROBLEMS.garbled;
  // Most pages images with (almost) no text: a scan, perhaps with a stamped page number.
  if (pages.length > 0 && scannedPages >= Math.max(1, pages.length * 0.5)) return PROBLEMS.scanned;
  return null;
}
