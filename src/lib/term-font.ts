/**
 * The terminal's font and the line height that keeps every glyph inside its
 * row. xterm's DOM renderer clips each row to the cell (`overflow: hidden`),
 * and the cell is the font's rounded ascent plus descent times `lineHeight`.
 * Some fonts draw glyphs below their own descent: DejaVu Sans Mono's
 * underscore spans 0.19 to 0.25 em under the baseline, past its 0.236 em
 * descent, so at line height 1 the row cuts it off and `zealous_gagarin`
 * reads `zealous gagarin`. The line height is therefore computed from the
 * font the browser actually picks, not fixed: whatever font a learner has,
 * the lowest glyph ends inside the row.
 */

/** The fonts the terminal asks for, in order; the browser draws with the first one installed. */
export const FONT_FAMILIES: readonly string[] = ['DejaVu Sans Mono', 'Cascadia Mono', 'Menlo', 'Consolas', 'Liberation Mono', 'monospace'];

/** {@link FONT_FAMILIES} as a CSS font-family list (generic names unquoted). */
export const FONT_FAMILY = FONT_FAMILIES.map(cssFamily).join(', ');

/** The terminal's font size in CSS px: 13 px puts 120 columns beside the lesson on a 1280 px screen. */
export const FONT_SIZE = 13;

/** One family as CSS writes it: generic families bare, named ones quoted. */
export function cssFamily(name: string): string {
  return ['monospace', 'ui-monospace', 'serif', 'sans-serif'].includes(name) ? name : `"${name}"`;
}

/** What decides a row's height, in CSS px. */
export interface RowMetrics {
  /** The font's ascent and descent as the browser lays out a line box (whole px, as `fontBoundingBox*` report). */
  ascent: number;
  descent: number;
  /** How far the lowest glyph of {@link LOW_GLYPHS} reaches below the baseline, unrounded. */
  lowest: number;
}

/** Glyphs that reach lowest in common monospace fonts. */
export const LOW_GLYPHS = '_gjpqy|()[]{},;';

/**
 * The xterm `lineHeight` for a font: 1 when its glyphs fit the natural row,
 * otherwise just enough that the lowest glyph ends inside the row. xterm
 * makes the row `floor((ascent + descent) * lineHeight)` px and the browser
 * centres the text in it, the baseline at `(row - ascent - descent) / 2 +
 * ascent`; the extra half pixel covers the baseline being snapped to a pixel.
 */
export function lineHeightFor(m: RowMetrics): number {
  const natural = m.ascent + m.descent;
  const needed = Math.ceil(m.ascent - m.descent + 2 * m.lowest + 1);
  // The 0.01 keeps floor(natural * lineHeight) from landing a hair below `needed` in floating point.
  return needed <= natural ? 1 : (needed + 0.01) / natural;
}

/** Measures how big the glyphs of `family` at `size` px are drawn (canvas text metrics, as xterm measures). */
export function measureRow(family: string, size: number): RowMetrics {
  const ctx = canvasContext();
  ctx.font = `${size}px ${family}`;
  const w = ctx.measureText('W');
  // Glyph bounds come back rounded to whole px: measure 64 times larger for the fraction.
  const scale = 64;
  ctx.font = `${size * scale}px ${family}`;
  let lowest = 0;
  for (const ch of LOW_GLYPHS) lowest = Math.max(lowest, ctx.measureText(ch).actualBoundingBoxDescent / scale);
  return { ascent: w.fontBoundingBoxAscent, descent: w.fontBoundingBoxDescent, lowest };
}

function canvasContext(): OffscreenCanvasRenderingContext2D | CanvasRenderingContext2D {
  if (typeof OffscreenCanvas !== 'undefined') {
    const ctx = new OffscreenCanvas(1, 1).getContext('2d');
    if (ctx) return ctx;
  }
  return document.createElement('canvas').getContext('2d')!;
}

/** The xterm options for a font family list: family, size and the line height its glyphs need. */
export function fontOptions(family = FONT_FAMILY, size = FONT_SIZE): { fontFamily: string; fontSize: number; lineHeight: number } {
  return { fontFamily: family, fontSize: size, lineHeight: lineHeightFor(measureRow(family, size)) };
}
