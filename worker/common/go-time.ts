/** Go time layouts the engine and the CLI both print. */

/**
 * Go's time.ANSIC layout of an RFC 3339 time, in UTC: moby reports a
 * component's BuildTime this way (`Wed Oct  8 12:18:25 2025`), the top-level
 * one as RFC 3339 with nanoseconds.
 */
export function ansic(rfc3339: string): string {
  const d = new Date(rfc3339);
  const days = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const hms = [d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds()].map((n) => String(n).padStart(2, '0')).join(':');
  return `${days[d.getUTCDay()]} ${months[d.getUTCMonth()]} ${String(d.getUTCDate()).padStart(2, ' ')} ${hms} ${d.getUTCFullYear()}`;
}
