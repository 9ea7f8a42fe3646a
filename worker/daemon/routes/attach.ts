/**
 * Attach and start, which meet: `docker run` attaches to a created
 * container first, then starts it, and the started process must write to
 * the streams already attached. A client attached to a container that is
 * not running waits in `lab.pending`; the start hands the process's output
 * to it, its stdin to the process, and a TTY shell (`-it`) to a
 * {@link LineDiscipline} fed by its keystrokes. The streams end when the
 * container exits (moby closes them), or when the client detaches.
 */
import type { AttachIo } from '../../engine/containers/service.ts';
import { openTerminal, type TerminalProcess } from '../../engine/containers/terminal.ts';
import { EngineError } from '../../engine/errors.ts';
import { hijack, type Conn } from '../hijack.ts';
import { notifyExit, onNextExit, withContainer, type DaemonLab, type PendingAttach } from '../lab.ts';
import { badRequest, boolParam, commonHeaders, sendEmpty } from '../respond.ts';
import type { Call, Router } from '../router.ts';
import { encodeOutput } from '../stdcopy.ts';
import { LineDiscipline, parseDetachKeys, type TtyEnd } from '../tty-line.ts';

/** The stdin of a process read from a client's stream (null = EOF), for a non-TTY `-i`. */
function stdinOf(conn: Conn): NonNullable<AttachIo['stdin']> {
  const it = conn.input();
  const decoder = new TextDecoder();
  return {
    async read() {
      const n = await it.next();
      if (n.done) return null;
      return decoder.decode(n.value, { stream: true });
    },
  };
}

/** The output side of attached clients: each gets its streams, framed unless TTY. */
function fanOut(clients: readonly PendingAttach[], tty: boolean): AttachIo {
  const send = (stream: 1 | 2, text: string): void => {
    for (const a of clients) if (stream === 1 ? a.stdout : a.stderr) a.conn.write(encodeOutput(stream, text, !tty));
  };
  return { stdout: (t) => send(1, t), stderr: (t) => send(2, t) };
}

/** Runs a TTY's line discipline between `term` and a client; on detach the process goes on. */
async function driveTerminal(lab: DaemonLab, term: TerminalProcess, client: PendingAttach, prompt: boolean, others: readonly PendingAttach[] = []): Promise<TtyEnd> {
  const write = (text: string): void => {
    for (const a of [client, ...others]) a.conn.write(new TextEncoder().encode(text));
  };
  const how = await new LineDiscipline(term, write, client.detachKeys).run(client.conn.input(), prompt);
  if (how !== 'exited') await term.detached().catch(() => undefined);
  void lab;
  return how;
}

/** Follows a started container for the daemon: exit waiters and events once it exits. */
export function followExit(lab: DaemonLab, id: string, exited: Promise<number>): void {
  void exited.then(
    (code) => {
      lab.events.emit('container', 'die', id, { exitCode: String(code) });
      if (!lab.engine.state.containers.has(id)) lab.events.emit('container', 'destroy', id, {});
      notifyExit(lab, id, code);
    },
    () => notifyExit(lab, id, -1),
  );
}

/**
 * `POST /containers/{id}/start`: starts with the clients attached so far.
 * Returns false when the container was running already (moby: 304).
 */
export async function startContainer(lab: DaemonLab, ref: string): Promise<boolean> {
  const svc = lab.containers;
  const c = svc.get(ref);
  if (c.running && c.status !== 'restarting') return false;
  const clients = [...(lab.pending.get(c.id) ?? [])];
  lab.pending.delete(c.id);
  const tty = c.config.Tty;
  const typist = tty && c.config.OpenStdin ? clients.find((a) => a.stdin) : undefined;
  const endAll = (): void => clients.forEach((a) => a.conn.end());
  try {
    if (typist) {
      const { shell, exited } = await svc.start(c.id, fanOut(clients, true), true);
      lab.events.emit('container', 'start', c.id);
      followExit(lab, c.id, exited);
      void exited.finally(endAll);
      if (shell) {
        const term = await openTerminal(svc, c.id, shell);
        // Detached or gone (the CLI spots its detach keys itself and closes the connection): the container
        // runs on. moby closes a container's stdin when the client's ends only without a TTY (stream/attach.go).
        void driveTerminal(lab, term, typist, true, clients.filter((a) => a !== typist)).then((how) => {
          if (how !== 'exited') typist.conn.end();
        });
      }
      return true;
    }
    const io = fanOut(clients, tty);
    const reader = clients.find((a) => a.stdin);
    if (reader && c.config.OpenStdin) io.stdin = stdinOf(reader.conn);
    const { exited } = clients.length > 0 ? await svc.start(c.id, io) : await svc.start(c.id);
    lab.events.emit('container', 'start', c.id);
    followExit(lab, c.id, exited);
    void exited.finally(endAll);
    return true;
  } catch (err) {
    endAll();
    // moby's containerStart: a start that fails removes an --rm container (the CLI waits for that, condition=removed).
    if (c.hostConfig.AutoRemove && lab.engine.state.containers.has(c.id)) {
      await svc.remove(c.id, { force: true, volumes: true }).catch(() => undefined);
      lab.events.emit('container', 'destroy', c.id);
      notifyExit(lab, c.id, lab.engine.state.containers.has(c.id) ? 0 : 127);
    }
    throw err;
  }
}

