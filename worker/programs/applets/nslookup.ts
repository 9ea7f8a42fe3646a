/**
 * busybox nslookup inside containers, as recorded from busybox 1.35 on a user
 * network of Engine 26.1: the server from /etc/resolv.conf, then the A answer
 * and the empty AAAA answer (busybox prints them in the order they arrive;
 * the lab gives A first), or, for a name only the outside world could answer
 * (the lab is offline), the timeout. Reverse lookups and a server argument
 * are not simulated.
 */
import type { ProgramRun } from '../program.ts';

/** The nslookup applet. */
export async function nslookup(run: ProgramRun): Promise<number> {
  const { spec } = run;
  const args = run.args.filter((a) => !a.startsWith('-'));
  if (run.args.some((a) => a.startsWith('-')) || args.length !== 1) {
    spec.stderr(`nslookup: ${args.length === 0 ? 'a name to look up is needed' : 'options and a server argument are not simulated in Layerlab'}\n`);
    return 1;
  }
  const name = args[0]!;
  if (/^\d+\.\d+\.\d+\.\d+$/.test(name)) {
    spec.stderr('nslookup: reverse lookups are not simulated in Layerlab\n');
    return 1;
  }
  let server = '127.0.0.11';
  try {
    server = /^nameserver\s+(\S+)/m.exec(await spec.fs.readFile('/etc/resolv.conf'))?.[1] ?? server;
  } catch {
    // no resolv.conf: busybox's default
  }
  const head = `Server:\t\t${server}\nAddress:\t${server}:53\n\n`;
  const ip = spec.network.none ? undefined : spec.network.dns?.(name);
  if (ip === undefined) {
    spec.stdout(`${head};; connection timed out; no servers could be reached\n\n`);
    return 1;
  }
  spec.stdout(`${head}Non-authoritative answer:\nName:\t${name}\nAddress: ${ip}\n\nNon-authoritative answer:\n\n`);
  return 0;
}
