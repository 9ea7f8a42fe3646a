/**
 * Network tools inside a container on the default bridge: `ip` shows lo and eth0 with
 * the container's address, and anything that needs the outside world fails the way it
 * does when DNS has no answer (the simulation has no network beyond the container).
 */
import type { ProgramRun } from '../program.ts';

/** The bridge MAC Docker derives from an IPv4 address (02:42 + the four octets). */
export function macOf(ip: string): string {
  return ['02', '42', ...ip.split('.').map((o) => Number(o).toString(16).padStart(2, '0'))].join(':');
}

/** The broadcast address of ip/16 (the default bridge is 172.17.0.0/16). */
function broadcast16(ip: string): string {
  const [a, b] = ip.split('.');
  return `${a}.${b}.255.255`;
}

/**
 * `ip a` / `ip addr show` as busybox 1.37 prints it in a container on the default
 * bridge. The peer index after `eth0@if` is the host-side veth; Docker 27+ leaves IPv6
 * off in containers whose networks have none, so there are no inet6 lines.
 */
export function ipAddrText(ip: string): string {
  return [
    '1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue state UNKNOWN qlen 1000',
    '    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00',
    '    inet 127.0.0.1/8 scope host lo',
    '       valid_lft forever preferred_lft forever',
    `2: eth0@if${5 + Number(ip.split('.')[3] ?? 2) * 2}: <BROADCAST,MULTICAST,UP,LOWER_UP,M-DOWN> mtu 1500 qdisc noqueue state UP `,
    `    link/ether ${macOf(ip)} brd ff:ff:ff:ff:ff:ff`,
    `    inet ${ip}/16 brd ${broadcast16(ip)} scope global eth0`,
    '       valid_lft forever preferred_lft forever',
    '',
  ].join('\n');
}

/** busybox `ip`: `a`, `addr [show]`, `a s`, `route`; the rest is not simulated. */
export async function ipCommand(run: ProgramRun): Promise<number> {
  const [obj = '', verb = 'show'] = run.args.filter((a) => !a.startsWith('-'));
  const ip = run.spec.network.ip;
  if ('address'.startsWith(obj) && obj !== '' && 'show'.startsWith(verb)) {
    run.spec.stdout(ipAddrText(ip));
    return 0;
  }
  if ('route'.startsWith(obj) && obj !== '' && 'show'.startsWith(verb)) {
    const [a, b] = ip.split('.');
    run.spec.stdout(`default via ${a}.${b}.0.1 dev eth0 \n${a}.${b}.0.0/16 dev eth0 scope link  src ${ip} \n`);
    return 0;
  }
  if (obj === '') {
    run.spec.stderr('BusyBox v1.37.0 (2025-05-26 20:04:45 UTC) multi-call binary.\n\nUsage: ip [OPTIONS] address|route|link|tunnel|neigh|rule [ARGS]\n\nOPTIONS := -f[amily] inet|inet6|link | -o[neline]\n');
    return 1;
  }
  run.spec.stderr(`ip: this ip command is not simulated in Layerlab\n`);
  return 1;
}

/** The host part of a URL (`http://example.com:8080/x` → `example.com`). */
export function hostOf(url: string): string {
  return url.replace(/^[a-z]+:\/\//i, '').split(/[/:?#]/)[0] ?? url;
}

/** busybox `wget URL`: name resolution fails (`wget: bad address 'example.com'`, exit 1). */
export async function wget(run: ProgramRun): Promise<number> {
  const url = run.args.find((a) => !a.startsWith('-'));
  if (!url) {
    run.spec.stderr('BusyBox v1.37.0 (2025-05-26 20:04:45 UTC) multi-call binary.\n\nUsage: wget [-cqS] [--spider] [-O FILE] [-o LOGFILE] [--header STR]\n\t[--post-data STR | --post-file FILE] [-Y on/off]\n\t[-P DIR] [-U AGENT] [-T SEC] URL...\n\nRetrieve files via HTTP or FTP\n');
    return 1;
  }
  run.spec.stderr(`wget: bad address '${hostOf(url)}'\n`);
  return 1;
}

/** curl 7.88/8.x: `curl: (6) Could not resolve host: example.com`, exit 6. */
export async function curl(run: ProgramRun): Promise<number> {
  const url = run.args.find((a) => !a.startsWith('-'));
  if (!url) {
    run.spec.stderr("curl: try 'curl --help' or 'curl --manual' for more information\n");
    return 2;
  }
  run.spec.stderr(`curl: (6) Could not resolve host: ${hostOf(url)}\n`);
  return 6;
}
