/**
 * Issue 21, browser item 3: pages that change what was checked after the check. StaleWatch fires
 * once for a change to checked content (in place, replaced, removed) and never for the page's
 * other changes or our own marks; marks-off sweeps our attributes from copies the page made.
 */
import { describe, expect, it } from 'vitest';
import { Window } from 'happy-dom';
import { StaleWatch } from '../../lib/ext/stale-watch';
import { MarkSession, planMarks } from '../../lib/marks';

const HTML = `<!doctype html><html><head></head><body><div id="wrap"><table id="t"><tr><td id="a">1.00</td><td id="b">2.00</td></tr></table></div><p id="ticker">0</p></body></html>`;

function page() {
  const window = new Window({ url: 'http://www.example.gov.cn/' });
  const doc = window.document as unknown as Document;
  doc.write(HTML);
  return { doc, window };
}

const settle = (ms = 80) => new Promise((r) => setTimeout(r, ms));

describe('StaleWatch', () => {
  const cases: [string, (doc: Document) => void, boolean][] = [
    ['a checked cell text updated in place', (d) => (d.getElementById('a')!.firstChild!.nodeValue = '9.99'), true],
    ['a checked cell content replaced', (d) => (d.getElementById('a')!.textContent = '9.99'), true],
    ['the container re-rendered (innerHTML reset)', (d) => {
      const markup = d.getElementById('wrap')!.innerHTML;
      d.getElementById('wrap')!.innerHTML = markup;
    }, true],
    ['the table removed', (d) => d.getElementById('t')!.remove(), true],
    ['a row appended to the table', (d) => d.getElementById('t')!.querySelector('tbody,table')!.append(d.createElement('tr')), true],
    ['the page ticker elsewhere changed', (d) => (d.getElementById('ticker')!.textContent = '1'), false],
    ['our own marks (attributes) and our host under <html>', (d) => {
      d.getElementById('a')!.setAttribute('data-dc-severity', 'error');
      d.documentElement.append(d.createElement('dc-tooltip-x'));
    }, false],
  ];
  for (const [name, change, fires] of cases) {
    it(`${fires ? 'fires once' : 'stays quiet'}: ${name}`, async () => {
      const { doc } = page();
      let fired = 0;
      const w = new StaleWatch([doc.getElementById('t')!, doc.getElementById('a')!], () => fired++, { quietMs: 20 });
      change(doc);
      await settle();
      expect(fired).toBe(fires ? 1 : 0);
      // Never again: it disconnected (fired) or keeps ignoring (quiet).
      doc.getElementById('ticker')!.textContent = '2';
      if (doc.getElementById('a')) doc.getElementById('a')!.textContent = '3.00';
      await settle();
      expect(fired).toBe(1);
      w.stop();
    });
  }

  it('a stream of unrelated changes does not postpone a relevant one', async () => {
    const { doc } = page();
    let fired = 0;
    const w = new StaleWatch([doc.getElementById('t')!], () => fired++, { quietMs: 40 });
    doc.getElementById('a')!.textContent = '5.00';
    for (let i = 0; i < 8; i++) {
      doc.getElementById('ticker')!.textContent = String(i);
      await settle(10);
    }
    await settle(60);
    expect(fired).toBe(1);
    w.stop();
  });
});

describe('marks-off sweep', () => {
  it('removes data-dc-* and our tabindex from copies the page made of marked elements', () => {
    const { doc } = page();
    const s = new MarkSession(doc);
    const a = doc.getElementById('a')!;
    s.apply(planMarks([{ severity: 'error', cells: [{ el: a, role: 'total' }], spans: [] }]));
    expect(a.getAttribute('tabindex')).toBe('0');
    // The page clones the marked table and re-renders the wrapper from its markup.
    doc.body.append(doc.getElementById('t')!.cloneNode(true));
    const wrap = doc.getElementById('wrap')!;
    const markup = wrap.innerHTML;
    wrap.innerHTML = markup;
    expect(doc.querySelectorAll('[data-dc-severity]').length).toBe(2);
    s.remove();
    expect(doc.querySelectorAll('[data-dc-severity],[data-dc-finding],[data-dc-kind],[data-dc-role],[tabindex]').length).toBe(0);
  });
});
