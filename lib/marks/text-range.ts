/**
 * Map a character range of a paragraph's normalised text back to DOM text positions, so a
 * sentence can be highlighted (CSS Custom Highlight API) without touching the page's DOM.
 */

export interface TextPoint {
  node: Text;
  offset: number;
}

interface Walked {
  /** Normalised text: whitespace runs collapsed to one space, trimmed. */
  text: string;
  /** For each char of `text`, where it starts in the DOM. */
  points: TextPoint[];
}

const WS = /\s/;
const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE']);

function walk(root: Element): Walked {
  const chars: string[] = [];
  const points: TextPoint[] = [];
  let pendingSpace: TextPoint | null = null;
  const visit = (node: Node) => {
    if (node.nodeType === 3) {
      const t = node as Text;
      const data = t.data;
      for (let i = 0; i < data.length; i++) {
        const ch = data[i];
        if (WS.test(ch)) {
          if (chars.length > 0 && !pendingSpace) pendingSpace = { node: t, offset: i };
          continue;
        }
        if (pendingSpace) {
          chars.push(' ');
          points.push(pendingSpace);
          pendingSpace = null;
        }
        chars.push(ch);
        points.push({ node: t, offset: i });
      }
      return;
    }
    if (node.nodeType === 1 && SKIP.has((node as Element).tagName.toUpperCase())) return;
    for (let c = node.firstChild; c; c = c.nextSibling) visit(c);
  };
  visit(root);
  return { text: chars.join(''), points };
}

/**
 * Locate [start, end) of `text` (the paragraph text the core extracted) inside `el`.
 * Returns the DOM start point and the point just after the last character, or null when
 * the range cannot be found (then only the paragraph is marked).
 */
export function locateTextRange(
  el: Element,
  text: string,
  start: number,
  end: number,
): { start: TextPoint; end: TextPoint } | null {
  if (!(end > start)) return null;
  const w = walk(el);
  let s = -1;
  const wanted = text.slice(start, end);
  if (!wanted.trim()) return null;
  if (w.text === text) {
    s = start;
  } else {
    // The core's normalisation may differ slightly: find the sentence itself, nearest to `start`.
    const norm = wanted.replace(/\s+/g, ' ').trim();
    let best = -1;
    for (let i = w.text.indexOf(norm); i >= 0; i = w.text.indexOf(norm, i + 1)) {
      if (best < 0 || Math.abs(i - start) < Math.abs(best - start)) best = i;
    }
    if (best < 0) return null;
    s = best;
    end = best + norm.length;
    start = best;
  }
  const e = s + (end - start);
  if (s < 0 || e > w.points.length || e <= s) return null;
  const first = w.points[s];
  const last = w.points[e - 1];
  return { start: first, end: { node: last.node, offset: last.offset + 1 } };
}
