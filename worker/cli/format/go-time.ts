/**
 * Go time formatting as docker prints it: `time.Time.String()` for
 * `CreatedAt` in `--format json` (`2026-11-24 02:31:58 +0000 UTC`) and
 * RFC 3339 / RFC 3339 with nanoseconds for inspect `Created` and
 * `history -H=false` (docker-reference §2.1, §6, §7).
 */

/** Options of {@link goTimeString}. */
export interface GoTimeOptions {
  /** Zone abbreviation (Go's "MST" field); default "UTC" at offset 0, else "+01" / "+0530" like tzdata's numeric names. */
  zone?: string;
  /** Nanoseconds within the second (0–999999999), replacing the Date's milliseconds. */
  nanos?: number;
}

function toDate(date: Date | number): Date {
  return typeof date === 'number' ? new Date(date) : date;
}

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

/** Go's `.999999999` layout element: fraction with trailing zeros trimmed, nothing when zero. */
function fraction(nanos: number): string {
  if (nanos === 0) return '';
  return '.' + pad(nanos, 9).replace(/0+$/, '');
}

function subsecondNanos(d: Date, nanos: number | undefined): number {
  return nanos ?? d.getUTCMilliseconds() * 1e6;
}

/** Calendar fields of `d` shifted by the zone offset. */
function fields(d: Date, offsetMinutes: number): string {
  const t = new Date(d.getTime() + offsetMinutes * 60_000);
  return (
    `${pad(t.getUTCFullYear(), 4)}-${pad(t.getUTCMonth() + 1, 2)}-${pad(t.getUTCDate(), 2)}` +
    ` ${pad(t.getUTCHours(), 2)}:${pad(t.getUTCMinutes(), 2)}:${pad(t.getUTCSeconds(), 2)}`
  );
}

function offsetText(offsetMinutes: number, withColon: boolean): string {
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  return `${sign}${pad(Math.floor(abs / 60), 2)}${withColon ? ':' : ''}${pad(abs % 60, 2)}`;
}

/**
 * Go `time.Time.String()`: `2006-01-02 15:04:05.999999999 -0700 MST` in a
 * zone `tzOffsetMinutes` east of UTC.
 */
export function goTimeString(date: Date | number, tzOffsetMinutes = 0, options: GoTimeOptions = {}): string {
  const d = toDate(date);
  let zone = options.zone;
  if (zone === undefined) {
    const abs = Math.abs(tzOffsetMinutes);
    const sign = tzOffsetMinutes < 0 ? '-' : '+';
    zone = tzOffsetMinutes === 0 ? 'UTC' : `${sign}${pad(Math.floor(abs / 60), 2)}${abs % 60 ? pad(abs % 60, 2) : ''}`;
  }
  return `${fields(d, tzOffsetMinutes)}${fraction(subsecondNanos(d, options.nanos))} ${offsetText(tzOffsetMinutes, false)} ${zone}`;
}

/** Go `time.RFC3339Nano` in UTC: `2026-11-24T02:31:58.574934519Z` (trailing zeros trimmed). */
export function rfc3339Nano(date: Date | number, nanos?: number): string {
  const d = toDate(date);
  return fields(d, 0).replace(' ', 'T') + fraction(subsecondNanos(d, nanos)) + 'Z';
}

/** Go `time.RFC3339` in UTC: `2026-11-24T02:31:58Z`. */
export function rfc3339(date: Date | number): string {
  return fields(toDate(date), 0).replace(' ', 'T') + 'Z';
}
