import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** Svelte 5 with TypeScript in components, preprocessed by Vite. */
export default {
  preprocess: vitePreprocess(),
};
