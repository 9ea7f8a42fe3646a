/**
 * busybox ping inside containers, as busybox 1.35 prints it (recorded by hand
 * against the host's loopback, an unroutable address and an empty network
 * namespace; alpine's 1.37 prints the same): one reply line per second
 * until -c replies or a signal, then the statistics. Whether an echo comes
 * back is the lab network's answer (network/lab.ts ping). Round-trip times
 * are drawn from the sub-millisecond range a same-host bridge gives.
 */
import type { ProgramRun } from '../program.ts';
import { signalOf, sleepFor } from '../program.ts';

/** The ping applet. */
export async function ping(run: ProgramRun): Promise<number> {
  const { spec } = run;
  let count = Infinity;
  let quiet = false;
  let host: string | undefined;
  const args = run.args;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '-c' && args[i + 1] !== undefined) count = Math.max(1, Number(args[++i]) || 1);
    else if (/^-c\d+$/.test(a)) count = Number(a.slice(2));
    else if (a === '-q') quiet = true;
    else if ((a === '-W' || a === '-w' || a === '-i') && args[i + 1] !== undefined) i++;
    else if (a === '-4') continue;
    else if (a.startsWith('-')) {
      spec.stderr(`ping: option ${a} is not simulated in Layerlab\n`);
      return 1;
    } else host = a;
  }
  if (host === undefined) {
    spec.stderr('BusyBox v1.37.0 (2025-05-26 20:04:45 UTC) multi-call binary.\n\nUsage: ping [OPTIONS] HOST\n');
    return 1;
  }
  const address = spec.network.resolve?.(host) ?? (/^\d+\.\d+\.\d+\.\d+$/.test(host) ? host : undefined);
  if (address === undefined) {
    spec.stderr(`ping: bad address '${host}'\n`);
    return 1;
  }
  spec.stdout(`PING ${host} (${address}): 56 data bytes\n`);
  const answer = spec.network.ping?.(address) ?? 'lost';
  if (answer === 'unreachable') {
    spec.stderr('ping: sendto: Network is unreachable\n');
    return 1;
  }
  const times: number[] = [];
  let sent = 0;
  while (sent < count) {
    if (sent > 0 && (await sleepFor(spec, 1000))) break;
    if (spec.signal.aborted) break;
    sent++;
    if (answer === 'reply') {
      const t = 0.04 + spec.random() * 0.08;
      times.push(t);
      if (!quiet) spec.stdout(`64 bytes from ${address}: seq=${sent - 1} ttl=64 time=${t.toFixed(3)} ms\n`);
    }
  }
  // A lost echo is given up after -W's default wait; the summary follows.
  const got = times.length;
  const loss = sent === 0 ? 0 : Math.floor(((sent - got) * 100) / sent);
  let out = `\n--- ${host} ping statistics ---\n${sent} packets transmitted, ${got} packets received, ${loss}% packet loss\n`;
  if (got > 0) {
    const avg = times.reduce((a, b) => a + b, 0) / got;
    out += `round-trip min/avg/max = ${Math.min(...times).toFixed(3)}/${avg.toFixed(3)}/${Math.max(...times).toFixed(3)} ms\n`;
  }
  spec.stdout(out);
  if (spec.signal.aborted && signalOf(spec.signal).name !== 'SIGINT') return 128 + signalOf(spec.signal).number;
  return got > 0 ? 0 : 1;
}
