/**
 * A container's process at the page's terminal (`docker run -it`,
 * `docker start -ai`, `docker attach`, `docker exec -it`), and the way back
 * to it after a page reload.
 *
 * Every line typed into it ends with one store batch holding the container's
 * writable layer, its output, the shell's state and the `attached` record
 * (attached.ts), as a host-shell line ends with its home directory stored;
 * nothing is stored while a line runs. A reload at any moment therefore finds
 * the container's files, and its shell's variables and working directory, as
 * they were before or after a line, never in between and never lost.
 */
import type { Draft } from '../state.ts';
import { ATTACHED, attachedOf, detachFrom, type AttachedRecord, type ExecAgain } from './attached.ts';
import { execIn } from './exec.ts';
import { asContainer } from './record.ts';
import type { InteractiveProcess } from './runtime.ts';
import type { ContainerService } from './service.ts';

/** A container's process handed to the terminal. */
export interface TerminalProcess extends InteractiveProcess {
  /** Ctrl-P Ctrl-Q: the process keeps running, the terminal is no longer attached to it. */
  detached(): Promise<void>;
}

/**
 * Attaches the terminal to `proc`, a process of container `id`: its main
 * process, or with `exec` a `docker exec -it` process. Stores the attachment
 * before it returns.
 */
export async function openTerminal(svc: ContainerService, id: string, proc: InteractiveProcess, exec?: ExecAgain): Promise<TerminalProcess> {
  const name = svc.get(id).name;
  const attach = (d: Draft): void => {
    const rec: AttachedRecord = { container: id, name };
    if (exec) rec.exec = { ...exec, shell: proc.state?.() ?? null };
    d.meta.set(ATTACHED, rec);
  };
  // The main process's shell state belongs to the container: it outlives a detach.
  const shell = () => (exec ? {} : { shell: proc.state?.() ?? null });
  await svc.save(id, shell, attach);
  // A line that changed no file, output or shell state (`ls`, `cat`) stores nothing.
  let stored = JSON.stringify(proc.state?.() ?? null);
  const store = async (): Promise<void> => {
    const state = JSON.stringify(proc.state?.() ?? null);
    if (state === stored && !svc.live(id)?.dirty) return;
    await svc.save(id, shell, attach);
    stored = state;
  };
  return {
    prompt: () => proc.prompt(),
    // Ctrl-C is SIGINT from the container's tty. A `docker exec -it` process is not PID 1, so it always
    // gets it; the main process only if it catches it (a shell or REPL does, `-it alpine sleep 60` does not:
    // the kernel drops it for an init, and real docker leaves the learner attached until Ctrl-P Ctrl-Q).
    interrupt: () => {
      if (exec || svc.catches(id, 'SIGINT')) proc.interrupt();
    },
    async feed(line) {
      const live = svc.live(id);
      if (live) live.lines++;
      let out: Awaited<ReturnType<InteractiveProcess['feed']>>;
      try {
        out = await proc.feed(line);
      } finally {
        if (live) live.lines--;
      }
      if (out.exitCode === undefined) await store();
      else if (!exec && live?.kill) {
        // The main process ended: the container finishes (stored, detached, --rm honoured).
        live.kill(out.exitCode);
        await live.exited;
      } else await svc.save(id, () => ({}), (d) => detachFrom(d, id));
      return out;
    },
    async detached() {
      await svc.engine.transact((d) => detachFrom(d, id));
    },
  };
}

/** What a reload found of the terminal: a note for the learner, and the process to hand the terminal to, if any. */
export interface Reattached {
  note: string;
  terminal?: TerminalProcess;
}

/**
 * After a reload (the service has resumed the running containers): the
 * process the page was attached to, with a one-line note saying so, or a
 * note saying plainly what ended. Undefined when the page was not attached.
 */
export async function reattach(svc: ContainerService): Promise<Reattached | undefined> {
  const rec = attachedOf(svc.engine.state);
  if (!rec) return undefined;
  const ended = async (what: string): Promise<Reattached> => {
    await svc.engine.transact((d) => detachFrom(d, rec.container));
    return { note: `layerlab: the page was reloaded; ${what}; back in the host shell` };
  };
  const stored = svc.engine.state.containers.get(rec.container);
  if (!stored) return ended(`container ${rec.name} no longer exists`);
  const c = asContainer(stored);
  if (!c.running) {
    // runc's words for the program that is gone (`exec: "/bin/sh": stat /bin/sh: no such file or directory`).
    const why = /error during container init: (.*): unknown$/.exec(c.error)?.[1] ?? `exit code ${c.exitCode}`;
    return ended(`container ${c.name} could not start again (${why})`);
  }
  // kept: undefined for a process without shell state (a REPL, top), which can only start again. Files are always kept.
  const back = (kept: boolean | undefined, program: string): string =>
    `layerlab: reattached to container ${c.name} (the page was reloaded` + (kept === undefined ? `; ${program} started again)` : kept ? ')' : '; its shell started again)');
  if (rec.exec) {
    const { shell: state, ...again } = rec.exec;
    const quiet = { stdout: () => undefined, stderr: () => undefined };
    const r = await execIn(svc, c.id, { ...again, tty: true, interactive: true }, quiet).catch(() => ({ exitCode: 126 }));
    if (!('shell' in r)) return ended(`the docker exec shell in container ${c.name} could not start again`);
    const kept = state && r.shell.restore ? await r.shell.restore(state) : r.shell.state ? false : undefined;
    return { note: back(kept, again.cmd[0] ?? ''), terminal: await openTerminal(svc, c.id, r.shell, again) };
  }
  const live = svc.live(c.id);
  if (!live?.interactive) return ended(`container ${c.name} is running, but without a terminal to attach to`);
  return { note: back(live.interactive.state ? (live.resumed?.kept ?? false) : undefined, c.path), terminal: await openTerminal(svc, c.id, live.interactive) };
}
