/**
 * `hostname`, `whoami` and `id` for the learner's machine. just-bash answers
 * `localhost` and `user`; the host of design.md §5 is `learner@layerlab`.
 * Under `sudo` (which sets SUDO_USER, as sudo 1.9 does) the user is root.
 */
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
  // GNU coreutils 9.1 `id` format; the learner is in sudo (27) and docker
  // (999) like the user of a Docker-ready Debian 12 host.
  const id = jb.defineCommand('id', async (_args, ctx) =>
    text(
      isRoot(ctx.env)
        ? 'uid=0(root) gid=0(root) groups=0(root)\n'
        : 'uid=1000(learner) gid=1000(learner) groups=1000(learner),27(sudo),999(docker)\n',
    ),
  );
  return [hostname, whoami, id];
}
