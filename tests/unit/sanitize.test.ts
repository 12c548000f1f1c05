import { describe, expect, it } from 'vitest';
import { displayText, hasUnsafeControls, sanitizeText, terminalSafeJson } from '../../lib/sanitize';

describe('sanitizeText (one sanitiser for terminal, Markdown and CSV)', () => {
  const cases: [string, string, string][] = [
    ['plain Chinese and tabs/newlines kept', '收入\t合计\n4,733.14', '收入\t合计\n4,733.14'],
    ['ESC CSI (erase screen)', 'a\x1b[2Jb', 'a␛[2Jb'],
    ['OSC 52 clipboard write, BEL-terminated', '\x1b]52;c;ZXZpbA==\x07', '␛]52;c;ZXZpbA==␇'],
    ['OSC 0 window title, ST-terminated', '\x1b]0;pwned\x1b\\', '␛]0;pwned␛\\'],
    ['lone CR (redraws the line)', 'ok\rFAKE', 'ok␍FAKE'],
    ['NUL and DEL', '\x00x\x7f', '␀x␡'],
    ['C1 CSI (8-bit)', '\x9b31m', '‹U+009B›31m'],
    ['bidi override RLO/PDF', 'abc\u202Efed\u202C', 'abc‹U+202E›fed‹U+202C›'],
    ['bidi isolates and marks', '\u2066x\u2069\u200F\u061C', '‹U+2066›x‹U+2069›‹U+200F›‹U+061C›'],
    ['line/paragraph separators', 'a\u2028b\u2029', 'a‹U+2028›b‹U+2029›'],
  ];
  it.each(cases)('%s', (_, input, expected) => {
    expect(sanitizeText(input)).toBe(expected);
    expect(hasUnsafeControls(sanitizeText(input))).toBe(false);
  });

  it('keeps CR on request (CSV), rewrites everything else', () => {
    expect(sanitizeText('a\r\nb\x1b', { keepCr: true })).toBe('a\r\nb␛');
  });

  it('terminalSafeJson: same data after parsing, no raw C1/bidi code points in the text', () => {
    const value = { t: '\x1b]52;c;x\x07\u202E\x85\u2028' };
    const json = terminalSafeJson(JSON.stringify(value));
    expect(json).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u202e\u2028]/);
    expect(JSON.parse(json)).toEqual(value);
  });
});

describe('displayText (popup and tooltip)', () => {
  it('controls made visible, cut at the cap with the count left out, surrogate pairs kept whole', () => {
    expect(displayText('合计\u202e18.088')).toEqual({ text: '合计‹U+202E›18.088', cut: 0 });
    expect(displayText('x'.repeat(10), 4)).toEqual({ text: 'xxxx…', cut: 6 });
    expect(displayText('ab😀cd', 3)).toEqual({ text: 'ab…', cut: 4 });
    expect(displayText('a'.repeat(300))).toEqual({ text: 'a'.repeat(300), cut: 0 });
  });
});
