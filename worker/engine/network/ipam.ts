/**
 * IPv4 address management as libnetwork's default IPAM does it for local
 * bridge networks: a network takes the first /16 of the default pools
 * (172.17.0.0/16 … 172.31.0.0/16, then 192.168.0.0/20 steps) that overlaps no
 * other network; its gateway is the first host address; containers get the
 * lowest free address after the gateway (libnetwork ipam, bitmap allocation
 * without the serial option), and free it when they stop.
 */

/** An IPv4 subnet: its base address as a number and its prefix length. */
export interface Subnet {
  base: number;
  prefix: number;
}

/** `a.b.c.d` → number, or undefined when it is not a dotted quad. */
export function parseIp(s: string): number | undefined {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(s);
  if (!m) return undefined;
  const o = m.slice(1).map(Number);
  if (o.some((x) => x > 255)) return undefined;
  return ((o[0]! << 24) >>> 0) + (o[1]! << 16) + (o[2]! << 8) + o[3]!;
}

/** number → `a.b.c.d`. */
export function ipString(n: number): string {
  return [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.');
}

/** `172.18.0.0/16` → subnet (base masked to the prefix), or undefined. */
export function parseSubnet(cidr: string): Subnet | undefined {
  const [ip, len] = cidr.split('/');
  const base = parseIp(ip ?? '');
  if (base === undefined || len === undefined || !/^\d{1,2}$/.test(len) || Number(len) > 32) return undefined;
  const prefix = Number(len);
  return { base: (base & mask(prefix)) >>> 0, prefix };
}

function mask(prefix: number): number {
  return prefix === 0 ? 0 : (~0 << (32 - prefix)) >>> 0;
}

/** `172.18.0.0/16`. */
export function subnetString(s: Subnet): string {
  return `${ipString(s.base)}/${s.prefix}`;
}

/** Whether two subnets share an address. */
export function overlaps(a: Subnet, b: Subnet): boolean {
  const p = Math.min(a.prefix, b.prefix);
  return ((a.base & mask(p)) >>> 0) === ((b.base & mask(p)) >>> 0);
}

/** Whether `ip` lies in `s`. */
export function contains(s: Subnet, ip: number): boolean {
  return ((ip & mask(s.prefix)) >>> 0) === s.base;
}

/** The subnet's broadcast address. */
export function broadcast(s: Subnet): number {
  return (s.base | ~mask(s.prefix)) >>> 0;
}

/** The default local address pools (libnetwork ipamutils: 172.17-31/16, then 192.168.0.0/16 in /20s). */
function* defaultPools(): Generator<Subnet> {
  for (let b = 17; b <= 31; b++) yield { base: parseIp(`172.${b}.0.0`)!, prefix: 16 };
  for (let c = 0; c < 256; c += 16) yield { base: parseIp(`192.168.${c}.0`)!, prefix: 20 };
}

/** The first default pool that overlaps none of `used`; undefined once all are taken. */
export function nextPool(used: readonly Subnet[]): Subnet | undefined {
  for (const p of defaultPools()) if (!used.some((u) => overlaps(u, p))) return p;
  return undefined;
}

/** The lowest host address of `s` after the base that is not the gateway nor in `taken`. */
export function lowestFree(s: Subnet, gateway: number, taken: ReadonlySet<number>): number | undefined {
  const last = broadcast(s);
  for (let ip = s.base + 1; ip < last; ip++) if (ip !== gateway && !taken.has(ip)) return ip;
  return undefined;
}

/** The MAC Docker derives from an IPv4 address on a bridge (02:42 + the four octets; libnetwork netutils.GenerateMACFromIP). */
export function macOf(ip: string): string {
  const n = parseIp(ip);
  if (n === undefined) return '';
  return ['02', '42', ...[n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].map((o) => o.toString(16).padStart(2, '0'))].join(':');
}
