/**
 * docker/cli ListOpts validators (opts.NewListOpts(validator)) that reject bad values while
 * flags are parsed, with their Go error texts: container/opts.go validateAttach,
 * opts.ValidateIPAddress, opts.ValidateExtraHost, opts.ValidateLabel (v28.5.1).
 */
import { FlagValueError, goQuote } from './flag-values.ts';
import type { FlagSpec } from './spec.ts';

/** docker/cli ListOpts validators: the stored value, or the Go error text. */
export const listValidators: Record<NonNullable<FlagSpec['validate']>, (v: string) => string> = {
  // container/opts.go validateAttach
  attach(v) {
    const s = v.toLowerCase();
    if (['stdin', 'stdout', 'stderr'].includes(s)) return s;
    throw new FlagValueError('valid streams are STDIN, STDOUT and STDERR');
  },
  // opts.ValidateIPAddress (net.ParseIP of the trimmed value)
  'ip-address'(v) {
    if (isIP(v.trim())) return v.trim();
    throw new FlagValueError(`IP address is not correctly formatted: ${v}`);
  },
  // opts.ValidateExtraHost: name=ip or name:ip, ip may be [bracketed] or host-gateway
  'extra-host'(v) {
    let sep = v.indexOf('=');
    if (sep < 0) sep = v.indexOf(':');
    const k = sep < 0 ? '' : v.slice(0, sep);
    let ip = v.slice(sep + 1);
    if (sep < 0 || k === '' || k.includes(':')) throw new FlagValueError(`bad format for add-host: ${goQuote(v)}`);
    if (ip !== 'host-gateway') {
      if (ip.length > 2 && ip.startsWith('[') && ip.endsWith(']')) ip = ip.slice(1, -1);
      if (!isIP(ip.trim())) throw new FlagValueError(`invalid IP address in add-host: ${goQuote(ip)}`);
    }
    return `${k}:${ip}`;
  },
  // opts.ValidateLabel
  label(v) {
    const key = v.split('=')[0].replace(/^[ \t\n\v\f\r]+/, '');
    if (key === '') throw new FlagValueError(`invalid label '${v}': empty name`);
    if (/[ \t\n\v\f\r]/.test(key)) throw new FlagValueError(`label '${key}' contains whitespaces`);
    return v;
  },
};

/** Go net.ParseIP acceptance: dotted IPv4 without leading zeros, or IPv6 (with optional IPv4 tail). */
function isIP(s: string): boolean {
  const v4 = (x: string) => /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/.test(x);
  if (v4(s)) return true;
  if (!s.includes(':')) return false;
  let body = s;
  let want = 8;
  const lastColon = s.lastIndexOf(':');
  const tail = s.slice(lastColon + 1);
  if (tail.includes('.')) {
    // An IPv4 tail stands for the last two 16-bit groups.
    if (!v4(tail)) return false;
    body = s.slice(0, lastColon + 1);
    if (!body.endsWith('::')) body = body.slice(0, -1);
    want = 6;
  }
  const halves = body.split('::');
  if (halves.length > 2) return false;
  const groups = halves.flatMap((h) => (h === '' ? [] : h.split(':')));
  if (!groups.every((g) => /^[0-9a-fA-F]{1,4}$/.test(g))) return false;
  // "::" stands for at least one zero group.
  return halves.length === 2 ? groups.length < want : groups.length === want;
}
