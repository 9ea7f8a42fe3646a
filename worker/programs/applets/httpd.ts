/**
 * busybox httpd in the foreground (`httpd -f [-p [IP:]PORT] [-h HOME]`): serves
 * the files under HOME (default: the working directory) on PORT (default 80)
 * until the container stops, answering as static-http.ts records. Without -f
 * httpd forks into the background, which the lab does not simulate.
 */
import type { ProgramRun } from '../program.ts';
import { exitForSignal, untilAborted } from '../program.ts';
import { busyboxAnswer } from '../apps/static-http.ts';

/** The httpd applet. */
export async function httpd(run: ProgramRun): Promise<number> {
  const { spec } = run;
  let foreground = false;
  let port = 80;
  let home = spec.cwd;
  const args = run.args;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '-f') foreground = true;
    else if (a === '-p' && args[i + 1] !== undefined) port = Number(args[++i]!.split(':').pop());
    else if (a === '-h' && args[i + 1] !== undefined) home = args[++i]!;
    else if (a === '-v' || a === '-vv') continue;
    else {
      spec.stderr(`httpd: option ${a} is not simulated in Layerlab\n`);
      return 1;
    }
  }
  if (!foreground) {
    spec.stderr('httpd: running in the background (without -f) is not simulated in Layerlab; use httpd -f\n');
    return 1;
  }
  if (!home.startsWith('/')) home = `${spec.cwd.replace(/\/$/, '')}/${home}`;
  if (!Number.isInteger(port) || port <= 0 || port > 65535) {
    spec.stderr(`httpd: invalid port\n`);
    return 1;
  }
  const close = spec.network.listen?.(port, (req) => busyboxAnswer(spec.fs, req, spec.now(), home));
  await untilAborted(spec.signal);
  close?.();
  return exitForSignal(spec.signal);
}
