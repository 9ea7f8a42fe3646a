/**
 * docker/go-units duration.go HumanDuration: the "CREATED … ago" and
 * "Up …" texts (docker-reference §1.5). There is never "1 day", "1 week",
 * "1 month" or "1 year": each unit starts at 2.
 */

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

/**
 * Go's Duration.Hours()/Minutes()/Seconds(): whole units plus the remainder
 * as a fraction, computed separately (as Go does) so the result is the
 * correctly rounded quotient.
 */
function units(ms: number, unit: number): number {
  const whole = Math.trunc(ms / unit);
  return whole + (ms - whole * unit) / unit;
}

/** go-units HumanDuration for a duration given in milliseconds. */
export function humanDuration(ms: number): string {
  const seconds = Math.trunc(units(ms, SECOND));
  if (seconds < 1) return 'Less than a second';
  if (seconds === 1) return '1 second';
  if (seconds < 60) return `${seconds} seconds`;
  const minutes = Math.trunc(units(ms, MINUTE));
  if (minutes === 1) return 'About a minute';
  if (minutes < 60) return `${minutes} minutes`;
  // Hours are rounded (int(d.Hours() + 0.5)); years below are not.
  const hours = Math.trunc(units(ms, HOUR) + 0.5);
  if (hours === 1) return 'About an hour';
  if (hours < 48) return `${hours} hours`;
  if (hours < 24 * 7 * 2) return `${Math.trunc(hours / 24)} days`;
  if (hours < 24 * 30 * 2) return `${Math.trunc(hours / 24 / 7)} weeks`;
  if (hours < 24 * 365 * 2) return `${Math.trunc(hours / 24 / 30)} months`;
  return `${Math.trunc(Math.trunc(units(ms, HOUR)) / 24 / 365)} years`;
}
