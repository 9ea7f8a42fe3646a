import { describe, expect, it } from 'vitest';
import { startInteractive } from '../../worker/programs/process.ts';
import { imageFs, run, testSpec } from './fixture.ts';

describe('debian and ubuntu: bash', () => {
  it('prompts root@<id>:<cwd># , says command not found, and exits with its code', async () => {
    const fs = await imageFs('ubuntu');
    const sh = await startInteractive(testSpec(fs, ['/bin/bash']));
    expect(sh.prompt()).toEqual('root@3f4e8a9b1c2d:/# ');
    expect(await sh.feed('cd /tmp && pwd')).toEqual({ stdout: '/tmp\n', stderr: '' });
    expect(sh.prompt()).toEqual('root@3f4e8a9b1c2d:/tmp# ');
    expect(await sh.feed('figlet hi')).toEqual({ stdout: '', stderr: 'bash: figlet: command not found\n' });
    expect(await sh.feed('echo hello > /tmp/f; cat /tmp/f | wc -c')).toEqual({ stdout: '6\n', stderr: '' });
    expect(await sh.feed('cd ~')).toEqual({ stdout: '', stderr: '' });
    expect(sh.prompt()).toEqual('root@3f4e8a9b1c2d:~# ');
    expect(await sh.feed('\x04')).toEqual({ stdout: 'exit\n', stderr: '', exitCode: 0 });
  });

  it('bash -c runs a script; ls lists the container; hostname is the container ID', async () => {
    const fs = await imageFs('debian', 'bookworm');
    expect(await run(fs, ['bash', '-c', 'hostname; ls /home /srv; nope'])).toEqual([127, '3f4e8a9b1c2d\n/home:\n\n/srv:\n', 'bash: line 1: nope: command not found\n']);
    expect(await run(fs, ['sh', '-c', 'exit 3'])).toEqual([3, '', '']);
  });
});
