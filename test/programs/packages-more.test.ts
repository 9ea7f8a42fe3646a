import { describe, expect, it } from 'vitest';
import { imageFs, run } from './fixture.ts';

describe('package managers, more', () => {
  it('ubuntu: apt-get update fetches noble indexes, install uses noble versions', async () => {
    const fs = await imageFs('ubuntu');
    const [code, out] = await run(fs, ['apt-get', 'update']);
    expect([code, out.split('\n')[0], out.split('\n').slice(-2)]).toEqual([0, 'Get:1 http://archive.ubuntu.com/ubuntu noble InRelease [256 kB]', ['Reading package lists...', '']]);
    const [code2, out2] = await run(fs, ['apt-get', 'install', '-y', 'figlet']);
    expect([code2, out2.split(/\r?\n/).filter((l) => l.startsWith('Get:') || l.startsWith('Setting up'))]).toEqual([0, [
      'Get:1 http://archive.ubuntu.com/ubuntu noble/universe amd64 figlet amd64 2.2.5-3.2 [137 kB]',
      'Setting up figlet (2.2.5-3.2) ...',
    ]]);
  });

  it('apt-get install with dependencies lists them and asks without -y', async () => {
    const fs = await imageFs('debian', 'bookworm');
    await run(fs, ['apt-get', 'update']);
    const [code, out] = await run(fs, ['apt-get', 'install', 'jq']);
    expect([code, out.split('\n').slice(2)]).toEqual([1, [
      'The following additional packages will be installed:',
      '  libjq1 libonig5',
      'The following NEW packages will be installed:',
      '  jq libjq1 libonig5',
      '0 upgraded, 3 newly installed, 0 to remove and 0 not upgraded.',
      'Need to get 389 kB of archives.',
      'After this operation, 1170 kB of additional disk space will be used.',
      'Do you want to continue? [Y/n] Abort.',
      '']]);
    const [code2, , err2] = await run(fs, ['apt-get', 'install', '-y', 'jq']);
    expect([code2, err2]).toEqual([0, 'debconf: delaying package configuration, since apt-utils is not installed\n']);
    expect(await run(fs, ['jq', '-n', '1+1'])).toEqual([0, '2\n', '']);
  });

  it('apk info and search', async () => {
    const fs = await imageFs('alpine');
    expect(await run(fs, ['apk', 'info', 'busybox'])).toEqual([0, 'busybox-1.37.0-r18 description:\nSize optimized toolbox of many common UNIX utilities\n\nbusybox-1.37.0-r18 webpage:\nhttps://busybox.net/\n\nbusybox-1.37.0-r18 installed size:\n798 KiB\n\n', '']);
    expect(await run(fs, ['apk', 'search', 'figlet'])).toEqual([0, 'figlet-2.2.5-r3\n', '']);
  });
});
