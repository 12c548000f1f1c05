/**
 * The one stylesheet the marks inject. Backgrounds only: they take no space, so the page's layout
 * and text never change. A cell's mark is a tint and a frame drawn as background images inside its
 * borders — a double frame for the total of a failing sum, a dashed one for its parts, a solid one
 * for single values; a paragraph gets a thin dashed frame, and its sentence a highlight (a tint
 * over the whole paragraph when the sentence cannot be located). Not outline, box-shadow or text
 * decoration: in Chromium one element gaining any of them (they paint outside the box) makes the
 * next frame revisit every paint layer of the page — measured: ≈ 230 ms for one outlined cell on a
 * 27 MB page, ≈ 25–35 ms for the marks of a 2.7 MB one, where with backgrounds the frame after the
 * marks is ≈ 15–20 ms. Keyboard focus turns the frame blue instead of adding an outline.
 */
export const STYLE_ID = 'dc-marks-style';
export const HIGHLIGHT_PREFIX = 'dc-';

export const COLORS = {
  error: { line: '#d21f1f', tint: 'rgba(230, 30, 30, 0.22)', strong: 'rgba(230, 30, 30, 0.34)' },
  warning: { line: '#d98a00', tint: 'rgba(240, 160, 0, 0.18)', strong: 'rgba(240, 160, 0, 0.32)' },
  notice: { line: '#6a86a8', tint: 'rgba(100, 130, 170, 0.10)', strong: 'rgba(100, 130, 170, 0.20)' },
} as const;

type Edge = 'solid' | 'dashed' | 'double';

/** One edge of a frame, as a gradient across (`deg` 180: top/bottom edges, 90: left/right). */
function edge(kind: Edge, color: string, deg: number, width: number): string {
  if (kind === 'dashed') return `repeating-linear-gradient(${deg - 90}deg,${color} 0 6px,transparent 6px 10px)`;
  if (kind === 'double') {
    const line = width / 3;
    return `linear-gradient(${deg}deg,${color} 0 ${line}px,transparent ${line}px ${2 * line}px,${color} ${2 * line}px)`;
  }
  return `linear-gradient(${color},${color})`;
}

/** Background declarations for a frame of `width` px inside the padding box, over an optional tint. */
export function frame(kind: Edge, color: string, width: number, tint?: string): string {
  const h = edge(kind, color, 180, width);
  const v = edge(kind, color, 90, width);
  const images = [h, h, v, v];
  const sizes = [`100% ${width}px`, `100% ${width}px`, `${width}px 100%`, `${width}px 100%`];
  const positions = ['0 0', '0 100%', '0 0', '100% 0'];
  if (tint) {
    images.push(`linear-gradient(${tint},${tint})`);
    sizes.push('100% 100%');
    positions.push('0 0');
  }
  return (
    `background-image:${images.join(',')} !important;background-size:${sizes.join(',')} !important;` +
    `background-position:${positions.join(',')} !important;background-repeat:no-repeat !important;` +
    `background-origin:padding-box !important;background-clip:padding-box !important;background-attachment:scroll !important`
  );
}

/** Keyboard focus (and the element a jump from the popup focuses): the frame turns this colour. */
const FOCUS = '#1a5fb4';

export function markStylesheet(): string {
  const parts: string[] = [];
  // A mark rule, and its focused variant: the same frame one pixel wider in the focus colour (a
  // focus outline would bring back the page-wide walk above on every jump to a finding).
  const mark = (sel: string, kind: Edge, color: string, width: number, tint: string | undefined, extra = '') => {
    parts.push(`${sel}{${frame(kind, color, width, tint)}${extra}}`, `${sel}:focus-visible{${frame(kind, FOCUS, width + 1, tint)}}`);
  };
  for (const [sev, c] of Object.entries(COLORS)) {
    const sel = `[data-dc-severity="${sev}"]`;
    const w = sev === 'notice' ? 2 : 3;
    mark(`${sel}[data-dc-kind="cell"]`, 'solid', c.line, w, c.tint, ';cursor:help');
    mark(`${sel}[data-dc-kind="cell"][data-dc-role="part"]`, 'dashed', c.line, w, c.tint);
    mark(`${sel}[data-dc-kind="cell"][data-dc-role="total"]`, 'double', c.line, 6, c.strong);
    mark(`${sel}[data-dc-kind="text"]`, 'dashed', c.line, 1, undefined, ';cursor:help');
    mark(`${sel}[data-dc-kind="text-whole"]`, 'dashed', c.line, 1, c.tint, ';cursor:help');
    // Scoped to marked paragraphs: an unscoped ::highlight rule makes Chromium compute highlight
    // styles for every element of the page (measured: ~2 s on a 40k-element page, ~0.1 s scoped).
    parts.push(
      `[data-dc-kind="text"]::highlight(${HIGHLIGHT_PREFIX}${sev}),[data-dc-kind="text"] *::highlight(${HIGHLIGHT_PREFIX}${sev}){background-color:${c.strong}}`,
    );
  }
  parts.push(
    // Only the middle keyframe: the flash starts from and returns to the cell's own colour.
    `@keyframes dc-flash{50%{background-color:rgba(255,215,0,0.75)}}`,
    `[data-dc-flash]{animation:dc-flash .45s ease-in-out 4 !important}`,
  );
  return parts.join('\n');
}
