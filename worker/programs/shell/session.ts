/**
 * An interactive terminal session inside a container: the shell `docker run -it` or
 * `docker exec -it` started, plus the shells typed at its prompt (`bash` after
 * `apk add bash`, `sh` inside bash), each until its `exit` or Ctrl-D, as on a terminal.
 */
import type { InteractiveProcess, ProcessSpec } from '../process.ts';
import { lookPath } from '../resolve.ts';
import { shellFlavor } from '../run.ts';
import { ContainerShell } from './container-shell.ts';

/** Opens the session with `first` as its outermost shell. */
export function interactiveSession(spec: ProcessSpec, first: ContainerShell): InteractiveProcess {
  const stack: ContainerShell[] = [first];
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
  };
}
