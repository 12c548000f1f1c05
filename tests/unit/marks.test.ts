import { describe, expect, it, vi } from 'vitest';
import { Window } from 'happy-dom';
import { MarkSession, planMarks, locateTextRange, difference, frame, markStylesheet, STYLE_ID, type MarkableFinding } from '../../lib/marks';

function page(html: string) {
  const window = new Window({ url: 'http://www.example.gov.cn/' });
  window.document.write(html);
  return window.document as unknown as Document;
}

const HTML = `<!doctype html><html><head><title>t</title></head><body>
<p id="p1">  一、收入  支出
  总体情况：收入合计 896.58万元。<b>支出</b>合计 880.81 万元。</p>
<table id="t"><tr><td id="a">1.00</td><td id="b" tabindex="3">2.00</td><td id="c" data-x="y">3.01</td></tr></table>
</body></html>`;

const cell = (doc: Document, id: string) => doc.getElementById(id);

function findings(doc: Document): MarkableFinding[] {
  return [
    // 0: notice on b (parts) and c (total): rounding only
    { severity: 'notice', cells: [{ el: cell(doc, 'a'), role: 'part' }, { el: cell(doc, 'c'), role: 'total' }], spans: [] },
    // 1: error: c is the stated total, a and b parts
    {
      severity: 'error',
      cells: [{ el: cell(doc, 'a'), role: 'part' }, { el: cell(doc, 'b'), role: 'part' }, { el: cell(doc, 'c'), role: 'total' }],
      spans: [],
    },
    // 2: warning on a sentence of p1
    { severity: 'warning', cells: [], spans: [{ el: cell(doc, 'p1'), text: '一、收入 支出 总体情况：收入合计 896.58万元。支出合计 880.81 万元。', start: 16, end: 27 }] },
    // 3: a finding without DOM refs (synthetic cell)
    { severity: 'error', cells: [{ el: null, role: 'value' }], spans: [] },
  ];
}

describe('planMarks', () => {
  it('marks each referenced element once, with the worst finding as data-dc-finding', () => {
    const doc = page(HTML);
    const plan = planMarks(findings(doc));
    const byId = new Map(plan.elements.map((m) => [(m.el as Element).id, m]));
    expect([...byId.keys()].sort()).toEqual(['a', 'b', 'c', 'p1']);
    expect(byId.get('a')).toMatchObject({ primary: 1, findings: [0, 1], severity: 'error', role: 'part' });
    expect(byId.get('c')).toMatchObject({ primary: 1, findings: [0, 1], severity: 'error', total: true, role: 'total' });
    expect(byId.get('p1')).toMatchObject({ primary: 2, severity: 'warning', kind: 'text', role: null });
    expect(plan.sentences).toHaveLength(1);
  });

  it('a notice total is not marked as the total of a failing sum', () => {
    const doc = page(HTML);
    const plan = planMarks([findings(doc)[0]]);
    expect(plan.elements.find((m) => m.el.id === 'c')).toMatchObject({ total: false, role: 'value' });
  });

  it('hides notices when asked, keeping the findings indices', () => {
    const doc = page(HTML);
    const plan = planMarks(findings(doc), { showNotices: false });
    const a = plan.elements.find((m) => m.el.id === 'a')!;
    expect(a.findings).toEqual([1]);
    expect(plan.elements.some((m) => m.severity === 'notice')).toBe(false);
  });
});

