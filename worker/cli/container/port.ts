/**
 * `docker port` (docker/cli cli/command/container/port.go): the published
 * ports of a running container as `80/tcp -> 0.0.0.0:8080`, natural-sorted,
 * or the host addresses of one private port.
 */
import { CliError, type CommandContext } from '../context.ts';

type Ports = Record<string, Array<{ HostIp: string; HostPort: string }> | null>;

function joinHostPort(ip: string, port: string): string {
  return ip.includes(':') ? `[${ip}]:${port}` : `${ip}:${port}`;
}

const isDigit = (c: string): boolean => c >= '0' && c <= '9';

/** fvbommel/sortorder NaturalLess: digits before other characters, digit runs by value, the rest bytewise. */
export function naturalLess(a: string, b: string): boolean {
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const d1 = isDigit(a[i]!);
    const d2 = isDigit(b[j]!);
    if (d1 !== d2) return d1;
    if (!d1) {
      if (a[i] !== b[j]) return a[i]! < b[j]!;
      i++;
      j++;
      continue;
    }
    while (i < a.length && a[i] === '0') i++;
    while (j < b.length && b[j] === '0') j++;
    const s1 = i;
    const s2 = j;
    while (i < a.length && isDigit(a[i]!)) i++;
    while (j < b.length && isDigit(b[j]!)) j++;
    if (i - s1 !== j - s2) return i - s1 < j - s2;
    const n1 = a.slice(s1, i);
    const n2 = b.slice(s2, j);
    if (n1 !== n2) return n1 < n2;
    if (s1 !== s2) return s1 < s2;
  }
  return a.length < b.length;
}

/** Runs `docker port`. */
export async function port(ctx: CommandContext): Promise<number> {
  const name = ctx.args[0]!;
  const raw = await ctx.engine.containerInspect(name);
  const ports = (raw.NetworkSettings as { Ports: Ports }).Ports;
  const out: string[] = [];
  const wanted = ctx.args[1];
  if (wanted !== undefined) {
    const key = wanted.includes('/') ? wanted : `${wanted}/tcp`;
    const frontends = ports[key];
    if (!frontends) throw new CliError(`Error: No public port '${wanted}' published for ${name}`);
    for (const f of frontends) out.push(joinHostPort(f.HostIp, f.HostPort));
  } else {
    for (const [from, frontends] of Object.entries(ports)) for (const f of frontends ?? []) out.push(`${from} -> ${joinHostPort(f.HostIp, f.HostPort)}`);
  }
  out.sort((a, b) => (naturalLess(a, b) ? -1 : naturalLess(b, a) ? 1 : 0));
  if (out.length > 0) ctx.out(out.join('\n') + '\n');
  return 0;
}
