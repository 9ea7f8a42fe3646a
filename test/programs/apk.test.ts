import { describe, expect, it } from 'vitest';
import { startInteractive } from '../../worker/programs/process.ts';
import { imageFs, run, testSpec } from './fixture.ts';

describe('apk', () => {
  it('apk add bash installs bash and its libraries; bash then runs', async () => {
    const fs = await imageFs('alpine');
    expect(await run(fs, ['apk', 'add', 'bash'])).toEqual([0, [
      'fetch https://dl-cdn.alpinelinux.org/alpine/v3.22/main/x86_64/APKINDEX.tar.gz',
      'fetch https://dl-cdn.alpinelinux.org/alpine/v3.22/community/x86_64/APKINDEX.tar.gz',
      '(1/4) Installing ncurses-terminfo-base (6.5_p20250503-r0)',
      '(2/4) Installing libncursesw (6.5_p20250503-r0)',
      '(3/4) Installing readline (8.2.13-r1)',
      '(4/4) Installing bash (5.2.37-r0)',
      '  Executing bash-5.2.37-r0.post-install',
      'Executing busybox-1.37.0-r18.trigger',
      'OK: 9 MiB in 20 packages',
      ''].join('\n'), '']);
    const [, list] = await run(fs, ['apk', 'info']);
    expect(list.split('\n').slice(-5)).toEqual(['ncurses-terminfo-base', 'libncursesw', 'readline', 'bash', '']);
    const sh = await startInteractive(testSpec(fs, ['/bin/bash']));
    expect(sh.prompt()).toEqual('bash-5.2# ');
    expect(await sh.feed('echo $((6*7))')).toEqual({ stdout: '42\n', stderr: '' });
    expect(await run(fs, ['apk', 'add', 'nosuch'])).toEqual([1, 'fetch https://dl-cdn.alpinelinux.org/alpine/v3.22/main/x86_64/APKINDEX.tar.gz\nfetch https://dl-cdn.alpinelinux.org/alpine/v3.22/community/x86_64/APKINDEX.tar.gz\n', 'ERROR: unable to select packages:\n  nosuch (no such package):\n    required by: world[nosuch]\n']);
  });

  it("apk add in a container replaces busybox's applet link with the package's file instead of writing through it", async () => {
    const { createSession } = await import('../../worker/session.ts');
    const { MemoryStore } = await import('../../worker/store/memory-store.ts');
    const s = await createSession({ store: new MemoryStore(), preload: ['alpine'] });
    const r = await s.runLine(`docker run --rm alpine sh -c 'apk add tree >/dev/null; ls -l /usr/bin/tree | cut -c1-10; md5sum /bin/busybox | cut -c1-32; ls /etc/apk/world'`);
    const before = await s.runLine(`docker run --rm alpine sh -c 'md5sum /bin/busybox | cut -c1-32'`);
    expect(r.stdout).toBe(`-rwxr-xr-x\n${before.stdout}/etc/apk/world\n`);
  });

  it('apk update, then apk del removes what add brought', async () => {
    const fs = await imageFs('alpine');
    expect(await run(fs, ['apk', 'update'])).toEqual([0, 'fetch https://dl-cdn.alpinelinux.org/alpine/v3.22/main/x86_64/APKINDEX.tar.gz\nfetch https://dl-cdn.alpinelinux.org/alpine/v3.22/community/x86_64/APKINDEX.tar.gz\nv3.22.1-88-g1a5bc0a3f7e [https://dl-cdn.alpinelinux.org/alpine/v3.22/main]\nv3.22.1-89-gb2e9f3b4a72 [https://dl-cdn.alpinelinux.org/alpine/v3.22/community]\nOK: 26326 distinct packages available\n', '']);
    await run(fs, ['apk', 'add', 'figlet']);
    expect(await run(fs, ['figlet', 'hi'])).toEqual([0, ' _     _ \n| |__ (_)\n| \'_ \\| |\n| | | | |\n|_| |_|_|\n         \n', '']);
    expect(await run(fs, ['apk', 'del', 'figlet'])).toEqual([0, '(1/1) Purging figlet (2.2.5-r3)\nExecuting busybox-1.37.0-r18.trigger\nOK: 7 MiB in 16 packages\n', '']);
    expect(await fs.exists('/usr/bin/figlet')).toEqual(false);
  });
});

describe('apk from a shell with many arguments', () => {
  it('passes more than nine arguments to /sbin/apk', async () => {
    const fs = await imageFs('alpine');
    const [code, out, err] = await run(fs, ['sh', '-c', 'apk add --no-cache tree jq curl nano bash git figlet vim python3 nodejs npm >/dev/null && apk info | tail -3']);
    expect([code, out, err]).toEqual([0, 'simdutf\nnodejs\nnpm\n', '']);
  });
});
