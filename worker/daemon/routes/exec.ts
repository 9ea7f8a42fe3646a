/**
 * Exec routes: `POST /containers/{id}/exec` creates an instance (moby keeps
 * it in its exec store until the container goes), `POST /exec/{id}/start`
 * runs it on a hijacked connection (a TTY shell through the line
 * discipline), `GET /exec/{id}/json` inspects it, `/resize` is accepted.
 */
import { execIn, execTarget } from '../../engine/containers/exec.ts';
import { openTerminal } from '../../engine/containers/terminal.ts';
import { EngineError } from '../../engine/errors.ts';
import { parseGoJson } from '../go-json.ts';
import { readJson } from '../body.ts';
import { hijack, takeBody } from '../hijack.ts';
import type { ExecInstance } from '../lab.ts';
import { badRequest, intParam, sendEmpty, sendJson } from '../respond.ts';
import type { Router } from '../router.ts';
import { encodeOutput } from '../stdcopy.ts';
import { LineDiscipline, parseDetachKeys } from '../tty-line.ts';

function noSuchExec(id: string): EngineError {
  return new EngineError('NotFound', `No such exec instance: ${id}`);
}

const strings = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : []);

/** Declares the exec routes. */
export function execRoutes(r: Router): void {
  r.add('POST', '/containers/{id}/exec', async ({ req, res, params, lab }) => {
    const body = await readJson(req);
    const cmd = strings(body.Cmd);
    if (cmd.length === 0) throw badRequest('No exec command specified');
    const c = execTarget(lab.containers, params.id!);
    let id = '';
    while (id.length < 64) id += Math.floor(lab.engine.random() * 16).toString(16);
    const inst: ExecInstance = {
      id,
      containerId: c.id,
      cmd,
      env: strings(body.Env),
      workdir: typeof body.WorkingDir === 'string' ? body.WorkingDir : '',
      user: typeof body.User === 'string' ? body.User : '',
      tty: body.Tty === true,
      attachStdin: body.AttachStdin === true,
      attachStdout: body.AttachStdout === true,
      attachStderr: body.AttachStderr === true,
      detachKeys: typeof body.DetachKeys === 'string' ? body.DetachKeys : '',
      running: false,
      exitCode: null,
      pid: 0,
      started: false,
    };
    lab.execs.set(id, inst);
    lab.events.emit('container', `exec_create: ${cmd.join(' ')}`, c.id, {});
    sendJson(res!, 201, { Id: id });
  });
  r.add(
    'POST',
    '/exec/{id}/start',
    async (call) => {
      const { params, lab } = call;
      const inst = lab.execs.get(params.id!);
      if (!inst) throw noSuchExec(params.id!);
      const { body, rest } = await takeBody(call);
      let opts: { Detach?: boolean; Tty?: boolean } = {};
      try {
        const text = new TextDecoder().decode(body);
        if (text.trim() !== '') opts = parseGoJson(text).value as typeof opts;
      } catch (err) {
        throw badRequest(`invalid JSON: ${(err as Error).message}`);
      }
      if (inst.started) throw new EngineError('Conflict', `Error: Exec command ${inst.id} is already running`);
      const keys = parseDetachKeys(inst.detachKeys);
      if (!keys) throw badRequest(`Invalid detach keys (${inst.detachKeys}) provided`);
      const svc = lab.containers;
      const base = { cmd: inst.cmd, env: inst.env, workdir: inst.workdir, user: inst.user };
      inst.started = true;
      inst.running = true;
      lab.events.emit('container', `exec_start: ${inst.cmd.join(' ')}`, inst.containerId, {});
      const finish = (code: number): void => {
        inst.running = false;
        inst.exitCode = code;
        lab.events.emit('container', 'exec_die', inst.containerId, { execID: inst.id, exitCode: String(code) });
      };
      if (opts.Detach) {
        execTarget(svc, inst.containerId);
        void execIn(svc, inst.containerId, { ...base, tty: inst.tty, detach: true }, { stdout: () => undefined, stderr: () => undefined }).then(
          (r) => finish('exitCode' in r ? r.exitCode : 0),
          () => finish(126),
        );
        if (call.res) sendEmpty(call.res, 200);
        else call.upgrade?.socket.end();
        return;
      }
      const conn = hijack(call, { multiplexed: !inst.tty, rest });
      const tty = inst.tty;
      if (tty && inst.attachStdin) {
        const result = await execIn(svc, inst.containerId, { ...base, tty: true, interactive: true }, { stdout: (t) => conn.write(encodeOutput(1, t, false)), stderr: (t) => conn.write(encodeOutput(2, t, false)) });
        if (!('shell' in result)) {
          finish(result.exitCode);
          conn.end();
          return;
        }
        const term = await openTerminal(svc, inst.containerId, result.shell, base);
        const how = await new LineDiscipline(term, (s) => conn.write(new TextEncoder().encode(s)), keys).run(conn.input(), true);
        if (how !== 'exited') await term.detached().catch(() => undefined);
        finish(0);
        conn.end();
        return;
      }
      const decoder = new TextDecoder();
      const input = conn.input();
      const io = {
        stdout: (t: string) => inst.attachStdout && conn.write(encodeOutput(1, t, !tty)),
        stderr: (t: string) => inst.attachStderr && conn.write(encodeOutput(2, t, !tty)),
        ...(inst.attachStdin
          ? {
              stdin: {
                read: async () => {
                  const n = await input.next();
                  return n.done ? null : decoder.decode(n.value, { stream: true });
                },
              },
            }
          : {}),
      };
      try {
        const result = await execIn(svc, inst.containerId, { ...base, tty }, { stdout: (t) => void io.stdout(t), stderr: (t) => void io.stderr(t), ...(io.stdin ? { stdin: io.stdin } : {}) });
        finish('exitCode' in result ? result.exitCode : 0);
      } catch (err) {
        // runc's error for a missing executable goes to the client's stream, as moby writes it there, exit 126/127.
        const message = err instanceof Error ? err.message : String(err);
        conn.write(encodeOutput(2, `${message}\n`, !tty));
        finish(/permission denied/.test(message) ? 126 : 127);
      }
      conn.end();
    },
    { hijack: true },
  );
  r.add('GET', '/exec/{id}/json', async ({ res, params, lab }) => {
    const inst = lab.execs.get(params.id!);
    if (!inst) throw noSuchExec(params.id!);
    sendJson(res!, 200, {
      ID: inst.id,
      Running: inst.running,
      ExitCode: inst.exitCode,
      ProcessConfig: { tty: inst.tty, entrypoint: inst.cmd[0], arguments: inst.cmd.slice(1), privileged: false, ...(inst.user ? { user: inst.user } : {}) },
      OpenStdin: inst.attachStdin,
      OpenStderr: inst.attachStderr,
      OpenStdout: inst.attachStdout,
      CanRemove: false,
      ContainerID: inst.containerId,
      DetachKeys: '',
      Pid: inst.pid,
    });
  });
  r.add('POST', '/exec/{id}/resize', async ({ res, params, query, lab }) => {
    if (!lab.execs.has(params.id!)) throw noSuchExec(params.id!);
    intParam(query, 'h');
    intParam(query, 'w');
    sendEmpty(res!, 200);
  });
}
