/**
 * `sudo CMD ...`: runs CMD as root without a password, as on a lab machine
 * with NOPASSWD sudo. The words are re-quoted and run through the shell again
 * so that aliases of the target are not expanded (like real sudo, which execs
 * the program directly) but builtins and our commands are found.
 */
import { latin1FromBytes } from '../bytes.ts';
import type { Command } from 'just-bash';
import { shellQuote, text } from './types.ts';
import type { JustBash } from './types.ts';

// sudo 1.9.13 (Debian 12) `sudo` with no arguments: usage on stderr, exit 1.
const USAGE = `usage: sudo -h | -K | -k | -V
usage: sudo -v [-ABkNnS] [-g group] [-h host] [-p prompt] [-u user]
usage: sudo -l [-ABkNnS] [-g group] [-h host] [-p prompt] [-U user]
            [-u user] [command [arg ...]]
usage: sudo [-ABbEHkNnPS] [-r role] [-t type] [-C num] [-D directory]
            [-g group] [-h host] [-p prompt] [-R directory] [-T timeout]
            [-u user] [VAR=value] [-i | -s] [command [arg ...]]
usage: sudo -e [-ABkNnS] [-r role] [-t type] [-C num] [-D directory]
            [-g group] [-h host] [-p prompt] [-R directory] [-T timeout]
            [-u user] file ...
`;

/** The `sudo` command. */
export function sudoCommand(jb: JustBash): Command[] {
  const sudo = jb.defineCommand('sudo', async (args, ctx) => {
    let i = 0;
    // Options that do not change what runs here (no password, one user).
    while (i < args.length && /^-[AEHSbknP]+$/.test(args[i]!)) i++;
    if (args[i] === '--') i++;
    const words = args.slice(i);
    if (words.length === 0) return text('', USAGE, 1);
    if (!ctx.exec) return text('', 'sudo: unable to execute command\n', 1);
    // sudo 1.9 sets these for the command; as assignments before the words
    // they are exported to it, as execve would pass them.
    const user = ctx.env.get('USER') ?? 'learner';
    const prefix = `USER=root LOGNAME=root SUDO_USER=${shellQuote(user)} SUDO_UID=1000 SUDO_GID=1000 `;
    const stdin = latin1FromBytes(ctx.stdin);
    return ctx.exec(prefix + words.map(shellQuote).join(' '), { cwd: ctx.cwd, stdin, stdinKind: 'bytes' });
  });
  return [sudo];
}
