/**
 * An interactive terminal session inside a container: the shell `docker run -it` or
 * `docker exec -it` started, plus the shells typed at its prompt (`bash` after
 * `apk add bash`, `sh` inside bash), each until its `exit` or Ctrl-D, as on a terminal.
 * Its state (each shell's variables, directory and `$?`) can be taken between lines and
 * given to a new session over the same files: how the page comes back after a reload.
 */
import type { InteractiveProcess, ProcessSpec } from '../process.ts';
import { lookPath } from '../resolve.ts';
import { shellFlavor } from '../run.ts';
import { ContainerShell } from './container-shell.ts';

/** Opens the session with `first` as its outermost shell. */
export function interactiveSession(spec: ProcessSpec, first: ContainerShell): InteractiveProcess {
  let stack: ContainerShell[] = [first];
  const top = (): ContainerShell => stack[stack.length - 1]!;
  // A nested shell ending returns to the one below; only the outermost ends the process.
  const ended = (r: { stdout: string; stderr: string; exitCode: number }): { stdout: string; stderr: string; exitCode?: number } => {
    stack.pop();
    if (stack.length === 0) return r;
    top().setStatus(r.exitCode);
    return { stdout: r.stdout, stderr: r.stderr };
  };
  return {
    prompt: () => top().prompt(),
    interrupt: () => top().interrupt(),
    feed: async (line) => {
      if (line === '\x04') return ended(await top().eof());
      const word = line.trim();
      if (/^[\w./-]+$/.test(word)) {
        const shell = top();
        const found = await lookPath(spec.fs, word, shell.env.PATH, shell.cwd);
        const flavor = 'missing' in found ? undefined : shellFlavor(found, word);
        if (flavor) {
          stack.push(new ContainerShell({ ...spec, env: shell.env, cwd: shell.cwd }, flavor, word));
          await top().ready();
          return { stdout: '', stderr: '' };
        }
      }
      const r = await top().interactiveLine(line);
      return r.exitCode === undefined ? r : ended({ ...r, exitCode: r.exitCode });
    },
    state: () => ({ shells: stack.map((sh) => sh.snapshot()) }),
    async restore(state) {
      const shells: ContainerShell[] = [];
      for (const saved of state.shells) {
        // A nested shell comes back only if its program is still there (`apk del bash` then a reload).
        if (shells.length > 0) {
          const found = await lookPath(spec.fs, saved.arg0, shells[shells.length - 1]!.env.PATH, saved.cwd);
          if ('missing' in found || shellFlavor(found, saved.arg0) !== saved.flavor) return false;
        }
        const sh = new ContainerShell({ ...spec, env: saved.env, cwd: saved.cwd }, saved.flavor, saved.arg0);
        sh.setStatus(saved.status);
        await sh.ready();
        shells.push(sh);
      }
      if (shells.length === 0) return false;
      stack = shells;
      return true;
    },
  };
}
