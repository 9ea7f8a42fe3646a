/**
 * `docker info --format` against the real CLI (fixtures-info-format.json,
 * recorded from CLI 28.2.2 against Engine 26.1.5 by the command its meta
 * names): the same keys in the same order, the client block last, template
 * errors as info.go reports them, and host-independent values whole.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { cli } from './harness.ts';

const recorded = JSON.parse(readFileSync(new URL('./fixtures-info-format.json', import.meta.url), 'utf8')) as {
  keys: string[];
  clientInfoKeys: string[];
  cases: Array<{ format: string; stdout: string; stderr: string; rc: number }>;
};

describe('docker info --format, as recorded from the real CLI', () => {
  it('{{json .}} has the daemon Info keys in order, then ClientInfo', async () => {
    const { run } = await cli();
    const r = await run(['info', '--format', '{{json .}}']);
    const info = JSON.parse(r.stdout) as Record<string, unknown> & { ClientInfo: Record<string, unknown> };
    expect([Object.keys(info), Object.keys(info.ClientInfo), r.stderr, r.rc]).toEqual([recorded.keys, recorded.clientInfoKeys, '', 0]);
  });
  for (const c of recorded.cases) {
    it(c.format, async () => {
      const { run } = await cli();
      expect(await run(['info', '--format', c.format])).toEqual({ stdout: c.stdout, stderr: c.stderr, rc: c.rc });
    });
  }
  it('counts come from the lab', async () => {
    const { run } = await cli();
    await run('pull alpine');
    await run('create --name one alpine');
    expect(await run(['info', '--format', '{{.Images}} {{.Containers}} {{.ContainersStopped}} {{.ContainersRunning}}'])).toEqual({ stdout: '1 1 1 0\n', stderr: '', rc: 0 });
  });
});
