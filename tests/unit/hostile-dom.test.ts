/**
 * Issue 21, browser item 1: a page's DOM must not switch off or hijack the extension's UI — DOM
 * clobbering (elements named like our globals or like document built-ins) and custom elements
 * named like our hosts. The real-browser cases are in tests/e2e/hostile.test.ts.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { Window } from 'happy-dom';
import { MarkSession, planMarks, uiTagName, UI_ATTR, VerdictBar } from '../../lib/marks';
import { docBody, docElement, docHead } from '../../lib/dom/safe';
import { installChecker, installedChecker } from '../../lib/ext/checker-slot';
import type { Checker } from '../../lib/ext/checker';

function page(html: string) {
  const window = new Window({ url: 'http://www.example.gov.cn/' });
  window.document.write(html);
  return { doc: window.document as unknown as Document, win: window };
}

const HTML = `<!doctype html><html><head><title>t</title></head><body><table><tr><td id="a">1.00</td><td id="b">2.00</td></tr></table></body></html>`;

/** What [LegacyOverrideBuiltIns] does in a browser: a named element shadows the built-in. */
function clobber(doc: Document, name: string, el: Element): void {
  Object.defineProperty(doc, name, { value: el, configurable: true });
}

describe('document built-ins read past clobbering', () => {
  it('docBody/docElement/docHead return the real elements when the page shadows them', () => {
    const { doc } = page(HTML);
    const img = doc.createElement('img');
    img.setAttribute('name', 'body');
    doc.body.append(img);
    const realBody = doc.body;
    const realHtml = doc.documentElement;
    const realHead = doc.head;
    // One at a time: happy-dom's own body/head getters go through `this.documentElement` (a
    // browser's native getters do not).
    clobber(doc, 'body', img);
    expect(doc.body).toBe(img); // the clobbering took effect
    expect(docBody(doc)).toBe(realBody);
    clobber(doc, 'head', img);
    expect(docHead(doc)).toBe(realHead);
    clobber(doc, 'documentElement', img);
    expect(doc.documentElement).toBe(img);
    expect(docElement(doc)).toBe(realHtml);
  });

  it('marks stylesheet and tooltip go into the real <head>/<html> when the page shadows document.head', () => {
    const { doc } = page(HTML);
    const form = doc.createElement('form');
    doc.body.append(form);
    clobber(doc, 'head', form);
    const s = new MarkSession(doc, { describe: () => [{ severity: 'error', title: 'I-01', message: 'm', lines: [] }] });
    const a = doc.getElementById('a')!;
    s.apply(planMarks([{ severity: 'error', cells: [{ el: a, role: 'total' }], spans: [] }]));
    a.dispatchEvent(new (doc.defaultView as unknown as typeof globalThis).MouseEvent('mouseover', { bubbles: true }));
    expect(form.children).toHaveLength(0);
    const host = docElement(doc)!.querySelector(`[${UI_ATTR}="tooltip"]`);
    expect(host?.parentElement).toBe(docElement(doc));
    expect(host!.shadowRoot!.textContent).toContain('I-01');
    s.remove();
    expect(docElement(doc)!.querySelector(`[${UI_ATTR}]`)).toBeNull();
  });
});

describe('UI hosts the page cannot define', () => {
  it('the tag names are not dc-tooltip/dc-verdict but carry a per-run random suffix', () => {
    expect(uiTagName('tooltip')).toMatch(/^dc-tooltip-[0-9a-z]{4,}$/);
    expect(uiTagName('verdict')).toMatch(/^dc-verdict-[0-9a-z]{4,}$/);
  });

  it('a page that defines dc-tooltip and dc-verdict custom elements neither constructs nor breaks our hosts', () => {
    const { doc, win } = page(HTML);
    let constructed = 0;
    const Base = win.HTMLElement as unknown as typeof HTMLElement;
    class Hijack extends Base {
      constructor() {
        super();
        constructed++;
        this.attachShadow({ mode: 'closed' });
      }
    }
    win.customElements.define('dc-tooltip', Hijack as never);
    win.customElements.define('dc-verdict', class extends Hijack {} as never);
    expect(doc.createElement('dc-tooltip').shadowRoot).toBeNull(); // the page's class is live (closed root)
    constructed = 0;

    const s = new MarkSession(doc, { describe: () => [{ severity: 'error', title: 'I-01', message: '应为 3.00', lines: [['应为', '3.00']] }] });
    const a = doc.getElementById('a')!;
    s.apply(planMarks([{ severity: 'error', cells: [{ el: a, role: 'total' }], spans: [] }]));
    a.dispatchEvent(new (doc.defaultView as unknown as typeof globalThis).MouseEvent('mouseover', { bubbles: true }));
    const tip = doc.querySelector(`[${UI_ATTR}="tooltip"]`)!;
    expect(tip.localName).toBe(uiTagName('tooltip'));
    expect(tip.shadowRoot!.textContent).toContain('应为 3.00');

    const bar = new VerdictBar(doc, { onReveal: () => {}, onDismiss: () => {} });
    bar.show({ title: '决算公开校验', counts: [['error', '1 处错误']], entries: [], view: '查看', hide: '收起', dismiss: '关闭', more: null });
    const chip = doc.querySelector(`[${UI_ATTR}="verdict"]`)!;
    expect(chip.localName).toBe(uiTagName('verdict'));
    expect(chip.shadowRoot!.textContent).toContain('1 处错误');
    expect(constructed).toBe(0);
    bar.remove();
    s.remove();
  });
});

describe('checker slot', () => {
  afterEach(() => {
    delete (globalThis as Record<string, unknown>).__dcChecker;
    delete (globalThis as Record<string, unknown>).__dcCheckerWaiting;
  });

  it('a clobbered window.__dcChecker / __dcCheckerWaiting is not taken for the checker', () => {
    // What <div id="__dcChecker"> and <form name="__dcCheckerWaiting"> give a content script.
    const g = globalThis as Record<string, unknown>;
    g.__dcChecker = { nodeType: 1 };
    g.__dcCheckerWaiting = { nodeType: 1 };
    expect(installedChecker()).toBeNull();
    const fake = { marker: true } as unknown as Checker;
    installChecker(fake);
    expect(installedChecker()).toBe(fake);
  });
});
