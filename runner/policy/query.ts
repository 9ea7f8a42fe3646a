/**
 * Query strings, read the way Go's url.ParseQuery reads them, with every
 * divergence refused (runner-security.md §2.2 item 10, §5.3 38): `;` is an
 * error in Go ≥ 1.17, malformed escapes are refused, and a repeated key is
 * refused unless the route takes a list (Go's FormValue takes the first,
 * other stacks the last: `networkmode=default&networkmode=host`).
 */
import { forbid, malformed } from './refusal.ts';

/** One decoded parameter. */
export interface Param {
  key: string;
  value: string;
}

/** Decodes a raw query (without `?`). */
export function parseQuery(raw: string): Param[] {
  if (raw === '') return [];
  if (raw.includes(';')) malformed('";" in query string');
  const out: Param[] = [];
  for (const part of raw.split('&')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    const k = eq < 0 ? part : part.slice(0, eq);
    const v = eq < 0 ? '' : part.slice(eq + 1);
    out.push({ key: decode(k), value: decode(v) });
  }
  return out;
}

function decode(s: string): string {
  try {
    return decodeURIComponent(s.replace(/\+/g, ' '));
  } catch {
    malformed('malformed percent-encoding in query string');
  }
}

/**
 * Checks params against an allow-list: unknown keys → 403, repeats → 400
 * unless the key is in `lists`. Returns them in the order received.
 */
export function allowQuery(params: Param[], allowed: readonly string[], lists: readonly string[] = []): Param[] {
  const seen = new Set<string>();
  for (const p of params) {
    if (!allowed.includes(p.key)) forbid(`query parameter ${JSON.stringify(p.key)} is not allowed on this route`);
    if (seen.has(p.key) && !lists.includes(p.key)) malformed(`query parameter ${JSON.stringify(p.key)} is repeated`);
    seen.add(p.key);
  }
  return params;
}

/** The value of a key, or undefined. */
export function get(params: Param[], key: string): string | undefined {
  return params.find((p) => p.key === key)?.value;
}

/** Encodes params as a fresh query string (`?a=b&c=d`, or "" when empty); Go decodes `%20` and `+` alike. */
export function encodeQuery(params: Param[]): string {
  if (params.length === 0) return '';
  return '?' + params.map((p) => `${encodeURIComponent(p.key)}=${encodeURIComponent(p.value)}`).join('&');
}
