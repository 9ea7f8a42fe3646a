/**
 * A legacy build (`DOCKER_BUILDKIT=0 docker build`, chapter 004) shows in
 * the page what `bin/layerlab exec --json` prints for the same lines: the
 * same rows, no blank line after each step. Its output streams to the
 * terminal as the daemon writes it, through moby's JSONMessage rendering
 * for a terminal (worker/cli/jsonmessage.ts), which once added a line break
 * to every stream message that already carried its own.
 */
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openLab, run, screen, useBrowser } from './harness.ts';

const ctx = useBrowser({ beforeAll, afterAll });
const BIN = resolve(import.meta.dirname, '../../bin/layerlab');

const SETUP = ['docker pull -q alpine:3.21', `mkdir app && cd app && printf 'FROM alpine:3.21\\nCOPY . /app\\nRUN echo hi\\nCMD ["sh"]\\n' > Dockerfile`];
const BUILD = 'DOCKER_BUILDKIT=0 docker build -t hello:v0.1 .';

/** Output as a terminal shows it: one row per line, a carriage return at a line's end drawing nothing. IDs vary between runs. */
function rows(text: string): string[] {
  const lines = text.split('\n').map((l) => l.replace(/\r+$/, ''));
  if (lines.at(-1) === '') lines.pop();
  return lines.map(normalize);
}

/** Runs `lines` through `bin/layerlab exec --json`, on its own fresh state. */
function execJson(lines: string[]): Promise<Array<{ cmd: string; stdout: string; stderr: string; rc: number }>> {
  return new Promise((ok, fail) => {
    const child = spawn(BIN, ['exec', '--json'], { stdio: ['pipe', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.once('error', fail);
    child.once('exit', (code) => (code === 0 ? ok(JSON.parse(out)) : fail(new Error(`bin/layerlab exited ${code}`))));
    child.stdin.end(lines.map((l) => `${l}\n`).join(''));
  });
}

function normalize(line: string): string {
  return line.replace(/\b[0-9a-f]{12}\b/g, '<id>');
}

describe('a legacy build in the page', () => {
  it('shows what exec --json prints', async () => {
    const results = await execJson([...SETUP, BUILD]);
    const exec = results.find((r) => r.cmd === BUILD)!;
    expect(exec.rc).toEqual(0);

    const page = await ctx.browser.newPage({ viewport: { width: 1280, height: 800 } });
    await openLab(page, ctx.url);
    for (const line of SETUP) await run(page, line);
    await run(page, BUILD);
    const lines = await screen(page);
    const from = lines.lastIndexOf(`learner@layerlab:~/app$ ${BUILD}`);
    const shown = lines.slice(from + 1, -1).map(normalize);
    // The deprecation notice goes to stderr before the build starts, so the terminal shows it first.
    expect(shown).toEqual([...rows(exec.stderr), ...rows(exec.stdout)]);
    expect(shown.filter((l) => l.startsWith('Step '))).toEqual(['Step 1/4 : FROM alpine:3.21', 'Step 2/4 : COPY . /app', 'Step 3/4 : RUN echo hi', 'Step 4/4 : CMD ["sh"]']);
    await page.close();
  });
});
