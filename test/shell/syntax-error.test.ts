/**
 * Syntax errors as bash, dash and busybox ash word them, against what the real
 * shells printed (fixtures/syntax-errors.json, recorded by
 * record-syntax-errors.sh): each script runs as `bash -c` in debian, `sh -c`
 * (dash) in debian and `sh -c` (ash) in alpine, and a typed line in the host
 * shell is worded as interactive bash words it, without ending the session.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createSession } from '../../worker/session.ts';
import { MemoryStore } from '../../worker/store/memory-store.ts';
import { NOW, seeded } from '../containers/helpers.ts';

interface Case { shell: 'bash' | 'dash' | 'ash'; script: string; stdout: string; stderr: string; rc: number }
const fixture = JSON.parse(readFileSync(new URL('./fixtures/syntax-errors.json', import.meta.url), 'utf8')) as { cases: Case[] };

/** The script as one shell word: ANSI-C quoting when it spans lines. */
function word(script: string): string {
  return script.includes('\n') ? `$'${script.replaceAll('\\', '\\\\').replaceAll("'", "\\'").replaceAll('\n', '\\n')}'` : `'${script}'`;
}

const COMMAND = { bash: 'docker run --rm debian bash -c', dash: 'docker run --rm debian sh -c', ash: 'docker run --rm alpine sh -c' };

/** One case as a transcript block, so a mismatch shows as a readable line diff. */
const block = (c: Omit<Case, 'shell'> & { shell: string }): string => `${c.shell} -c ${JSON.stringify(c.script)}\n${c.stdout}[stderr]\n${c.stderr}[exit ${c.rc}]\n`;

describe('syntax errors', () => {
  it('are worded as each real shell words them, exit 2', async () => {
    const s = await createSession({ store: new MemoryStore(), preload: ['alpine', 'debian'], clock: () => NOW, random: seeded(5) });
    const actual: string[] = [];
    for (const c of fixture.cases) {
      const r = await s.runLine(`${COMMAND[c.shell]} ${word(c.script)}`);
      actual.push(block({ shell: c.shell, script: c.script, stdout: r.stdout, stderr: r.stderr, rc: r.rc }));
    }
    expect(actual.join('\n')).toEqual(fixture.cases.map(block).join('\n'));
  }, 120_000);

  it('in the host shell, bash -c and sh -c (Debian: dash) word them as the real shells do', async () => {
    const s = await createSession({ store: new MemoryStore(), clock: () => NOW, random: seeded(5) });
    const cases = fixture.cases.filter((c) => c.shell !== 'ash');
    const actual: string[] = [];
    for (const c of cases) {
      const r = await s.runLine(`${c.shell === 'bash' ? 'bash' : 'sh'} -c ${word(c.script)}`);
      actual.push(block({ shell: c.shell, script: c.script, stdout: r.stdout, stderr: r.stderr, rc: r.rc }));
    }
    expect(actual.join('\n')).toEqual(cases.map(block).join('\n'));
  });

  it('typed in the host shell: interactive bash wording, and the shell goes on with its state', async () => {
    const s = await createSession({ store: new MemoryStore(), clock: () => NOW, random: seeded(5) });
    const lines = ['X=1', 'echo 5.1(1)', 'echo $? $X', 'echo )', 'echo after $? $X'];
    const out: string[] = [];
    for (const line of lines) {
      const r = await s.runLine(line);
      out.push(`$ ${line}\n${r.stdout}${r.stderr}[exit ${r.rc}]`);
    }
    // Recorded from bash 5.2.15 on a terminal (`bash -i`).
    expect(out.join('\n')).toBe(
      [
        '$ X=1\n[exit 0]',
        "$ echo 5.1(1)\nbash: syntax error near unexpected token `('\n[exit 2]",
        '$ echo $? $X\n2 1\n[exit 0]',
        "$ echo )\nbash: syntax error near unexpected token `)'\n[exit 2]",
        '$ echo after $? $X\nafter 2 1\n[exit 0]',
      ].join('\n'),
    );
  });

  it('bash --version and $BASH_VERSION name the bash each system has', async () => {
    const s = await createSession({ store: new MemoryStore(), preload: ['alpine', 'ubuntu'], clock: () => NOW, random: seeded(5) });
    const text = (v: string, machine = 'x86_64-pc-linux-gnu'): string =>
      `GNU bash, version ${v} (${machine})\nCopyright (C) 2022 Free Software Foundation, Inc.\nLicense GPLv3+: GNU GPL version 3 or later <http://gnu.org/licenses/gpl.html>\n\nThis is free software; you are free to change and redistribute it.\nThere is NO WARRANTY, to the extent permitted by law.\n`;
    const run = async (line: string): Promise<string> => {
      const r = await s.runLine(line);
      return `${r.stdout}${r.stderr}[exit ${r.rc}]`;
    };
    // The host is Debian 12 (bash 5.2.15, the text recorded from it); ubuntu 24.04 has 5.2.21.
    expect(await run('bash --version')).toBe(`${text('5.2.15(1)-release')}[exit 0]`);
    expect(await run('echo $BASH_VERSION')).toBe('5.2.15(1)-release\n[exit 0]');
    expect(await run('docker run --rm ubuntu bash -c "bash --version | head -1; echo \\$BASH_VERSION"')).toBe('GNU bash, version 5.2.21(1)-release (x86_64-pc-linux-gnu)\n5.2.21(1)-release\n[exit 0]');
    // dash has no long options (recorded from dash 0.5.12); busybox ash ignores them.
    expect(await run('docker run --rm ubuntu sh --version')).toBe('sh: 0: Illegal option --\n[exit 2]');
    expect(await run('docker run --rm alpine sh --version')).toBe('[exit 0]');
  });
});
