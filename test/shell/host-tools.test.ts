import { describe, expect, it } from 'vitest';
import { HostShell } from '../../worker/shell/host-shell.ts';
import { fakeDocker } from './fake-docker.ts';

const ok = (stdout: string) => ({ stdout, stderr: '', exitCode: 0 });
const newShell = (isTTY = false) => new HostShell({ docker: fakeDocker().docker, isTTY });

// apt 2.6.1 on Debian 12: " Done" only on a terminal; `apt` warns on stderr otherwise.
const WARNING = '\nWARNING: apt does not have a stable CLI interface. Use with caution in scripts.\n\n';

describe('apt on the host', () => {
  it('says jq is already installed, as on the course machine', async () => {
    expect(await newShell(true).run('sudo apt install -y jq')).toEqual(
      ok(
        'Reading package lists... Done\n' +
          'Building dependency tree... Done\n' +
          'Reading state information... Done\n' +
          'jq is already the newest version (1.6-2.1).\n' +
          '0 upgraded, 0 newly installed, 0 to remove and 0 not upgraded.\n',
      ),
    );
  });

  it('prints progress without Done and the CLI warning when not on a terminal', async () => {
    expect(await newShell().run('sudo apt install -y jq')).toEqual({
      stdout:
        'Reading package lists...\nBuilding dependency tree...\nReading state information...\n' +
        'jq is already the newest version (1.6-2.1).\n' +
        '0 upgraded, 0 newly installed, 0 to remove and 0 not upgraded.\n',
      stderr: WARNING,
      exitCode: 0,
    });
    expect(await newShell().run('sudo apt-get install -y figlet')).toEqual({
      stdout: 'Reading package lists...\nBuilding dependency tree...\nReading state information...\n',
      stderr: 'E: Unable to locate package figlet\n',
      exitCode: 100,
    });
  });

  it('needs root', async () => {
    expect(await newShell(true).run('apt-get install jq')).toEqual({
      stdout: '',
      stderr:
        'E: Could not open lock file /var/lib/dpkg/lock-frontend - open (13: Permission denied)\n' +
        'E: Unable to acquire the dpkg frontend lock (/var/lib/dpkg/lock-frontend), are you root?\n',
      exitCode: 100,
    });
  });

  it('updates from the bookworm mirrors', async () => {
    expect(await newShell(true).run('sudo apt-get update')).toEqual(
      ok(
        'Hit:1 http://deb.debian.org/debian bookworm InRelease\n' +
          'Hit:2 http://deb.debian.org/debian bookworm-updates InRelease\n' +
          'Hit:3 http://deb.debian.org/debian-security bookworm-security InRelease\n' +
          'Reading package lists... Done\n',
      ),
    );
  });
});

describe('identity and sudo', () => {
  it('is root under sudo only', async () => {
    expect(await newShell().run('whoami; sudo whoami; sudo id; id; id -un; id -G; id -Gn; hostname; cat /etc/hostname')).toEqual(
      ok(
        'learner\nroot\nuid=0(root) gid=0(root) groups=0(root)\n' +
          'uid=1000(learner) gid=1000(learner) groups=1000(learner),27(sudo),999(docker)\n' +
          'learner\n1000 27 999\nlearner sudo docker\nlayerlab\nlayerlab\n',
      ),
    );
  });
});

describe('jq on the host', () => {
  it('pretty-prints and slices JSON', async () => {
    const shell = newShell();
    await shell.run(`echo '[{"Config":{"Cmd":["/bin/sh"],"Env":["PATH=/bin"]},"RootFS":{"Layers":["sha256:aa"]}}]' > i.json`);
    expect(await shell.run("jq '.[0].Config.Cmd' i.json")).toEqual(ok('[\n  "/bin/sh"\n]\n'));
    expect(await shell.run("cat i.json | jq -c '.[] | .RootFS.Layers'")).toEqual(ok('["sha256:aa"]\n'));
    expect(await shell.run("jq -r '.[0].Config.Env[]' < i.json")).toEqual(ok('PATH=/bin\n'));
  });

  // jq 1.6's jv_dump_term with color on: kind colors, keys 34;1, the
  // container color re-sent after each member (hence `[1;39m[1;39m]`).
  it('colors its output on a terminal, as jq 1.6 does', async () => {
    const shell = newShell(true);
    const E = '\u001b[';
    expect(await shell.run(`echo '[1,"x",null]' | jq -c .`)).toEqual(
      ok(`${E}1;39m[${E}0;39m1${E}0m${E}1;39m,${E}0;32m"x"${E}0m${E}1;39m,${E}1;30mnull${E}0m${E}1;39m${E}1;39m]${E}0m\n`),
    );
    expect(await shell.run(`echo '{"Cmd":["sh"],"On":true}' | jq`)).toEqual(
      ok(
        `${E}1;39m{\n  ${E}0m${E}34;1m"Cmd"${E}0m${E}1;39m: ${E}0m${E}1;39m[\n    ${E}0;32m"sh"${E}0m${E}1;39m\n  ${E}1;39m]${E}0m${E}1;39m,\n` +
          `  ${E}0m${E}34;1m"On"${E}0m${E}1;39m: ${E}0m${E}0;39mtrue${E}0m${E}1;39m\n${E}1;39m}${E}0m\n`,
      ),
    );
    expect(await shell.run(`echo '{"a":"s"}' | jq -r .a; echo '{"a":1}' | jq -M -c .; echo '[]' | jq . | cat`)).toEqual(ok('s\n{"a":1}\n[]\n'));
  });
});
