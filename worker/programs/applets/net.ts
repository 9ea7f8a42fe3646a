/**
 * busybox `ip` inside a container: its interfaces and routes as the engine's network
 * gives them (network/lab.ts). curl and wget are curl.ts and wget.ts.
 */
import { broadcast, ipString, parseIp } from '../../engine/network/ipam.ts';
import type { NetInterface } from '../../engine/network/lab.ts';
import type { ProgramRun } from '../program.ts';

/**
 * `ip a` / `ip addr show` as busybox 1.37 prints it on Alpine: lo with 127.0.0.1 and
 * ::1, then one ethN per network the container is attached to (none under
 * `--network none`). Alpine's busybox (musl) prints `state UNKNOWN`/`state UP`,
 * which a glibc build leaves out; the peer index after `eth0@if` is the host-side
 * veth's, a host counter. Networks without IPv6 give ethN no inet6 line.
 */
export function ipAddrText(ifaces: readonly NetInterface[]): string {
  const lines = [
    '1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue state UNKNOWN qlen 1000',
    '    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00',
    '    inet 127.0.0.1/8 scope host lo',
    '       valid_lft forever preferred_lft forever',
    '    inet6 ::1/128 scope host ',
    '       valid_lft forever preferred_lft forever',
  ];
  ifaces.forEach((f, i) => {
    const subnet = { base: (parseIp(f.ip)! & (f.prefix === 0 ? 0 : (~0 << (32 - f.prefix)) >>> 0)) >>> 0, prefix: f.prefix };
    lines.push(
      `${2 + i}: ${f.name}@if${5 + (parseIp(f.ip)! & 255) * 2 + i}: <BROADCAST,MULTICAST,UP,LOWER_UP,M-DOWN> mtu 1500 qdisc noqueue state UP `,
      `    link/ether ${f.mac} brd ff:ff:ff:ff:ff:ff`,
      `    inet ${f.ip}/${f.prefix} brd ${ipString(broadcast(subnet))} scope global ${f.name}`,
      '       valid_lft forever preferred_lft forever',
    );
  });
  return lines.join('\n') + '\n';
}

/** busybox `ip`: `a`, `addr [show]`, `a s`, `route`; the rest is not simulated. */
export async function ipCommand(run: ProgramRun): Promise<number> {
  const [obj = '', verb = 'show'] = run.args.filter((a) => !a.startsWith('-'));
  const ifaces = run.spec.network.interfaces ?? [];
  if ('address'.startsWith(obj) && obj !== '' && 'show'.startsWith(verb)) {
    run.spec.stdout(ipAddrText(ifaces));
    return 0;
  }
  if ('route'.startsWith(obj) && obj !== '' && 'show'.startsWith(verb)) {
    const first = ifaces[0];
    const routes = ifaces.map((f) => {
      const base = (parseIp(f.ip)! & (f.prefix === 0 ? 0 : (~0 << (32 - f.prefix)) >>> 0)) >>> 0;
      return `${ipString(base)}/${f.prefix} dev ${f.name} scope link  src ${f.ip} \n`;
    });
    run.spec.stdout((first ? `default via ${first.gateway} dev ${first.name} \n` : '') + routes.join(''));
    return 0;
  }
  if (obj === '') {
    run.spec.stderr('BusyBox v1.37.0 (2025-05-26 20:04:45 UTC) multi-call binary.\n\nUsage: ip [OPTIONS] address|route|link|tunnel|neigh|rule [ARGS]\n\nOPTIONS := -f[amily] inet|inet6|link | -o[neline]\n');
    return 1;
  }
  run.spec.stderr(`ip: this ip command is not simulated in Layerlab\n`);
  return 1;
}
