import { describe, expect, it } from 'vitest';
import { imageFs, run } from './fixture.ts';
import FIGLET from './fixtures/figlet.json' with { type: 'json' };

// apt says it reads its state only once /var/lib/apt/extended_states exists: after the first install.
const FIRST = 'Reading package lists...\nBuilding dependency tree...\n';
const READING = `${FIRST}Reading state information...\n`;
/** dpkg's progress over one line, as apt's pty carries it (apt-fidelity.test.ts compares it with real apt). */
const DB_PROGRESS = `(Reading database ... ${Array.from({ length: 20 }, (_, i) => `\r(Reading database ... ${(i + 1) * 5}%`).join('')}\r`;

describe('apt-get on debian:bookworm', () => {
  it('finds nothing before apt-get update, then installs figlet, and figlet prints what the real one does', async () => {
    const fs = await imageFs('debian', 'bookworm');
    expect(await run(fs, ['apt-get', 'install', '-y', 'figlet'])).toEqual([100, FIRST, 'E: Unable to locate package figlet\n']);
    expect(await run(fs, ['apt-get', 'update'])).toEqual([0, [
      'Get:1 http://deb.debian.org/debian bookworm InRelease [151 kB]',
      'Get:2 http://deb.debian.org/debian bookworm-updates InRelease [55.4 kB]',
      'Get:3 http://deb.debian.org/debian-security bookworm-security InRelease [48.0 kB]',
      'Get:4 http://deb.debian.org/debian bookworm/main amd64 Packages [8792 kB]',
      'Get:5 http://deb.debian.org/debian bookworm-updates/main amd64 Packages [13.5 kB]',
      'Get:6 http://deb.debian.org/debian-security bookworm-security/main amd64 Packages [271 kB]',
      'Fetched 9331 kB in 1s (6157 kB/s)',
      'Reading package lists...',
      ''].join('\n'), '']);
    const [code, out, err] = await run(fs, ['apt-get', 'install', '-y', 'figlet']);
    expect([code, out, err]).toEqual([0, FIRST + [
      'The following NEW packages will be installed:',
      '  figlet',
      '0 upgraded, 1 newly installed, 0 to remove and 0 not upgraded.',
      'Need to get 137 kB of archives.',
      'After this operation, 757 kB of additional disk space will be used.',
      'Get:1 http://deb.debian.org/debian bookworm/main amd64 figlet amd64 2.2.5-3+b1 [137 kB]',
      'Fetched 137 kB in 0s (1352 kB/s)',
      '',
    ].join('\n') + [
      'Selecting previously unselected package figlet.',
      `${DB_PROGRESS}(Reading database ... 6089 files and directories currently installed.)`,
      'Preparing to unpack .../figlet_2.2.5-3+b1_amd64.deb ...',
      'Unpacking figlet (2.2.5-3+b1) ...',
      'Setting up figlet (2.2.5-3+b1) ...',
      'update-alternatives: using /usr/bin/figlet-figlet to provide /usr/bin/figlet (figlet) in auto mode',
      ''].join('\r\n'), 'debconf: delaying package configuration, since apt-utils is not installed\n']);
    expect(await run(fs, ['figlet', 'hello'])).toEqual([0, FIGLET.cases[0]!.stdout, '']);
    const [, list] = await run(fs, ['dpkg', '-l', 'figlet']);
    expect(list.split('\n').slice(3)).toEqual([
      '||/ Name           Version      Architecture Description',
      '+++-==============-============-============-=======================================================',
      'ii  figlet         2.2.5-3+b1   amd64        Make large character ASCII banners out of ordinary text',
      '']);
  });

  it('apt warns about its CLI and removes a package', async () => {
    const fs = await imageFs('debian', 'bookworm');
    await run(fs, ['apt-get', 'update']);
    await run(fs, ['apt-get', 'install', '-y', 'tree']);
    expect(await run(fs, ['apt', 'remove', '-y', 'tree'])).toEqual([0, READING + [
      'The following packages will be REMOVED:',
      '  tree',
      '0 upgraded, 0 newly installed, 1 to remove and 0 not upgraded.',
      'After this operation, 116 kB disk space will be freed.',
      '(Reading database ... 6103 files and directories currently installed.)',
      'Removing tree (2.1.0-1) ...',
      ''].join('\n'), '\nWARNING: apt does not have a stable CLI interface. Use with caution in scripts.\n\n']);
    await expect(run(fs, ['tree'])).rejects.toThrow('exec: "tree": executable file not found in $PATH');
  });
});
