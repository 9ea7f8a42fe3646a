/**
 * Reads a lessons directory from disk and compiles it (Node only: the Vite
 * plugin at build time, the tests, bin/ tools). The worker at run time gets
 * the compiled course from the virtual modules instead (vite-plugin.ts).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { compileCourse, type LessonFile } from './compile.ts';
import type { CompiledCourse } from './types.ts';

/**
 * Every `.md` file under `dir`, with paths as `lessons/…` (the directory's
 * own name is replaced by `lessons`, so a fixture course reads like the real one).
 */
export function readLessonFiles(dir: string): LessonFile[] {
  const files: LessonFile[] = [];
  const walk = (d: string): void => {
    for (const name of readdirSync(d).sort()) {
      const full = join(d, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (name.endsWith('.md') && d !== dir) files.push({ path: `lessons/${relative(dir, full).split(sep).join('/')}`, text: readFileSync(full, 'utf8') });
    }
  };
  // No lessons folder at all is an empty course (a checkout without content).
  if (existsSync(dir)) walk(dir);
  return files;
}

/** Compiles the course in `dir` (throws LessonError for a bad file). */
export function loadCourseDir(dir: string): CompiledCourse {
  return compileCourse(readLessonFiles(dir));
}