describe('MarkSession', () => {
  it('adds the data-dc-* contract attributes and one stylesheet', () => {
    const doc = page(HTML);
    const s = new MarkSession(doc);
    s.apply(planMarks(findings(doc)));
    const c = cell(doc, 'c')!;
    expect(c.getAttribute('data-dc-severity')).toBe('error');
    expect(c.getAttribute('data-dc-finding')).toBe('1');
    expect(c.getAttribute('data-dc-findings')).toBe('0 1');
    expect(c.getAttribute('data-dc-role')).toBe('total');
    expect(cell(doc, 'a')!.getAttribute('data-dc-role')).toBe('part');
    expect(cell(doc, 'p1')!.getAttribute('data-dc-severity')).toBe('warning');
    expect(doc.querySelectorAll(`#${STYLE_ID}`)).toHaveLength(1);
    expect(doc.querySelectorAll('[data-dc-severity]')).toHaveLength(4);
    // One tab stop per finding (its total, else its first element): existing tabindex kept, the
    // parts of a sum are not stops of their own.
    expect(cell(doc, 'b')!.getAttribute('tabindex')).toBe('3');
    expect(cell(doc, 'c')!.getAttribute('tabindex')).toBe('0');
    expect(cell(doc, 'p1')!.getAttribute('tabindex')).toBe('0');
    expect(cell(doc, 'a')!.hasAttribute('tabindex')).toBe(false);
    s.remove();
  });

  it('a blank part of a sum is marked (contract attributes) but framed as blank; its total lights its parts on hover', () => {
    const doc = page(HTML);
    cell(doc, 'b')!.textContent = '';
    const f = findings(doc);
    f[1].cells[1].blank = true;
    const s = new MarkSession(doc, { describe: () => [] });
    s.apply(planMarks(f));
    expect(cell(doc, 'b')!.getAttribute('data-dc-role')).toBe('blank');
    expect(cell(doc, 'b')!.getAttribute('data-dc-findings')).toBe('1');
    const c = cell(doc, 'c')!;
    c.dispatchEvent(new (doc.defaultView as unknown as typeof globalThis).MouseEvent('mouseover', { bubbles: true }));
    expect([...doc.querySelectorAll('[data-dc-lit]')].map((e) => e.id).sort()).toEqual(['a', 'b']);
    c.dispatchEvent(new (doc.defaultView as unknown as typeof globalThis).MouseEvent('mouseout', { bubbles: true }));
    expect(doc.querySelectorAll('[data-dc-lit]')).toHaveLength(0);
    s.remove();
  });

  it('prepare inserts the stylesheet ahead of the marks, once; apply and re-apply reuse it; remove takes it out even unused', () => {
    const doc = page(HTML);
    const original = doc.documentElement.outerHTML;
    const s = new MarkSession(doc);
    s.prepare();
    s.prepare();
    expect(doc.querySelectorAll(`#${STYLE_ID}`)).toHaveLength(1);
    expect(doc.querySelectorAll('[data-dc-severity]')).toHaveLength(0);
    const sheet = doc.getElementById(STYLE_ID);
    s.apply(planMarks(findings(doc)));
    expect(doc.querySelectorAll(`#${STYLE_ID}`)).toHaveLength(1);
    expect(doc.getElementById(STYLE_ID)).toBe(sheet);
    // Applied again (a setting changed): the marks are redone, the stylesheet stays in place.
    s.apply(planMarks(findings(doc), { showNotices: false }));
    expect(doc.getElementById(STYLE_ID)).toBe(sheet);
    expect(doc.querySelectorAll(`#${STYLE_ID}`)).toHaveLength(1);
    s.remove();
    expect(doc.documentElement.outerHTML).toBe(original);
    // Prepared, then the marks turned off before they were applied: nothing is left either.
    s.prepare();
    s.remove();
    expect(doc.documentElement.outerHTML).toBe(original);
  });

  it('removes every trace: the DOM equals the original after hover, reveal and removal', () => {
    vi.useFakeTimers();
    const doc = page(HTML);
    const original = doc.documentElement.outerHTML;
    const s = new MarkSession(doc, {
      describe: (ix) => ix.map((i) => ({ severity: 'error' as const, title: `F${i}`, message: '<img src=x onerror=alert(1)>', lines: [['应为', '1']] })),
    });
    s.apply(planMarks(findings(doc)));
    cell(doc, 'a')!.dispatchEvent(new (doc.defaultView as unknown as typeof globalThis).MouseEvent('mouseover', { bubbles: true }));
    expect(doc.querySelector('[data-dc-ui="tooltip"]')).not.toBeNull();
    expect(s.reveal(1)).toBe(true);
    expect(cell(doc, 'c')!.hasAttribute('data-dc-flash')).toBe(true);
    expect(doc.documentElement.outerHTML).not.toBe(original);
    s.remove();
    expect(doc.documentElement.outerHTML).toBe(original);
    vi.runAllTimers();
    expect(doc.documentElement.outerHTML).toBe(original);
    // and again: apply twice, remove once
    s.apply(planMarks(findings(doc)));
    s.apply(planMarks(findings(doc)));
    s.remove();
    expect(doc.documentElement.outerHTML).toBe(original);
    vi.useRealTimers();
  });

  it('renders tooltip text as text, never as HTML', () => {
    const doc = page(HTML);
    const s = new MarkSession(doc, {
      describe: () => [{ severity: 'error', title: 'I-01', message: '<img src=x onerror=alert(1)>', lines: [] }],
    });
    s.apply(planMarks(findings(doc)));
    cell(doc, 'a')!.dispatchEvent(new (doc.defaultView as unknown as typeof globalThis).MouseEvent('mouseover', { bubbles: true }));
    const host = doc.querySelector('[data-dc-ui="tooltip"]');
    // In its shadow root, as text: nothing in the page's light DOM, and no <img> was created anywhere.
    expect(host).not.toBeNull();
    expect(host!.children).toHaveLength(0);
    expect(host!.shadowRoot!.querySelector('img')).toBeNull();
    expect(host!.shadowRoot!.textContent).toContain('<img src=x onerror=alert(1)>');
    expect(doc.querySelector('img')).toBeNull();
    s.remove();
  });

  it('reveal returns false for a finding without marks; removed elements are skipped', () => {
    const doc = page(HTML);
    const s = new MarkSession(doc);
    const plan = planMarks(findings(doc));
    cell(doc, 'b')!.remove();
    s.apply(plan);
    expect(s.reveal(3)).toBe(false);
    expect(s.elementsFor(1).map((e) => e.id)).toEqual(['a', 'c']);
    s.remove();
  });
});

