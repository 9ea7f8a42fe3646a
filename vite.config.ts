import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { layerlabCourse } from './worker/lessons/vite-plugin.ts';

/**
 * Writes the precache manifest into dist/sw.js (public/sw.js) once the whole
 * build, worker chunks included, is on disk: every file but source maps and
 * the service worker itself, plus a hash of their contents as the cache
 * version, so the page works offline after its first load.
 */
function precacheManifest(): Plugin {
  let outDir = 'dist';
  return {
    name: 'layerlab-precache',
    apply: 'build',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    closeBundle() {
      const sw = join(outDir, 'sw.js');
      // Also called for the worker's sub-build and after a failed build: nothing to do then.
      if (!existsSync(sw)) return;
      const text = readFileSync(sw, 'utf8');
      const token = "/*PRECACHE*/ { version: 'dev', files: [] }";
      if (!text.includes(token)) return;
      const walk = (dir: string): string[] =>
        readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]));
      const files = walk(outDir)
        .map((f) => relative(outDir, f).split('\\').join('/'))
        .filter((f) => f !== 'sw.js' && !f.endsWith('.map'))
        .sort();
      const hash = createHash('sha256');
      for (const f of files) hash.update(f).update(readFileSync(join(outDir, f)));
      const manifest = JSON.stringify({ version: hash.digest('hex').slice(0, 12), files });
      writeFileSync(sw, text.replace(token, manifest));
    },
  };
}

/**
 * One config for the app (vite build → dist/, a static site) and the unit
 * suites (vitest). Relative base so dist/ works from any static file server
 * and any sub-path.
 */
export default defineConfig({
  base: './',
  // The course is compiled (and validated) at build time, for the page and the worker alike.
  plugins: [svelte(), layerlabCourse(), precacheManifest()],
  worker: { format: 'es', plugins: () => [layerlabCourse()] },
  build: { target: 'es2022', sourcemap: true },
  test: {
    include: ['test/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    pool: 'forks',
  },
});
