/**
 * Overlay boxes for the viewer: one absolutely positioned element per place, in the layer drawn
 * over its page, and the findings re-pointed at those boxes so that lib/marks marks them exactly as
 * it marks cells and sentences on an HTML page (same data-dc-* attributes, colours, tooltip, jump).
 */
import type { Finding } from '../checks/types';
import type { MarkableFinding } from '../marks/plan';
import { boxStyle, type PlaceMap } from './places';

export interface PageSize {
  width: number;
  height: number;
}

export interface Overlay {
  /** Overlay element of each place key. */
  boxes: Map<string, HTMLElement>;
  /** The findings pointed at the overlay boxes (index = data-dc-finding). */
  markable: MarkableFinding[];
  /** Number of findings with at least one box. */
  placed: number;
}

/**
 * Build the boxes into `layerOf(page)` (created by the caller, one per page) and return the
 * findings re-pointed at them. A sentence box is marked as a whole box (it holds no text, so the
 * marks tint it instead of highlighting characters: the text sits in the page's own layers).
 */
export function buildOverlay(
  doc: Document,
  map: PlaceMap,
  findings: readonly Finding[],
  pages: readonly PageSize[],
  layerOf: (page: number) => HTMLElement | null,
): Overlay {
  const boxes = new Map<string, HTMLElement>();
  for (const p of map.places.values()) {
    const size = pages[p.page - 1];
    const layer = layerOf(p.page);
    if (!size || !layer || !(size.width > 0 && size.height > 0)) continue;
    const el = doc.createElement('div');
    el.className = `dc-box dc-box-${p.kind}`;
    el.setAttribute('data-place', p.key);
    Object.assign(el.style, boxStyle(p.box, size.width, size.height));
    layer.append(el);
    boxes.set(p.key, el);
  }
  let placed = 0;
  const markable = findings.map((f, i): MarkableFinding => {
    const fp = map.findings[i] ?? { cells: [], texts: [] };
    const cells = fp.cells.flatMap((c) => {
      const el = boxes.get(c.key);
      return el ? [{ el, role: c.role }] : [];
    });
    const spans = fp.texts.flatMap((k) => {
      const el = boxes.get(k);
      // One character the empty box cannot hold: lib/marks then tints the whole box (text-whole).
      return el ? [{ el, text: '\u25a1', start: 0, end: 1 }] : [];
    });
    if (cells.length + spans.length > 0) placed++;
    return { severity: f.severity, cells, spans };
  });
  return { boxes, markable, placed };
}
