/**
 * The page's layout, from two media queries: side by side on wide screens;
 * stacked (lesson above the terminal) on a tablet held upright, 768 px
 * wide; one region at a time, picked with tabs, on a phone (narrow, or too
 * short to stack, as a phone held sideways). The lesson pane's collapsed
 * state is remembered across reloads.
 */

/** The width below which lesson, terminal and layer view stack vertically. */
export const STACK_QUERY = '(max-width: 900px)';
/** Where regions are shown one at a time. */
export const PHONE_QUERY = '(max-width: 600px), (max-height: 500px)';

const LESSON_KEY = 'layerlab:lesson-hidden';

/** The regions a phone shows one at a time. */
export type Region = 'lesson' | 'terminal' | 'layers';

class Layout {
  stacked = $state(false);
  phone = $state(false);
  /** The lesson pane is collapsed so the terminal takes the width (not on a phone: tabs do that). */
  lessonHidden = $state(false);
  /** The region a phone shows; the terminal first, where the learner types. */
  region = $state<Region>('terminal');

  constructor() {
    if (typeof matchMedia === 'undefined') return;
    const stack = matchMedia(STACK_QUERY);
    const phone = matchMedia(PHONE_QUERY);
    this.stacked = stack.matches;
    this.phone = phone.matches;
    stack.addEventListener('change', (e) => (this.stacked = e.matches));
    phone.addEventListener('change', (e) => (this.phone = e.matches));
    try {
      this.lessonHidden = localStorage.getItem(LESSON_KEY) === '1';
    } catch {
      // Storage refused: the lesson shows.
    }
  }

  /** Collapses or shows the lesson pane, remembered. */
  toggleLesson(): void {
    this.lessonHidden = !this.lessonHidden;
    try {
      localStorage.setItem(LESSON_KEY, this.lessonHidden ? '1' : '0');
    } catch {
      // Not remembered when storage is refused.
    }
  }
}

/** The page layout state. */
export const layout = new Layout();
