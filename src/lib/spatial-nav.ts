/**
 * Arrow-key focus movement across the layer picture: Up and Down move along
 * a stack (a layer, the layer above it, its image, its containers), Left and
 * Right move to the neighbouring stack. The picture is laid out by CSS, so
 * the next item is found from where items are drawn (as browsers' spatial
 * navigation does): the nearest box in that direction, in line first.
 */

/** An arrow key's direction, or undefined for other keys. */
export function arrowOf(key: string): 'up' | 'down' | 'left' | 'right' | undefined {
  return ({ ArrowUp: 'up', ArrowDown: 'down', ArrowLeft: 'left', ArrowRight: 'right' } as const)[key as 'ArrowUp'];
}

/** A drawn box. */
export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/**
 * Picks, among candidate boxes, the index of the next one from `from` in
 * direction `dir`, or -1: only boxes that lie beyond it in that direction;
 * of those, the ones in line with it (overlapping across the direction: the
 * same row for Left/Right, the same column for Up/Down) win over the rest;
 * then the nearest edge, then the nearest centre across.
 */
export function nearestInDirection(from: Box, candidates: readonly Box[], dir: 'up' | 'down' | 'left' | 'right'): number {
  const vertical = dir === 'up' || dir === 'down';
  let best = -1;
  let bestKey: [number, number, number] = [Infinity, Infinity, Infinity];
  candidates.forEach((b, i) => {
    const gap = dir === 'up' ? from.top - b.bottom : dir === 'down' ? b.top - from.bottom : dir === 'left' ? from.left - b.right : b.left - from.right;
    // Beyond the current box: its near edge past our far one, allowing the 1-2 px borders overlap by.
    if (gap < -3) return;
    const inLine = vertical ? b.left < from.right && b.right > from.left : b.top < from.bottom && b.bottom > from.top;
    const across = vertical ? Math.abs((b.left + b.right) / 2 - (from.left + from.right) / 2) : Math.abs((b.top + b.bottom) / 2 - (from.top + from.bottom) / 2);
    const key: [number, number, number] = [inLine ? 0 : 1, Math.max(gap, 0), across];
    if (key[0] < bestKey[0] || (key[0] === bestKey[0] && (key[1] < bestKey[1] || (key[1] === bestKey[1] && key[2] < bestKey[2])))) {
      bestKey = key;
      best = i;
    }
  });
  return best;
}

/** Moves focus from `current` to the nearest `[data-nav]` item of `root` in the key's direction; true if it moved. */
export function moveFocus(root: HTMLElement, current: HTMLElement, key: string): boolean {
  const dir = arrowOf(key);
  if (!dir) return false;
  const items = [...root.querySelectorAll<HTMLElement>('[data-nav]')].filter((el) => el !== current && el.offsetParent !== null);
  const box = (el: HTMLElement): Box => el.getBoundingClientRect();
  const i = nearestInDirection(box(current), items.map(box), dir);
  if (i < 0) return false;
  items[i]!.focus();
  items[i]!.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  return true;
}
