/**
 * `docker version --format` against the real CLI: fixtures-version-format.json
 * was recorded from docker CLI 28.2.2 against Engine 26.1.5 (the oracle of
 * docs/oracle.md). The recording's release facts are mapped to the simulated
 * 28.5.1 install's (and Debian's unnamed platform to Docker's packages'
 * "Docker Engine - Community"); everything else must match whole.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { cli } from './harness.ts';
import { CLIENT_VERSION } from '../../worker/cli/client-version.ts';
import { ENGINE_VERSION, ansic } from '../../worker/engine/version.ts';

const recorded = JSON.parse(readFileSync(new URL('./fixtures-version-format.json', import.meta.url), 'utf8')) as {
  cases: Array<{ format: string; stdout: string; stderr: string; rc: number }>;
};

const e = ENGINE_VERSION;
const MAP: Array<[string, string]> = [
  ['"Client":{"Version"', '"Client":{"Platform":{"Name":"Docker Engine - Community"},"Version"'],
  ['"Platform":{"Name":""}', '"Platform":{"Name":"Docker Engine - Community"}'],
  ['"ApiVersion":"1.45","DefaultAPIVersion":"1.50"', `"ApiVersion":"${CLIENT_VERSION.api}","DefaultAPIVersion":"${CLIENT_VERSION.api}"`],
  ['28.2.2', CLIENT_VERSION.version], ['e6534b4', CLIENT_VERSION.gitCommit], ['go1.24.3', CLIENT_VERSION.goVersion],
  ['Fri May 30 12:07:14 2025', ansic(CLIENT_VERSION.buildTime)],
  ['26.1.5+dfsg1', e.version], ['1.45', e.api], ['411e817', e.gitCommit], ['go1.24.4', e.goVersion],
  ['Thu Aug 13 05:35:48 2026', ansic(e.buildTime)], ['2026-08-13T05:35:48.000000000+00:00', e.buildTime], ['6.18.44-fc-v1252', e.kernel],
  ['1.7.24~ds1-6+deb13u1', e.containerd.commit], ['1.7.24~ds1', e.containerd.version],
  ['1.1.5+ds1-1+deb12u1', e.runc.commit], ['1.1.5+ds1', e.runc.version],
  ['"Name":"docker-init","Version":"0.19.0","Details":{"GitCommit":""}', `"Name":"docker-init","Version":"0.19.0","Details":{"GitCommit":"${e.init.commit}"}`],
  ['{docker-init 0.19.0 map[GitCommit:]}', `{docker-init 0.19.0 map[GitCommit:${e.init.commit}]}`],
];
const simulated = (s: string): string => MAP.reduce((acc, [from, to]) => acc.split(from).join(to), s);

describe('docker version --format, as recorded from the real CLI', () => {
  for (const c of recorded.cases) {
    it(c.format, async () => {
      const { run } = await cli();
      expect(await run(['version', '--format', c.format])).toEqual({ stdout: simulated(c.stdout), stderr: c.stderr, rc: c.rc });
    });
  }
});
