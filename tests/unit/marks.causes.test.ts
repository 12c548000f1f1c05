/**
 * Marks for causes (issue 14): the culprit carries data-dc-cause and the error mark, the other cells
 * of the findings a cause explains data-dc-affected; a click on an affected cell jumps to the
 * culprit; removal leaves no trace.
 */
import { describe, expect, it } from 'vitest';
import { Window } from 'happy-dom';
import { MarkSession, planMarks, type MarkableCause, type MarkableFinding } from '../../lib/marks';

function page(html: string) {
  const window = new Window({ url: 'http://www.example.gov.cn/' });
  window.document.write(html);
  return window.document as unknown as Document;
}

const HTML = `<!doctype html><html><head><title>t</title></head><body><table>
<tr><td id="t">10.00</td><td id="a">1.00</td><td id="b">2.00</td></tr>
<tr><td id="x">5.00</td><td id="y">6.00</td><td id="z">7.00</td></tr></table></body></html>`;

function setup() {
  const doc = page(HTML);
  const el = (id: string) => doc.getElementById(id)!;
  const findings: MarkableFinding[] = [
    // 0: t ≠ a + b (error), explained by C1 naming a
    { severity: 'error', cells: [{ el: el('t'), role: 'total' }, { el: el('a'), role: 'part' }, { el: el('b'), role: 'part' }], spans: [] },
    // 1: a ≠ x (error), explained by C1 too
    { severity: 'error', cells: [{ el: el('a'), role: 'value' }, { el: el('x'), role: 'value' }], spans: [] },
    // 2: b ≠ y (error), not explained: b stays an error of its own
    { severity: 'error', cells: [{ el: el('b'), role: 'value' }, { el: el('y'), role: 'value' }], spans: [] },
  ];
  const causes: MarkableCause[] = [{ id: 'C1', confidence: 'unique', cells: [el('a')], texts: [], findings: [0, 1] }];
  return { doc, el, findings, causes };
}

describe('cause marks', () => {
  it('plan: the culprit is named, cells whose every failing finding is explained are affected', () => {
    const { findings, causes } = setup();
    const plan = planMarks(findings, { causes });
    const by = new Map(plan.elements.map((m) => [(m.el as Element).id, m]));
    expect(by.get('a')).toMatchObject({ cause: 'C1', affected: null, severity: 'error' });
    expect(by.get('t')).toMatchObject({ cause: null, affected: 'C1' });
    expect(by.get('x')).toMatchObject({ cause: null, affected: 'C1' });
    // b is in an unexplained finding as well: not merely affected.
    expect(by.get('b')).toMatchObject({ cause: null, affected: null });
    expect(by.get('y')).toMatchObject({ cause: null, affected: null });
  });

  it('apply: attributes, a click on an affected cell focuses the culprit, removal restores the page', () => {
    const { doc, el, findings, causes } = setup();
    const before = doc.body.innerHTML;
    const s = new MarkSession(doc, { describe: (ix, mark) => [{ severity: 'error', title: `${mark.cause ?? ''}|${mark.affected ?? ''}`, message: String(ix), lines: [] }] });
    s.apply(planMarks(findings, { causes }));
    expect(el('a').getAttribute('data-dc-cause')).toBe('C1');
    expect(el('a').getAttribute('data-dc-severity')).toBe('error');
    expect(el('t').getAttribute('data-dc-affected')).toBe('C1');
    expect(el('b').hasAttribute('data-dc-affected')).toBe(false);
    el('x').dispatchEvent(new (doc.defaultView as unknown as { MouseEvent: typeof MouseEvent }).MouseEvent('click', { bubbles: true }));
    expect(el('a').hasAttribute('data-dc-flash')).toBe(true);
    expect(s.revealCause('C1')).toBe(true);
    expect(s.revealCause('C9')).toBe(false);
    s.remove();
    expect(doc.body.innerHTML).toBe(before);
  });
});
