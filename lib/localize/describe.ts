/**
 * Words for causes: which cell (or stated number), what it says, what it should say, and why.
 * "应为 X" is said only of a value a cause names; a one-sided bound says "应不超过 X".
 */
import type Decimal from 'decimal.js';
import { formatAmount, groupThousands } from '../money';
import type { Disclosure } from '../model/types';
import type { Bilingual } from '../checks/types';
import { BLANK_TEXT, cellLabel } from '../checks/helpers';
import type { Cause, Change } from './index';
import { PATTERN_TEXT } from './patterns';

/** Decimals printed in a stated number's text ("1,293.60 万元" → 2). */
function printedDecimals(text: string): number {
  const m = /[.．](\d+)/.exec(text);
  return m ? m[1].length : 0;
}

/** A change's values as printed: the cell's own style, or the stated number's unit. */
export function printed(ch: Change, v: Decimal): string {
  if (ch.x.kind === 'text') {
    const n = ch.x.num;
    const value = v.times(n.scale);
    const dp = Math.max(printedDecimals(n.text), Math.min(value.dp(), 4));
    return formatAmount(value, dp);
  }
  const text = ch.x.cell.text;
  const s = formatAmount(v, ch.decimals);
  return /[,，]/.test(text) ? groupThousands(s) : s;
}

/** The stated value as the page shows it (a blank cell is （空）, never 0.00). */
export function statedText(ch: Change, lang: 'zh' | 'en' = 'zh'): string {
  if (ch.x.kind === 'text') return ch.x.num.text.trim();
  if (ch.x.cell.value.kind === 'empty') return BLANK_TEXT[lang];
  return ch.x.cell.text.trim();
}

/** Plain (contract) forms of stated / suggested: digits, no separators, in the printed unit. */
export function plain(ch: Change, v: Decimal): string {
  return printed(ch, v).replace(/,/g, '');
}

function unitOf(ch: Change): string {
  if (ch.x.kind !== 'text') return '';
  const m = /(万元|亿元|元)\s*$/.exec(ch.x.num.text);
  return m ? m[1] : '';
}

function where(d: Disclosure, ch: Change): Bilingual {
  if (ch.x.kind === 'cell') return cellLabel(d, ch.x.cell);
  return { zh: '叙述', en: 'the text' };
}

/** "公开03表 · …：1,234.56 疑少录一位数字，按其余 8 处勾稽应为 12,534.56". */
export function describeChange(d: Disclosure, ch: Change): Bilingual {
  const w = where(d, ch);
  const p = ch.pattern ? PATTERN_TEXT[ch.pattern] : null;
  const sug = `${printed(ch, ch.suggested)}${unitOf(ch)}`;
  if (ch.x.kind === 'text') {
    return {
      zh: `叙述中「${statedText(ch)}」${p ? p.zh : '与表中数字不符'}，按表中数字应为 ${sug}`,
      en: `The text states "${statedText(ch, 'en')}"${p ? `: ${p.en}` : ', which disagrees with the tables'}; by the tables it should be ${sug}`,
    };
  }
  const n = ch.relations;
  if (ch.bound)
    return {
      zh: `${w.zh}：${statedText(ch)}${p ? ` ${p.zh}` : ''}，按勾稽应不超过 ${sug}`,
      en: `${w.en}: ${statedText(ch, 'en')}${p ? ` (${p.en})` : ''}; by the reconciliation it should not exceed ${sug}`,
    };
  return {
    zh: `${w.zh}：${statedText(ch)}${p ? ` ${p.zh}` : ''}，按其余 ${n} 处勾稽应为 ${sug}`,
    en: `${w.en}: ${statedText(ch, 'en')}${p ? ` (${p.en})` : ''}; by the ${n} reconciliations it takes part in it should be ${sug}`,
  };
}

/** The cause's own sentence. */
export function describeCause(d: Disclosure, c: Cause): Bilingual {
  if (c.confidence === 'unique') return describeChange(d, c.alternatives[0][0]);
  if (c.confidence === 'ambiguous') {
    const alt = c.alternatives.map((a) => {
      const parts = a.map((ch) => {
        const w = where(d, ch);
        const sug = `${printed(ch, ch.suggested)}${unitOf(ch)}`;
        return {
          zh: `${w.zh} ${statedText(ch)} ${ch.bound ? '应不超过' : '应为'} ${sug}`,
          en: `${w.en} ${statedText(ch, 'en')} ${ch.bound ? 'should not exceed' : 'should be'} ${sug}`,
        };
      });
      return { zh: parts.map((x) => x.zh).join('，且 '), en: parts.map((x) => x.en).join(', and ') };
    });
    return {
      zh: `无法确定哪一处有误，以下 ${alt.length} 种改法都能使勾稽成立：${alt.map((a) => a.zh).join('；或 ')}`,
      en: `Which value is wrong cannot be told; each of these ${alt.length} fixes makes the reconciliation hold: ${alt.map((a) => a.en).join('; or ')}`,
    };
  }
  return {
    zh: `${c.explains.length} 项勾稽不成立，找不到改动一至三处数字的简单解释（各项发现分别列出）`,
    en: `${c.explains.length} reconciliations fail with no simple explanation by one to three values (the findings stand on their own)`,
  };
}
