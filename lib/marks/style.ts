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

type Edge = 'solid' | 'dashed' | 'double' | 'total';

/** Cells affected by a cause: marked, but clearly not the value to fix. */
export const AFFECTED = { line: '#9a8f8f', tint: 'rgba(150, 120, 120, 0.08)' } as const;

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
 * A total's frame: a solid frame with a second line inside it on the left and right edges only. Cells
 * have little or no padding above and below their digits (18–22 px rows), so a second line there ran
 * through the digits; beside them there is room.
 */
function verticalPair(color: string, width: number, inset: number): [string[], string[], string[]] {
  const [images, sizes, positions] = edges('solid', color, width, inset);
  return [images.slice(2), sizes.slice(2), positions.slice(2)];
}

/**
 * Background declarations for a frame of `width` px inside the padding box, over an optional tint.
 * A double frame is two solid ones, each a third of the width, the inner one inset by two thirds.
 */
export function frame(kind: Edge, color: string, width: number, tint?: string): string {
  const parts =
    kind === 'double'
      ? [edges('solid', color, width / 3, 0), edges('solid', color, width / 3, (2 * width) / 3)]
      : kind === 'total'
        ? [edges('solid', color, width, 0), verticalPair(color, width, 2 * width)]
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

/** Lighter tints for paper: a strong tint behind a total made its digits hard to read in print. */
const PRINT_TINT = { error: 'rgba(230, 30, 30, 0.10)', warning: 'rgba(240, 160, 0, 0.10)', notice: 'rgba(100, 130, 170, 0.06)' } as const;

export function markStylesheet(): string {
  const parts: string[] = [];
  const print: string[] = [];
  // A mark rule, and its focused variant: the same frame a pixel wider per line in the focus colour (a
  // focus outline would bring back the page-wide walk above on every jump to a finding).
  const mark = (sel: string, kind: Edge, color: string, width: number, tint: string | undefined, extra = '', printTint?: string) => {
    // (outline:none only drops the browser's own focus ring, which the blue frame replaces.)
    parts.push(`${sel}{${frame(kind, color, width, tint)}${extra}}`, `${sel}:focus-visible{${frame(kind, FOCUS, width + 1, tint)};outline:none !important}`);
    print.push(`${sel}{${frame(kind, color, width, printTint)}}`);
  };
  /** A tint without a frame (a notice's own cell; a part of a sum while its total is pointed at). */
  const tintOnly = (sel: string, color: string, tint: string, extra = '') => {
    parts.push(
      `${sel}{background-image:linear-gradient(${tint},${tint}) !important;background-size:100% 100% !important;background-repeat:no-repeat !important${extra}}`,
      `${sel}:focus-visible{${frame('solid', FOCUS, 2, tint)};outline:none !important}`,
    );
    print.push(`${sel}{${frame('solid', color, 1, undefined)}}`);
  };
  for (const [sev, c] of Object.entries(COLORS) as [keyof typeof COLORS, (typeof COLORS)[keyof typeof COLORS]][]) {
    const sel = `[data-dc-severity="${sev}"]`;
    const cell = `${sel}[data-dc-kind="cell"]`;
    if (sev === 'notice') {
      // Rounding-level: a tint on the notice's cell, nothing on the parts of its sum.
      tintOnly(cell, c.line, c.tint, ';cursor:help');
      parts.push(`${cell}[data-dc-role="part"],${cell}[data-dc-role="blank"]{background-image:none !important}`);
    } else {
      mark(cell, 'solid', c.line, 2, c.tint, ';cursor:help', PRINT_TINT[sev]);
      mark(`${cell}[data-dc-role="part"]`, 'dashed', c.line, 2, c.tint, '', PRINT_TINT[sev]);
      mark(`${cell}[data-dc-role="total"]`, 'total', c.line, 2, c.strong, '', PRINT_TINT[sev]);
      // A blank part of a failing sum: no value, so nothing to frame (whole empty columns were framed).
      parts.push(`${cell}[data-dc-role="blank"]{background-image:none !important}`);
      print.push(`${cell}[data-dc-role="blank"]{background-image:none !important}`);
    }
    mark(`${sel}[data-dc-kind="text"]`, 'dashed', c.line, 1, undefined, ';cursor:help');
    mark(`${sel}[data-dc-kind="text-whole"]`, 'dashed', c.line, 1, c.tint, ';cursor:help', PRINT_TINT[sev]);
    // Scoped to marked paragraphs: an unscoped ::highlight rule makes Chromium compute highlight
    // styles for every element of the page (measured: ~2 s on a 40k-element page, ~0.1 s scoped).
    parts.push(
      `[data-dc-kind="text"]::highlight(${HIGHLIGHT_PREFIX}${sev}),[data-dc-kind="text"] *::highlight(${HIGHLIGHT_PREFIX}${sev}){background-color:${c.strong}}`,
    );
    // The parts of the sum a pointed-at total is about (any severity, blanks included), lit on hover.
    parts.push(`[data-dc-lit]${cell}{${frame('dashed', c.line, 1, c.tint)}}`);
  }
  // Causes (issue 14): the culprit is the error, framed twice over a strong tint; the cells a cause
  // explains are only affected — a thin dotted grey frame over a faint tint, whatever their findings'
  // severity. Four attributes: these win over the role rules above.
  const e = COLORS.error;
  mark('[data-dc-severity][data-dc-kind="cell"][data-dc-role][data-dc-cause]', 'double', e.line, 6, e.strong, ';cursor:help');
  mark('[data-dc-severity][data-dc-kind="cell"][data-dc-role][data-dc-affected]', 'dashed', AFFECTED.line, 1, AFFECTED.tint, ';cursor:pointer');
  parts.push(
    // Only the middle keyframe: the flash starts from and returns to the cell's own colour.
    `@keyframes dc-flash{50%{background-color:rgba(255,215,0,0.75)}}`,
    `[data-dc-flash]{animation:dc-flash .45s ease-in-out 4 !important}`,
    // Paper: the frames print (browsers drop backgrounds unless told), in lighter tints; our
    // floating boxes do not.
    `@media print{[data-dc-severity]{-webkit-print-color-adjust:exact !important;print-color-adjust:exact !important}${print.join('')}[data-dc-ui]{visibility:hidden !important}}`,
  );
  return parts.join('\n');
}
