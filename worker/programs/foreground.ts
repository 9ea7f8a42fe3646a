/**
 * `docker run -it image program` for a program that is not a shell or an interpreter
 * prompt (`-it ubuntu figlet hi`, `-it alpine top`): the program runs at once, writing
 * to the terminal as it goes; typed lines are its stdin, Ctrl-D ends that input,
 * Ctrl-C sends SIGINT. The session reports the exit status on the next line typed
 * after the program ended (the terminal has no other way to hear from it).
 */
import type { InteractiveProcess, ProcessSpec } from './process.ts';
import type { Resolved } from './resolve.ts';
import { execResolved } from './run.ts';

/**
 * Runs `found` as a foreground program behind an InteractiveProcess. Resolves once the
 * program has ended or had a moment to start, so a quick program's output belongs to
 * the `docker run -it` line itself.
 */
export async function programSession(spec: ProcessSpec, found: Resolved): Promise<InteractiveProcess> {
  const queue: Array<string | null> = [];
  let wake: ((v: string | null) => void) | undefined;
  const stdin = {
    read: (): Promise<string | null> => {
      if (queue.length > 0) return Promise.resolve(queue.shift()!);
      return new Promise<string | null>((resolve) => (wake = resolve));
    },
  };
  const deliver = (v: string | null): void => {
    if (wake) {
      const w = wake;
      wake = undefined;
      w(v);
    } else queue.push(v);
  };
  const ctl = new AbortController();
  spec.signal.addEventListener('abort', () => ctl.abort(spec.signal.reason), { once: true });
  let exit: number | undefined;
  const done = execResolved({ ...spec, stdin, signal: ctl.signal }, found).then(
    (code) => (exit = code),
    (err: unknown) => {
      spec.stderr(`${(err as Error).message}\n`);
      return (exit = 126);
    },
  );
  await Promise.race([done, new Promise((r) => setTimeout(r, 100))]);
  return {
    prompt: () => '',
    interrupt: () => ctl.abort('SIGINT'),
    feed: async (line) => {
      if (exit === undefined) {
        deliver(line === '\x04' ? null : line + '\n');
        // Give the program a moment to react to its input (or to end).
        await Promise.race([done, new Promise((r) => setTimeout(r, 20))]);
      }
      return exit === undefined ? { stdout: '', stderr: '' } : { stdout: '', stderr: '', exitCode: exit };
    },
  };
}
