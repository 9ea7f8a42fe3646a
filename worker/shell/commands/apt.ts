/**
 * `apt` and `apt-get` on the learner's Debian 12 (bookworm) host. The host
 * has no network to install from, so the index holds the tools the shell
 * already provides, each "already the newest version"; anything else is
 * "Unable to locate package", exit 100, as apt says for an unknown name.
 * Output follows apt 2.6.1: progress lines end in " Done" only on a terminal,
 * and `apt` warns on stderr when its output is not a terminal.
 */
import type { Command, ExecResult } from 'just-bash';
import { isRoot } from './identity.ts';
import { text } from './types.ts';
import type { JustBash, LineHooks } from './types.ts';

/** Installed packages and their bookworm versions (`dpkg-query -W`). */
export const INSTALLED: Readonly<Record<string, string>> = {
  jq: '1.6-2.1',
  curl: '7.88.1-10+deb12u12',
  tar: '1.34+dfsg-1.2+deb12u1',
  gzip: '1.12-1',
  grep: '3.8-5',
  sed: '4.9-1',
  gawk: '1:5.2.1-2',
  coreutils: '9.1-1',
  findutils: '4.9.0-4',
  diffutils: '1:3.8-4',
  bash: '5.2.15-2+b7',
  sudo: '1.9.13p3-1+deb12u1',
  'docker-ce-cli': '5:28.5.1-1~debian.12~bookworm',
};

const LOCK = `E: Could not open lock file /var/lib/dpkg/lock-frontend - open (13: Permission denied)
E: Unable to acquire the dpkg frontend lock (/var/lib/dpkg/lock-frontend), are you root?
`;
const LIST_LOCK = `E: Could not open lock file /var/lib/apt/lists/lock - open (13: Permission denied)
E: Unable to lock directory /var/lib/apt/lists/
`;
const WARNING = '\nWARNING: apt does not have a stable CLI interface. Use with caution in scripts.\n\n';
const HITS = `Hit:1 http://deb.debian.org/debian bookworm InRelease
Hit:2 http://deb.debian.org/debian bookworm-updates InRelease
Hit:3 http://deb.debian.org/debian-security bookworm-security InRelease
`;

/** Runs `apt`/`apt-get` with `args`; exported for tests of the text. */
export function apt(name: 'apt' | 'apt-get', args: string[], root: boolean, tty: boolean): ExecResult {
  const done = tty ? ' Done' : '';
  const warn = name === 'apt' && !tty ? WARNING : '';
  const reading = `Reading package lists...${done}\n`;
  const tree = `${reading}Building dependency tree...${done}\nReading state information...${done}\n`;
  const words = args.filter((a) => !a.startsWith('-'));
  const verb = words[0];
  if (verb === undefined) {
    return name === 'apt'
      ? text('apt 2.6.1 (amd64)\nUsage: apt [options] command\n', '', 1)
      : text('apt 2.6.1 (amd64)\nUsage: apt-get [options] command\n', '', 1);
  }
  if (verb === 'update') {
    if (!root) return text('', warn + LIST_LOCK, 100);
    const tail = name === 'apt' ? `${tree}All packages are up to date.\n` : reading;
    return text(HITS + tail, warn);
  }
  if (verb === 'install' || verb === 'reinstall') {
    if (!root) return text('', warn + LOCK, 100);
    const pkgs = words.slice(1);
    const missing = pkgs.find((p) => INSTALLED[p.replace(/=.*$/, '')] === undefined);
    if (missing !== undefined) return text(tree, `${warn}E: Unable to locate package ${missing}\n`, 100);
    const lines = pkgs.map((p) => `${p} is already the newest version (${INSTALLED[p]}).\n`).join('');
    return text(`${tree}${lines}0 upgraded, 0 newly installed, 0 to remove and 0 not upgraded.\n`, warn);
  }
  return text('', `${warn}E: Invalid operation ${verb}\n`, 100);
}

/** The `apt` and `apt-get` commands. */
export function aptCommands(jb: JustBash, hooks: LineHooks): Command[] {
  return (['apt', 'apt-get'] as const).map((name) =>
    jb.defineCommand(name, async (args, ctx) => apt(name, args, isRoot(ctx.env), hooks.isTTY(name))),
  );
}
