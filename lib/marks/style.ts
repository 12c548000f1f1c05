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

/** The four edges of a rectangle `inset` px inside the padding box, `width` px wide: images, sizes, positions. */
function edges(kind: 'solid' | 'dashed', color: string, width: number, inset: number): [string[], string[], string[]] {
  const h = kind === 'dashed' ? `repeating-linear-gradient(90deg,${color} 0 6px,transparent 6px 10px)` : `linear-gradient(${color},${color})`;
  const v = kind === 'dashed' ? `repeating-linear-gradient(0deg,${color} 0 6px,transparent 6px 10px)` : h;
  const long = inset === 0 ? '100%' : `calc(100% - ${2 * inset}px)`;
  const near = `${inset}px`;
  const far = inset === 0 ? '100%' : `calc(100% - ${inset}px)`;
  return [
    [h, h, v, v],
    [`${long} ${width}px`, `${long} ${width}px`, `${width}px ${long}`, `${width}px ${long}`],
    [`${near} ${near}`, `${near} ${far}`, `${near} ${near}`, `${far} ${near}`],
  ];
}

/**
 * Background declarations for a frame of `width` px inside the padding box, over an optional tint.
 * A double frame is two solid ones, each a third of the width, the inner one inset by two thirds.
 */
export function frame(kind: Edge, color: string, width: number, tint?: string): string {
  const parts =
    kind === 'double'
      ? [edges('solid', color, width / 3, 0), edges('solid', color, width / 3, (2 * width) / 3)]
      : [edges(kind, color, width, 0)];
  const images = parts.flatMap((p) => p[0]);
  const sizes = parts.flatMap((p) => p[1]);
  const positions = parts.flatMap((p) => p[2]);
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
  // A mark rule, and its focused variant: the same frame a pixel wider per line in the focus colour (a
  // focus outline would bring back the page-wide walk above on every jump to a finding).
  const mark = (sel: string, kind: Edge, color: string, width: number, tint: string | undefined, extra = '') => {
    // (outline:none only drops the browser's own focus ring, which the blue frame replaces.)
    parts.push(`${sel}{${frame(kind, color, width, tint)}${extra}}`, `${sel}:focus-visible{${frame(kind, FOCUS, width + (kind === 'double' ? 3 : 1), tint)};outline:none !important}`);
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
