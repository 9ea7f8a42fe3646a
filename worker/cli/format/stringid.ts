/**
 * moby stringid.TruncateID and docker/cli formatter.Ellipsis
 * (docker-reference §1.3, §1.6).
 */
import { charWidth } from './width.ts';

const SHORT_LEN = 12;

/**
 * stringid.TruncateID: drop everything up to and including the first ':'
 * (the `sha256:` algorithm prefix), then keep 12 characters.
 */
export function truncateId(id: string): string {
  const colon = id.indexOf(':');
  if (colon >= 0) id = id.slice(colon + 1);
  return id.length > SHORT_LEN ? id.slice(0, SHORT_LEN) : id;
}

/**
 * formatter.Ellipsis: fit `s` into `maxDisplayWidth` cells, replacing the tail
 * with `…` (one cell). Width 1 returns the first character without ellipsis;
 * 0 or less returns "".
 */
export function ellipsis(s: string, maxDisplayWidth: number): string {
  if (maxDisplayWidth <= 0) return '';
  const runes = Array.from(s);
  // Go indexes rs[0] here and would panic on ""; an empty result is the useful equivalent.
  if (maxDisplayWidth === 1) return runes.length > 0 ? runes[0] : '';
  const widths: number[] = [];
  let total = 0;
  for (const r of runes) {
    total += charWidth(r);
    widths.push(total);
  }
  if (total <= maxDisplayWidth) return s;
  const limit = maxDisplayWidth - 1;
  for (let i = 0; i + 1 < widths.length; i++) {
    if (widths[i] <= limit && widths[i + 1] > limit) return runes.slice(0, i + 1).join('') + '…';
  }
  // Go would index past the end here (first rune wider than the limit); keep the string.
  return s;
}