/** Declares attach, start and wait. */
export function attachRoutes(r: Router): void {
  r.add(
    'POST',
    '/containers/{id}/attach',
    async (call: Call) => {
      const { params, query, lab } = call;
      const svc = lab.containers;
      const c = svc.get(params.id!);
      const keys = parseDetachKeys(query.get('detachKeys') ?? '');
      if (!keys) throw badRequest(`Invalid detach keys (${query.get('detachKeys')}) provided`);
      if (c.status === 'paused') throw new EngineError('Conflict', 'You cannot attach to a paused container, unpause it first');
      const client: PendingAttach = {
        conn: hijack(call, { multiplexed: !c.config.Tty }),
        stdin: boolParam(query, 'stdin'),
        stdout: boolParam(query, 'stdout'),
        stderr: boolParam(query, 'stderr'),
        detachKeys: keys,
      };
      if (!c.running) {
        // `docker run` / `start -a`: the start to come writes to this client.
        let set = lab.pending.get(c.id);
        if (!set) lab.pending.set(c.id, (set = new Set()));
        set.add(client);
        void client.conn.closed.then(() => set.delete(client));
        return;
      }
      const live = svc.live(c.id);
      if (c.config.Tty && live?.interactive && client.stdin) {
        const term = await openTerminal(svc, c.id, live.interactive);
        const exited = live.exited;
        void exited?.finally(() => client.conn.end());
        const how = await driveTerminal(lab, term, client, false);
        if (how !== 'exited') client.conn.end();
        return;
      }
      const exited = svc.attach(c.id, fanOut([client], c.config.Tty));
      await Promise.race([exited.catch(() => undefined), client.conn.closed]);
      client.conn.end();
    },
    { hijack: true },
  );
  r.add('POST', '/containers/{id}/start', async ({ res, params, lab }) => {
    const id = lab.containers.get(params.id!).id;
    sendEmpty(res!, (await withContainer(lab, id, () => startContainer(lab, id))) ? 204 : 304);
  });
  r.add('POST', '/containers/{id}/wait', async ({ res, params, query, lab }) => {
    const svc = lab.containers;
    const c = svc.get(params.id!);
    const condition = query.get('condition') || 'not-running';
    if (!['not-running', 'next-exit', 'removed'].includes(condition)) throw badRequest(`invalid condition: "${condition}"`);
    let code: Promise<number>;
    if (condition === 'not-running' && !c.running) code = Promise.resolve(c.exitCode);
    else {
      code = new Promise<number>((resolve) => {
        const stop = onNextExit(lab, c.id, (n) => {
          stop();
          resolve(n);
        });
      });
      if (condition === 'removed') {
        code = code.then(async (n) => {
          // --rm removes the container as it exits; otherwise wait for its DELETE.
          while (lab.engine.state.containers.has(c.id)) {
            await new Promise<void>((resolve) => {
              const stop = onNextExit(lab, c.id, () => (stop(), resolve()));
            });
          }
          return n;
        });
      }
    }
    // Headers first (moby flushes them once the wait is registered): the client then starts the container.
    res!.writeHead(200, { ...commonHeaders(), 'Content-Type': 'application/json' });
    res!.flushHeaders();
    const n = await code;
    res!.end(`${JSON.stringify({ StatusCode: n })}\n`);
  });
}
