/**
 * The page's color theme: follows the system (`prefers-color-scheme`) until
 * the learner picks light or dark, which is remembered. The choice is set as
 * `data-theme` on the root element, where app.css reads it.
 */

/** The learner's choice. */
export type ThemeChoice = 'system' | 'light' | 'dark';

const KEY = 'layerlab:theme';
const query = typeof matchMedia === 'undefined' ? undefined : matchMedia('(prefers-color-scheme: dark)');

function initialChoice(): ThemeChoice {
  const saved = typeof localStorage === 'undefined' ? null : localStorage.getItem(KEY);
  return saved === 'light' || saved === 'dark' ? saved : 'system';
}

/** Reactive theme state shared by the switch and the terminal. */
class Theme {
  choice = $state<ThemeChoice>(initialChoice());
  #systemDark = $state(query?.matches ?? false);
  /** The theme in effect. */
  dark = $derived(this.choice === 'dark' || (this.choice === 'system' && this.#systemDark));

  constructor() {
    query?.addEventListener('change', (e) => (this.#systemDark = e.matches));
  }

  /** Sets and remembers the choice. */
  set(choice: ThemeChoice): void {
    this.choice = choice;
    try {
      if (choice === 'system') localStorage.removeItem(KEY);
      else localStorage.setItem(KEY, choice);
    } catch {
      // Not remembered when storage is refused; the switch still works.
    }
  }
}

/** The page's theme. */
export const theme = new Theme();
