/**
 * `diff`: just-bash computes the differences (unified format); this prints them
 * as each family does. GNU diffutils 3.8 defaults to the normal format
 * (`1,6c1,3`, `< old`, `---`, `> new`) and names every missing operand; busybox
 * always prints unified output, headed `--- a` / `+++ b` without just-bash's
 * `====` rule and tabs, and stops at the first missing operand (`can't stat`).
 * Both exit 2 on trouble. Recorded in test/programs/fixtures/tools.json.
 */
import { runBuiltin } from '../builtins.ts';
import type { ProgramRun } from '../program.ts';
import { absolutePath } from '../resolve.ts';

const range = (from: number, count: number): string => (count === 1 ? String(from) : `${from},${from + count - 1}`);

/** Unified hunks → diff's normal format. */
export function normalFormat(unified: string): string {
  const out: string[] = [];
  let oldLine = 0;
  let newLine = 0;
  let del: string[] = [];
  let add: string[] = [];
  const flush = (): void => {
    if (del.length === 0 && add.length === 0) return;
    const oldStart = oldLine - del.length + 1;
    const newStart = newLine - add.length + 1;
    if (del.length > 0 && add.length > 0) out.push(`${range(oldStart, del.length)}c${range(newStart, add.length)}`);
    else if (del.length > 0) out.push(`${range(oldStart, del.length)}d${newLine}`);
    else out.push(`${oldLine}a${range(newStart, add.length)}`);
    out.push(...del.map((l) => `< ${l}`));
    if (del.length > 0 && add.length > 0) out.push('---');
    out.push(...add.map((l) => `> ${l}`));
    del = [];
    add = [];
  };
  for (const line of unified.split('\n')) {
    const h = /^@@ -(\d+)(?:,\d+)? \+(\d+)(?:,\d+)? @@/.exec(line);
    if (h) {
      flush();
      oldLine = Number(h[1]) - 1;
      newLine = Number(h[2]) - 1;
      // A hunk of "-0,0" starts before line 1.
      if (/^@@ -\d+,0 /.test(line)) oldLine++;
      if (/ \+\d+,0 @@/.test(line)) newLine++;
    } else if (line.startsWith('-') && !line.startsWith('---')) {
      if (add.length > 0) flush();
      del.push(line.slice(1));
      oldLine++;
    } else if (line.startsWith('+') && !line.startsWith('+++')) {
      add.push(line.slice(1));
      newLine++;
    } else if (line.startsWith(' ')) {
      flush();
      oldLine++;
      newLine++;
    }
  }
  flush();
  return out.length > 0 ? out.join('\n') + '\n' : '';
}

/** The diff program for `gnu` (diffutils) or busybox. */
export async function diff(run: ProgramRun, gnu: boolean): Promise<number> {
  const { spec } = run;
  const files = run.args.filter((a) => !a.startsWith('-') || a === '-');
  let missing = false;
  for (const f of files) {
    if (f === '-' || (await spec.fs.exists(absolutePath(spec.cwd, f)))) continue;
    spec.stderr(gnu ? `diff: ${f}: No such file or directory\n` : `diff: can't stat '${f}': No such file or directory\n`);
    missing = true;
    if (!gnu) break;
  }
  if (missing) return 2;
  let stdout = '';
  const code = await runBuiltin({ ...run, spec: { ...run.spec, stdout: (s) => { stdout += s; } } }, 'diff');
  const unified = run.args.some((a) => a === '-u' || a.startsWith('-U') || a === '--unified');
  stdout = stdout.replace(/^=+\n/m, '').replace(/^(---|\+\+\+) (.*?)\t$/gm, '$1 $2');
  spec.stdout(gnu && !unified ? normalFormat(stdout) : stdout);
  return code;
}