describe('locateTextRange', () => {
  it('maps offsets of the whitespace-collapsed text back to DOM text nodes', () => {
    const doc = page(HTML);
    const p = cell(doc, 'p1')!;
    const text = '一、收入 支出 总体情况：收入合计 896.58万元。支出合计 880.81 万元。';
    const start = text.indexOf('收入合计');
    const loc = locateTextRange(p, text, start, start + 4)!;
    expect(loc.start.node.data.slice(loc.start.offset, loc.start.offset + 4)).toBe('收入合计');
    const s2 = text.indexOf('支出合计');
    const loc2 = locateTextRange(p, text, s2, text.length)!;
    expect(loc2.start.node.data.slice(loc2.start.offset)).toBe('支出'); // inside <b>
    expect(loc2.end.node.data.slice(0, loc2.end.offset)).toContain('万元。');
  });

  it('finds the sentence when the core normalised the text differently, and gives up cleanly', () => {
    const doc = page(HTML);
    const p = cell(doc, 'p1')!;
    const other = 'XX收入合计 896.58万元。';
    const loc = locateTextRange(p, other, 2, other.length)!;
    expect(loc.start.node.data.slice(loc.start.offset, loc.start.offset + 4)).toBe('收入合计');
    expect(locateTextRange(p, 'nothing like it', 0, 7)).toBeNull();
    expect(locateTextRange(p, 'abc', 2, 2)).toBeNull();
  });
});

