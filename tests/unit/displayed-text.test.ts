/**
 * What readers see vs what is checked (issue 21 item 4): a cell whose displayed text can differ from
 * its DOM text — bidi controls, <bdo>, a bidi-override style, zero-size or hidden digits — is read as
 * unreadable (no value, not checked, said so), never as the number in the DOM.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it, test } from 'vitest';
import { parseHTML } from 'linkedom';
import { extractDocument, stylesheetHiding } from '../../lib/extract';
import { checkDocument, toReport } from '../../lib/index';

const doc = (html: string) => parseHTML(`<!doctype html><html><body>${html}</body></html>`).document as unknown as Document;

/** The one data cell of a two-cell table: [text, unreadable]. */
function readCell(td: string, opts: Parameters<typeof extractDocument>[1] = {}): [string, string | undefined] {
  const d = doc(`<table><tr><td>项目</td>${td}</tr></table>`);
  const t = extractDocument(d, opts).blocks.find((b) => b.kind === 'table');
  if (!t || t.kind !== 'table') throw new Error('no table');
  const c = t.grid[0][1].cell;
  return [c.text, c.unreadable];
}

describe('cells whose displayed text differs from their DOM text are unreadable', () => {
  test.each([
    ['RLO (U+202E) before the digits', '<td>\u202e18.088</td>', 'bidi', '‹U+202E›18.088'],
    ['LRI … PDI (U+2066/U+2069)', '<td>\u2066123\u2069</td>', 'bidi', '‹U+2066›123‹U+2069›'],
    ['RLE … PDF (U+202B/U+202C)', '<td>\u202b1,234.50\u202c</td>', 'bidi', '‹U+202B›1,234.50‹U+202C›'],
    ['<bdo dir=rtl>', '<td><bdo dir="rtl">18.088</bdo></td>', 'bidi', '18.088'],
    ['<bdo> inside a Word paragraph', '<td><p class="MsoNormal"><span style="font-size:9.0pt"><bdo dir="rtl">18.088</bdo></span></p></td>', 'bidi', '18.088'],
    ['unicode-bidi: bidi-override', '<td><span style="unicode-bidi: bidi-override; direction: rtl">321</span></td>', 'bidi', '321'],
    ['a zero-size digit', '<td>1<span style="font-size:0">9</span>23</td>', 'hidden', '1923'],
    ['a zero-size digit (0px, spaced)', '<td>1<span style="FONT-SIZE: 0px">9</span>23</td>', 'hidden', '1923'],
    ['a display:none digit', '<td>1<span style="display:none">9</span>23</td>', 'hidden', '123'],
    ['a visibility:hidden digit', '<td>1<span style="visibility:hidden">9</span>23</td>', 'hidden', '123'],
    ['a hidden-attribute digit', '<td>1<span hidden>9</span>23</td>', 'hidden', '123'],
    ['a zero-size cell', '<td style="font-size:0px">123</td>', 'hidden', '123'],
  ])('%s', (_name, td, reason, text) => {
    expect(readCell(td)).toEqual([text, reason]);
  });

  test('hidden by a stylesheet (the browser’s computed style, isHidden): unreadable too', () => {
    expect(readCell('<td>1<span class="h">9</span>23</td>', { isHidden: (el) => el.getAttribute('class') === 'h' })).toEqual(['123', 'hidden']);
  });

  test.each([
    ['a plain number', '<td>123</td>', '123'],
    ['Word markup with a font size', '<td><p class="MsoNormal" style="text-align:center"><span style="font-size:9.0pt;font-family:宋体">1,234.50</span></p></td>', '1,234.50'],
    ['a hidden note without digits', '<td><span style="display:none">注</span>123</td>', '123'],
    ['a tiny but visible size', '<td><span style="font-size:0.5pt">7</span></td>', '7'],
    ['dir=rtl on the cell (digits keep their order)', '<td dir="rtl">123</td>', '123'],
    ['an LRM mark (no reordering of digits)', '<td>\u200e123</td>', '\u200e123'],
  ])('not flagged: %s', (_name, td, text) => {
    expect(readCell(td)).toEqual([text, undefined]);
  });
});

describe('in a real disclosure: the cell is reported as unreadable, and nothing is checked with its DOM number', () => {
  const html = readFileSync(new URL('../../../shared/fixtures/lukou-2024/page.html', import.meta.url), 'utf8');
  // T6 工资福利支出 578.83: shown as 578.83, but its DOM text is 38.875 (reversed by <bdo>).
  const TARGET = '>578.83</span></p></td>';
  test('lukou T6 with a <bdo>-reversed cell', () => {
    expect(html.split(TARGET).length).toBe(2);
    const hostile = html.replace(TARGET, '><bdo dir="rtl">38.875</bdo></span></p></td>');
    const report = toReport(checkDocument(doc(hostile)), 'x');
    const onCell = report.findings.filter((f) => f.cells.some((c) => c.text === '38.875'));
    expect(onCell.length).toBeGreaterThan(0);
    for (const f of onCell) {
      expect(f.severity).toBe('warning');
      expect(f.expected).toBeNull();
      expect(f.message).toContain('显示的内容与网页文本不一致');
    }
    // No finding does arithmetic with the DOM's 38.875.
    expect(report.findings.some((f) => `${f.expected} ${f.actual} ${f.message}`.includes('38.875') && !f.message.includes('显示的内容与网页文本不一致'))).toBe(false);
  });
});

describe('stylesheetHiding: the page\'s own rules that hide text (issue 21)', () => {
  const rule = (selectorText: string, style: Record<string, string>, type = 1) => ({ type, selectorText, style: { display: '', visibility: '', fontSize: '', ...style } });
  const doc = (...sheets: unknown[]) => ({ styleSheets: Object.assign(sheets, { length: sheets.length }) }) as unknown as Node;

  it('display:none and visibility:hidden rules → hide; a zero font size → zero; others, @media, pseudo-classes and attribute selectors left out', () => {
    const sheet = {
      cssRules: [
        rule('.h, td .gone', { display: 'none' }),
        rule('.v', { visibility: 'hidden' }),
        rule('.z', { fontSize: '0px' }),
        rule('.row', { fontSize: '0' }),
        rule('.big', { fontSize: '12px' }),
        rule('a:hover span', { display: 'none' }),
        rule('[title="a,b"]', { display: 'none' }),
        rule('.m', { display: 'none' }, 4), // inside @media: not a style rule at the top level
      ],
    };
    expect(stylesheetHiding(doc(sheet))).toEqual({ hide: '.h,td .gone,.v', zero: '.z,.row' });
  });

  it('a sheet whose rules cannot be read (cross-origin) is skipped; a DOM without stylesheets gives nothing', () => {
    const foreign = {
      get cssRules(): never {
        throw new Error('SecurityError');
      },
    };
    expect(stylesheetHiding(doc(foreign, { cssRules: [rule('.h', { display: 'none' })] }))).toEqual({ hide: '.h', zero: '' });
    expect(stylesheetHiding({} as Node)).toEqual({ hide: '', zero: '' });
  });
});
