/**
 * The five chapters, typed into the built page as a learner types them
 * (test/chapters/flows/*.txt, keystroke by keystroke, `docker run -it` and
 * `exit` included), each line's output read from xterm's buffer and compared
 * whole with what `bin/layerlab exec --json` prints for the same lines
 * (test/chapters/compare.ts says what is normalised, and why).
 *
 * A line that differs in the page is a bug of the page. The ones already
 * filed are listed in KNOWN_FAILURES below with their issue; the test prints
 * each one it meets, fails on any other difference, and fails too when a
 * listed one no longer differs, so the list cannot go stale.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openLab, settle, type, useBrowser } from './harness.ts';
import { execFlow, loadFlows, type ExecRecord } from '../chapters/flows.ts';
import { compareLine, type Difference } from '../chapters/compare.ts';

/**
 * Lines known to differ in the page, by flow and command, with the issue
 * they belong to. Drop an entry once its fix is merged: the test then fails
 * while the entry stays.
 */
const KNOWN_FAILURES: { flow: string; cmd: string; why: string }[] = [];

const ARTIFACTS = resolve(import.meta.dirname, '../artifacts');
const ctx = useBrowser({ beforeAll, afterAll });

/** A prompt at the end of the terminal's last line: the host's, alpine's sh, bash's default, ubuntu's. */
const PROMPT = /(?:[\w.-]+@[\w.-]+:\S*[$#]|\/\S* #|~ #|bash-\d+\.\d+[$#])$/;

/** Types one line as keystrokes and returns the lines it printed (between the command and the next prompt). */
async function typeLine(page: Page, line: string): Promise<{ echoed: boolean; output: string[] }> {
  const id = await page.evaluate(() => window.__layerlab!.mark());
  await type(page, line);
  await page.keyboard.press('Enter');
  await settle(page);
  const shown = await page.evaluate((i) => window.__layerlab!.since(i), id);
  if (shown === undefined) throw new Error(`the output of \`${line}\` is longer than the scrollback`);
  const last = shown.at(-1)!;
  const prompt = PROMPT.exec(last);
  if (shown.length < 2 || prompt === null) return { echoed: shown[0]!.endsWith(line), output: shown.slice(1) };
  const tail = last.slice(0, prompt.index);
  return { echoed: shown[0]!.endsWith(line), output: [...shown.slice(1, -1), ...(tail === '' ? [] : [tail])] };
}

describe('the chapters typed into the page print what exec --json prints', () => {
  for (const flow of loadFlows()) {
    it(flow.name, async () => {
      const records: ExecRecord[] = await execFlow(flow);
      expect(records.map((r) => r.cmd)).toEqual(flow.lines.map((l) => l.line));
      const context = await ctx.browser.newContext({ viewport: { width: 1280, height: 800 } });
      const page = await context.newPage();
      await openLab(page, ctx.url);
      const differences: Difference[] = [];
      for (const [i, { line }] of flow.lines.entries()) {
        const { echoed, output } = await typeLine(page, line);
        const diff = compareLine(records[i]!, output);
        if (!echoed) differences.push({ cmd: line, expected: ['(the typed line echoed after the prompt)'], shown: output });
        else if (diff) differences.push(diff);
      }
      await context.close();
      // The whole comparison, for reading when the test fails (test/artifacts is not committed).
      mkdirSync(ARTIFACTS, { recursive: true });
      writeFileSync(resolve(ARTIFACTS, `chapter-${flow.name}.json`), JSON.stringify(differences, null, 1));
      const known = KNOWN_FAILURES.filter((k) => k.flow === flow.name);
      const met = differences.filter((d) => known.some((k) => k.cmd === d.cmd));
      for (const d of met) {
        const why = known.find((k) => k.cmd === d.cmd)!.why;
        console.warn(`KNOWN FAILURE (issue 8: ${why}) in ${flow.name}: ${d.cmd}\n  exec --json: ${JSON.stringify(d.expected)}\n  page:        ${JSON.stringify(d.shown)}`);
      }
      expect(differences.filter((d) => !met.includes(d))).toEqual([]);
      // A listed failure that no longer happens: the fix is in, drop the entry.
      expect(known.filter((k) => !met.some((d) => d.cmd === k.cmd)).map((k) => k.cmd)).toEqual([]);
    }, 600_000);
  }
});
