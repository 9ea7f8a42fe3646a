import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { renderFiglet } from '../../worker/programs/apps/figlet.ts';
import FIXTURE from './fixtures/figlet.json' with { type: 'json' };

describe('figlet renders exactly as figlet 2.2.5', () => {
  it('matches every recorded output (record-figlet.mts)', async () => {
    const got = [];
    for (const c of FIXTURE.cases) got.push({ ...c, stdout: await renderFiglet(c.text, c.font) });
    expect(got).toEqual(FIXTURE.cases);
  });

  it('matches the real binary on this machine (Debian figlet, installed by scripts/ensure-system.sh)', async () => {
    const real = execFileSync('/usr/bin/figlet', ['hello'], { encoding: 'utf8' });
    expect(await renderFiglet('hello')).toEqual(real);
  });
});
