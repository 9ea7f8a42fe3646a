/** Engine API versions (`1.45`), compared as docker/cli's versions package compares them. */

/** The lower of two API versions: what client and daemon agree on (client.NegotiateAPIVersion). */
export function lowerApiVersion(a: string, b: string): string {
  const [am = 0, an = 0] = a.split('.').map(Number);
  const [bm = 0, bn = 0] = b.split('.').map(Number);
  return am < bm || (am === bm && an < bn) ? a : b;
}
