/** The terminal's line height (src/lib/term-font.ts): the lowest glyph ends inside xterm's row. */
import { describe, expect, it } from 'vitest';
import { FONT_FAMILY, lineHeightFor } from '../../src/lib/term-font.ts';

/** The row xterm makes (RenderService: floor(char height * lineHeight)) and where the browser puts the baseline. */
function row(ascent: number, descent: number, lineHeight: number): { height: number; baseline: number } {
  const height = Math.floor((ascent + descent) * lineHeight);
  return { height, baseline: (height - ascent - descent) / 2 + ascent };
}

describe('lineHeightFor', () => {
  it('gives DejaVu Sans Mono the rows its underscore needs (0.1875 to 0.25 em under the baseline, past its 0.236 em descent)', () => {
    for (const [size, ascent, descent] of [
      [12, 11, 3],
      [13, 12, 3],
      [14, 13, 3],
      [16, 15, 4],
    ] as const) {
      const lowest = size * 0.25;
      const lh = lineHeightFor({ ascent, descent, lowest });
      const r = row(ascent, descent, lh);
      expect({ size, inside: r.baseline + lowest + 0.5 <= r.height, spare: r.height - (r.baseline + lowest + 0.5) < 1 }).toEqual({ size, inside: true, spare: true });
    }
  });

  it('leaves a font whose glyphs fit its line box at 1', () => {
    // Liberation Mono at 14 px: ascent 12, descent 4, lowest glyph 3 px down.
    expect(lineHeightFor({ ascent: 12, descent: 4, lowest: 3 })).toEqual(1);
  });

  it('asks for the installed Debian font first and ends with the generic family', () => {
    expect(FONT_FAMILY).toEqual('"DejaVu Sans Mono", "Cascadia Mono", "Menlo", "Consolas", "Liberation Mono", monospace');
  });
});
