/**
 * `hostname`, `whoami` and `id` for the learner's machine. just-bash answers
 * `localhost` and `user`; the host of design.md §5 is `learner@layerlab`.
 * Under `sudo` (which sets SUDO_USER, as sudo 1.9 does) the user is root.
 */
import { ENGINE_VERSION } from '../../engine/version.ts';
import type { Command } from 'just-bash';
import { text } from './types.ts';
import type { JustBash } from './types.ts';

/** Name and ids of the learner's account. */
export const LEARNER = { user: 'learner', uid: 1000, gid: 1000, host: 'layerlab', home: '/home/learner' } as const;

/** Whether the command runs under `sudo`. */
export function isRoot(env: Map<string, string>): boolean {
  return env.get('SUDO_USER') !== undefined && env.get('USER') === 'root';
}

/** The identity commands. */
export function identityCommands(jb: JustBash): Command[] {
  const hostname = jb.defineCommand('hostname', async () => text(`${LEARNER.host}\n`));
  const whoami = jb.defineCommand('whoami', async (_args, ctx) =>
    text(`${isRoot(ctx.env) ? 'root' : LEARNER.user}\n`),
  );
  // GNU coreutils 9.1 `id`: the full line, or -u/-g/-G with -n for names.
  const id = jb.defineCommand('id', async (args, ctx) => {
    const root = isRoot(ctx.env);
    const flags = args.filter((a) => a.startsWith('-')).join('').replaceAll('-', '');
    const user = root ? { n: 'root', id: 0 } : { n: LEARNER.user, id: LEARNER.uid };
    const groups = root ? [{ n: 'root', id: 0 }] : [{ n: LEARNER.user, id: LEARNER.gid }, { n: 'sudo', id: 27 }, { n: 'docker', id: 999 }];
    const show = (g: { n: string; id: number }) => (flags.includes('n') ? g.n : String(g.id));
    if (flags.includes('u')) return text(`${show(user)}\n`);
    if (flags.includes('G')) return text(`${groups.map(show).join(' ')}\n`);
    if (flags.includes('g')) return text(`${show(groups[0]!)}\n`);
    const list = groups.map((g) => `${g.id}(${g.n})`).join(',');
    return text(`uid=${user.id}(${user.n}) gid=${groups[0]!.id}(${groups[0]!.n}) groups=${list}\n`);
  });
  // Debian 12.8's kernel on amd64: the engine's too (containers share the host's kernel).
  const uname = jb.defineCommand('uname', async (args) => {
    const fields: Record<string, string> = {
      s: 'Linux', n: LEARNER.host, r: ENGINE_VERSION.kernel, v: ENGINE_VERSION.kernelBuild, m: 'x86_64', o: 'GNU/Linux',
    };
    const flags = args.join('').replaceAll('-', '');
    const wanted = flags.includes('a') ? 'snrvmo' : flags === '' ? 's' : 'snrvmo'.split('').filter((f) => flags.includes(f)).join('');
    return text(`${wanted.split('').map((f) => fields[f]).join(' ')}\n`);
  });
  return [hostname, whoami, id, uname];
}
