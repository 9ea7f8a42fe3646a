/**
 * `bin/layerlab daemon --host unix:///PATH | tcp://127.0.0.1:PORT [--state DIR]`:
 * the simulated engine served as Docker Engine API 1.51 (worker/daemon), so
 * `DOCKER_HOST=unix:///PATH docker …` drives it. The engine is the one a
 * session composes (worker/session.ts) over a DirStore (`--state`) or an
 * in-memory store. Runs until SIGINT/SIGTERM, then closes the store.
 */
import { createSession } from '../../worker/session.ts';
import { isLoopback, parseHost, startDaemon } from '../../worker/daemon/server.ts';
import { openLab } from '../../worker/daemon/lab.ts';
import { UsageError } from './args.ts';
import { openStore } from './io.ts';

/** What `daemon` was asked. */
export interface DaemonArgs {
  host: string;
  state?: string;
  allowRemote: boolean;
}

/** Parses the arguments after `daemon`. */
export function parseDaemonArgs(argv: string[]): DaemonArgs {
  let host: string | undefined;
  let state: string | undefined;
  let allowRemote = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const eq = arg.indexOf('=');
    const name = eq < 0 ? arg : arg.slice(0, eq);
    const value = (): string => {
      const v = eq < 0 ? argv[++i] : arg.slice(eq + 1);
      if (v === undefined || v === '') throw new UsageError(`flag needs an argument: ${name}`);
      return v;
    };
    if (name === '--host' || name === '-H') host = value();
    else if (name === '--state') state = value();
    else if (name === '--allow-remote' && eq < 0) allowRemote = true;
    else throw new UsageError(`unknown flag: ${arg}`);
  }
  if (host === undefined) throw new UsageError('daemon needs --host unix:///PATH or --host tcp://127.0.0.1:PORT');
  return { host, ...(state !== undefined ? { state } : {}), allowRemote };
}

/** Runs the daemon until a signal; resolves to the exit code. */
export async function runDaemon(args: DaemonArgs, stderr: NodeJS.WritableStream): Promise<number> {
  let address;
  try {
    address = parseHost(args.host);
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
  // An Engine API socket is root on the simulated lab: never on the network unless asked.
  if (address.kind === 'tcp' && !isLoopback(address.host) && !args.allowRemote) {
    throw new UsageError(`refusing to listen on ${address.host}: not a loopback address (add --allow-remote to mean it)`);
  }
  const store = await openStore(args.state);
  const session = await createSession({ store, isTTY: false });
  const lab = (await session.lab?.())!;
  const daemon = await startDaemon(await openLab(lab), address);
  stderr.write(`layerlab daemon: API listen on ${daemon.host}\n`);
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await daemon.close();
  await session.close();
  return 0;
}