describe('difference and stylesheet', () => {
  it.each([
    ['896.57', '896.58', '+0.01'],
    ['880.8', '880.81', '+0.01'],
    ['100', '98', '-2'],
    ['1,000.00', '1000.00', '0.00'],
    ['非零', '', null],
    [null, '1', null],
  ])('difference(%s, %s) = %s', (e, a, d) => {
    expect(difference(e, a)).toBe(d);
  });

  it('paints with backgrounds only: no layout-changing property, and no outline, box-shadow or text decoration on a mark', () => {
    const css = markStylesheet();
    expect(css).toContain('background-image');
    expect(css).not.toMatch(/(^|[;{])\s*(border|margin|padding|width|height|display|position|font-size|font-weight|letter-spacing)\s*:/);
    // They make Chromium revisit every paint layer of the page (see style.ts); focus recolours the
    // frame, and the browser's own focus ring is switched off (outline:none) where it does.
    for (const r of css.split('\n')) expect(r.replace(/outline:none !important/g, ''), r).not.toMatch(/outline|box-shadow|text-decoration/);
    for (const r of css.split('\n').filter((x) => x.includes(':focus-visible'))) expect(r).toContain('outline:none !important');
    expect(css).toContain('[data-dc-severity="error"][data-dc-kind="cell"][data-dc-role="total"]:focus-visible{');
  });

  it.each([
    ['solid', 'linear-gradient(red,red)'],
    ['dashed', 'repeating-linear-gradient(90deg,red 0 6px,transparent 6px 10px)'],
  ] as const)('a %s frame: four edges inside the padding box, the tint under them', (kind, top) => {
    const decl = frame(kind, 'red', 3, 'pink');
    const images = /background-image:(.*?) !important/.exec(decl)![1];
    expect(images.startsWith(`${top},${top},`)).toBe(true);
    expect(images.endsWith('linear-gradient(pink,pink)')).toBe(true);
    expect(decl).toContain('background-size:100% 3px,100% 3px,3px 100%,3px 100%,100% 100% !important');
    expect(decl).toContain('background-position:0px 0px,0px 100%,0px 0px,100% 0px,0 0 !important');
    expect(decl).toContain('background-repeat:no-repeat !important');
  });

  it('a double frame: two solid frames a third of the width each, the inner one inset (no lines crossing at the corners)', () => {
    const decl = frame('double', 'red', 6, 'pink');
    const images = /background-image:(.*?) !important/.exec(decl)![1];
    expect(images).toBe([...Array(8).fill('linear-gradient(red,red)'), 'linear-gradient(pink,pink)'].join(','));
    expect(decl).toContain(
      'background-size:100% 2px,100% 2px,2px 100%,2px 100%,calc(100% - 8px) 2px,calc(100% - 8px) 2px,2px calc(100% - 8px),2px calc(100% - 8px),100% 100% !important',
    );
    expect(decl).toContain('background-position:0px 0px,0px 100%,0px 0px,100% 0px,4px 4px,4px calc(100% - 4px),4px 4px,calc(100% - 4px) 4px,0 0 !important');
  });
});

describe('Tooltip', () => {
  it('shows and hides one host, kept rendered between hovers (visibility, not a new box each time)', async () => {
    const { Tooltip } = await import('../../lib/marks/tooltip');
    const doc = page(HTML);
    const tip = new Tooltip(doc);
    const entry = { severity: 'error' as const, title: 'I-01', message: 'm', lines: [['应为', '1']] as [string, string][] };
    expect(tip.visible).toBe(false);
    tip.show(cell(doc, 'a')!, [entry], null);
    expect(tip.visible).toBe(true);
    const host = doc.querySelector('[data-dc-ui="tooltip"]');
    tip.hide();
    expect(tip.visible).toBe(false);
    expect(doc.querySelector('[data-dc-ui="tooltip"]')).toBe(host);
    tip.show(cell(doc, 'b')!, [entry], null);
    expect(tip.visible).toBe(true);
    expect(doc.querySelectorAll('[data-dc-ui="tooltip"]')).toHaveLength(1);
    tip.show(cell(doc, 'b')!, [], null); // nothing to show: hidden
    expect(tip.visible).toBe(false);
    tip.destroy();
    expect(doc.querySelector('[data-dc-ui="tooltip"]')).toBeNull();
  });

  it('page text in it: bidi controls made visible, long text cut, lines isolated (issue 21)', async () => {
    const { Tooltip } = await import('../../lib/marks/tooltip');
    const doc = page(HTML);
    const tip = new Tooltip(doc);
    const long = '长'.repeat(5000);
    tip.show(cell(doc, 'a')!, [{ severity: 'warning', title: 'I-01', message: `合计\u202e78.551 ${long}`, lines: [['所列', '\u202e78.551']] }], null);
    const root = doc.querySelector('[data-dc-ui="tooltip"]')!.shadowRoot!;
    const text = root.textContent ?? '';
    expect(text).not.toMatch(/[\u202a-\u202e\u2066-\u2069]/);
    expect(text).toContain('合计‹U+202E›78.551');
    expect(root.querySelector('.msg')!.textContent!.length).toBeLessThanOrEqual(301);
    expect(root.querySelector('style')!.textContent).toContain('unicode-bidi:isolate');
    tip.destroy();
  });
});
