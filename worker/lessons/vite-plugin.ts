/**
 * The course as two virtual modules, compiled from `lessons/` when the site
 * is built (and by vitest, which uses the same vite.config.ts):
 *
 * - `virtual:layerlab-course`: `export default` the {@link Course} the page
 *   draws (rendered blocks, hints, solutions, questions without answers);
 * - `virtual:layerlab-lessons`: `export default` the whole
 *   {@link CompiledCourse}, for the worker's checker and start states.
 *
 * zod, yaml and markdown-it run here, in Node, so none of them ships. A bad
 * lesson throws LessonError, which fails `vite build` with the file, line and
 * field; in the dev server, editing a lesson reloads the page.
 */
import { resolve } from 'node:path';
import type { Plugin } from 'vite';
import { loadCourseDir } from './load-dir.ts';

const COURSE = 'virtual:layerlab-course';
const LESSONS = 'virtual:layerlab-lessons';

/** The plugin; `dir` is the lessons directory (default `<root>/lessons`). */
export function layerlabCourse(opts: { dir?: string } = {}): Plugin {
  let dir = resolve(opts.dir ?? 'lessons');
  return {
    name: 'layerlab-course',
    configResolved(config) {
      dir = resolve(config.root, opts.dir ?? 'lessons');
    },
    resolveId(id) {
      if (id === COURSE || id === LESSONS) return `\0${id}`;
      return undefined;
    },
    load(id) {
      if (id !== `\0${COURSE}` && id !== `\0${LESSONS}`) return undefined;
      // Rebuilt (and re-validated) whenever a lesson file changes.
      this.addWatchFile(dir);
      const compiled = loadCourseDir(dir);
      return `export default ${JSON.stringify(id === `\0${COURSE}` ? compiled.course : compiled)};\n`;
    },
    configureServer(server) {
      server.watcher.add(dir);
      server.watcher.on('all', (_event, path) => {
        if (!resolve(path).startsWith(dir)) return;
        for (const id of [`\0${COURSE}`, `\0${LESSONS}`]) {
          const mod = server.moduleGraph.getModuleById(id);
          if (mod) server.moduleGraph.invalidateModule(mod);
        }
        server.ws.send({ type: 'full-reload' });
      });
    },
  };
}
