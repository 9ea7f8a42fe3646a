/**
 * Whether the page is narrow enough to stack its regions (a tablet held
 * upright, 768 px wide): one reactive flag from a media query.
 */

/** The width below which lesson, terminal and layer view stack vertically. */
export const STACK_QUERY = '(max-width: 900px)';

class Layout {
  stacked = $state(false);

  constructor() {
    if (typeof matchMedia === 'undefined') return;
    const q = matchMedia(STACK_QUERY);
    this.stacked = q.matches;
    q.addEventListener('change', (e) => (this.stacked = e.matches));
  }
}

/** The page layout state. */
export const layout = new Layout();
