/**
 * The value checks Docker applies to Dockerfile instruction arguments, with
 * Go's words: HEALTHCHECK durations (Go time.ParseDuration, then BuildKit's
 * and moby's parseOptInterval minimum of 1ms) and retries (strconv.ParseInt),
 * EXPOSE ports (go-connections nat.ParsePortSpecs) and STOPSIGNAL (moby
 * signal.ParseSignal). Both builders report them before a step runs or when
 * the step dispatches; these functions only say whether a value is valid.
 */
import { parseSignal } from '../../containers/runtime.ts';

const UNITS: Record<string, number> = { ns: 1, us: 1e3, 'µs': 1e3, 'μs': 1e3, ms: 1e6, s: 1e9, m: 60e9, h: 3600e9 };

/** Go time.ParseDuration in nanoseconds; throws Go's error text. */
export function goDuration(s: string): number {
  const bad = () => new Error(`time: invalid duration ${JSON.stringify(s)}`);
  let rest = s;
  let sign = 1;
  if (rest.startsWith('-') || rest.startsWith('+')) {
    if (rest[0] === '-') sign = -1;
    rest = rest.slice(1);
  }
  if (rest === '0') return 0;
  if (rest === '') throw bad();
  let total = 0;
  while (rest !== '') {
    const num = /^(\d*)(?:\.(\d*))?/.exec(rest)!;
    if (num[0] === '' || num[0] === '.') throw bad();
    rest = rest.slice(num[0].length);
    const unit = /^[^0-9.]*/.exec(rest)![0];
    if (unit === '') throw new Error(`time: missing unit in duration ${JSON.stringify(s)}`);
    const mult = UNITS[unit];
    if (mult === undefined) throw new Error(`time: unknown unit ${JSON.stringify(unit)} in duration ${JSON.stringify(s)}`);
    rest = rest.slice(unit.length);
    total += Number(`${num[1] || '0'}.${num[2] || '0'}`) * mult;
  }
  return sign * Math.round(total);
}

/** A HEALTHCHECK duration flag: Go's duration, 0 when unset, at least 1ms otherwise (parseOptInterval). */
export function healthInterval(name: string, value: string | undefined): number {
  if (value === undefined || value === '') return 0;
  const ns = goDuration(value);
  if (ns === 0) return 0;
  if (ns < 1e6) throw new Error(`Interval ${JSON.stringify(name)} cannot be less than 1ms`);
  return ns;
}

/** HEALTHCHECK --retries: strconv.ParseInt(v, 10, 32), not negative. */
export function healthRetries(value: string | undefined): number {
  if (value === undefined || value === '') return 0;
  if (!/^[+-]?\d+$/.test(value)) throw new Error(`strconv.ParseInt: parsing ${JSON.stringify(value)}: invalid syntax`);
  const n = Number(value);
  if (n > 2 ** 31 - 1 || n < -(2 ** 31)) throw new Error(`strconv.ParseInt: parsing ${JSON.stringify(value)}: value out of range`);
  if (n < 0) throw new Error(`--retries cannot be negative (${n})`);
  return n;
}

/** nat.ParsePortRange for a container port: `80` or `8000-8010`, each 0..65535. */
function validPortRange(p: string): boolean {
  const m = /^(\d+)(?:-(\d+))?$/.exec(p);
  if (!m) return false;
  const lo = Number(m[1]);
  const hi = m[2] === undefined ? lo : Number(m[2]);
  return lo <= 65535 && hi <= 65535 && hi >= lo;
}

/** An EXPOSE word (`port[/proto]`, expanded); throws nat.ParsePortSpec's error. */
export function checkExposePort(spec: string): void {
  const slash = spec.lastIndexOf('/');
  const port = slash < 0 ? spec : spec.slice(0, slash);
  const proto = slash < 0 ? 'tcp' : spec.slice(slash + 1);
  if (!validPortRange(port)) throw new Error(`Invalid containerPort: ${port}`);
  if (!['tcp', 'udp', 'sctp'].includes(proto.toLowerCase())) throw new Error(`Invalid proto: ${proto}`);
}

/** A STOPSIGNAL value; throws `invalid signal: X` as the builders word it. */
export function checkStopSignal(value: string): void {
  try {
    parseSignal(value);
  } catch {
    throw new Error(`invalid signal: ${value}`);
  }
}
