/**
 * `-p/--publish` and `--expose` as docker/cli parses them
 * (github.com/docker/go-connections/nat ParsePortSpec, SplitProtoPort,
 * ParsePortRange), with their error texts, and the PORTS column
 * (cli/command/formatter/container.go DisplayablePorts).
 */
import type { PortBinding, PortSummary } from '../../engine-api/types.ts';

/** A bad port spec; the message is go-connections' text. */
export class PortSpecError extends Error {}

function parseRange(ports: string): [number, number] {
  const parse = (s: string): number => {
    if (!/^\d+$/.test(s) || Number(s) > 65535) throw new Error(s);
    return Number(s);
  };
  if (ports === '') throw new Error('empty');
  if (!ports.includes('-')) {
    const p = parse(ports);
    return [p, p];
  }
  const [a, b] = ports.split('-', 2) as [string, string];
  const start = parse(a);
  const end = parse(b);
  if (end < start) throw new Error(ports);
  return [start, end];
}

function splitProtoPort(raw: string): [string, string] {
  const parts = raw.split('/');
  if (raw.length === 0 || parts[0]!.length === 0) return ['', ''];
  if (parts.length === 1) return ['tcp', raw];
  if (parts[1]!.length === 0) return ['tcp', parts[0]!];
  return [parts[1]!, parts[0]!];
}

function isIp(s: string): boolean {
  if (/^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.test(s)) return s.split('.').every((o) => Number(o) <= 255);
  return /^[0-9a-fA-F:.]+$/.test(s) && s.includes(':');
}

/** nat.ParsePortSpec: one `-p` value → exposed port keys with their bindings. */
export function parsePortSpec(raw: string): Array<{ port: string; binding: PortBinding }> {
  const parts = raw.split(':');
  const n = parts.length;
  let containerPort = parts[n - 1]!;
  let hostPort = n >= 2 ? parts[n - 2]! : '';
  let ip = n === 3 ? parts[0]! : n > 3 ? parts.slice(0, n - 2).join(':') : '';
  const [proto, cport] = splitProtoPort(containerPort);
  containerPort = cport;
  if (ip.startsWith('[') && ip.endsWith(']')) ip = ip.slice(1, -1);
  if (ip !== '' && !isIp(ip)) throw new PortSpecError(`invalid IP address: ${ip}`);
  if (containerPort === '') throw new PortSpecError(`no port specified: ${raw}<empty>`);
  let start: number, end: number;
  try {
    [start, end] = parseRange(containerPort);
  } catch {
    throw new PortSpecError(`invalid containerPort: ${containerPort}`);
  }
  let hStart = 0, hEnd = 0;
  if (hostPort !== '') {
    try {
      [hStart, hEnd] = parseRange(hostPort);
    } catch {
      throw new PortSpecError(`invalid hostPort: ${hostPort}`);
    }
    if (end - start !== hEnd - hStart && start !== end) {
      throw new PortSpecError(`invalid ranges specified for container and host Ports: ${containerPort} and ${hostPort}`);
    }
  }
  if (!['tcp', 'udp', 'sctp'].includes(proto.toLowerCase())) throw new PortSpecError(`invalid proto: ${proto}`);
  const out: Array<{ port: string; binding: PortBinding }> = [];
  for (let i = 0; i <= end - start; i++) {
    if (hostPort !== '') hostPort = String(hStart + i);
    if (start === end && hStart !== hEnd) hostPort = `${hostPort}-${hEnd}`;
    out.push({ port: `${start + i}/${proto.toLowerCase()}`, binding: { HostIp: ip, HostPort: hostPort } });
  }
  return out;
}

/** `--expose 80` / `--expose 8000-8002/udp` → port keys. */
export function parseExpose(raw: string): string[] {
  const [proto, port] = splitProtoPort(raw);
  let start: number, end: number;
  try {
    [start, end] = parseRange(port);
  } catch {
    throw new PortSpecError(`invalid range format for --expose: ${raw}, error: strconv.ParseUint: parsing "${port}": invalid syntax`);
  }
  const out: string[] = [];
  for (let p = start; p <= end; p++) out.push(`${p}/${proto}`);
  return out;
}

function joinHostPort(ip: string, port: string): string {
  return ip.includes(':') ? `[${ip}]:${port}` : `${ip}:${port}`;
}

/** formatter.DisplayablePorts. */
export function displayablePorts(ports: readonly PortSummary[]): string {
  const sorted = [...ports].sort((a, b) => {
    if (a.PrivatePort !== b.PrivatePort) return a.PrivatePort - b.PrivatePort;
    if ((a.IP ?? '') !== (b.IP ?? '')) return (a.IP ?? '') < (b.IP ?? '') ? -1 : 1;
    if ((a.PublicPort ?? 0) !== (b.PublicPort ?? 0)) return (a.PublicPort ?? 0) - (b.PublicPort ?? 0);
    return a.Type < b.Type ? -1 : a.Type > b.Type ? 1 : 0;
  });
  const groups = new Map<string, { first: number; last: number }>();
  const result: string[] = [];
  const hostMappings: string[] = [];
  const formGroup = (key: string, first: number, last: number): string => {
    const slash = key.lastIndexOf('/');
    const ip = slash > 0 ? key.slice(0, slash) : '';
    const type = key.slice(slash + 1);
    let group = first === last ? String(first) : `${first}-${last}`;
    if (ip !== '') group = `${joinHostPort(ip, group)}->${group}`;
    return `${group}/${type}`;
  };
  for (const p of sorted) {
    let key = p.Type;
    if (p.IP) {
      if (p.PublicPort !== p.PrivatePort) {
        hostMappings.push(`${joinHostPort(p.IP, String(p.PublicPort))}->${p.PrivatePort}/${p.Type}`);
        continue;
      }
      key = `${p.IP}/${p.Type}`;
    }
    const g = groups.get(key);
    if (!g) {
      groups.set(key, { first: p.PrivatePort, last: p.PrivatePort });
      continue;
    }
    if (p.PrivatePort === g.last + 1) {
      g.last = p.PrivatePort;
      continue;
    }
    result.push(formGroup(key, g.first, g.last));
    groups.set(key, { first: p.PrivatePort, last: p.PrivatePort });
  }
  for (const [key, g] of groups) result.push(formGroup(key, g.first, g.last));
  return [...result, ...hostMappings].join(', ');
}
