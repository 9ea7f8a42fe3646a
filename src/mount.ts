/** Mounts the app on the page with the already started worker (see main.ts for why it starts first). */
import { mount } from 'svelte';
import App from './App.svelte';
import type { LabClient } from './lib/lab-client.ts';

/** Mounts {@link App} into `target`. */
export function mountApp(target: HTMLElement, lab: LabClient): void {
  mount(App, { target, props: { lab } });
}
