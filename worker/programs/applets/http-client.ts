/**
 * What curl and wget share: reading a URL as they do (scheme optional,
 * `http` assumed; port 80, or 443 for https), resolving its host and
 * opening the connection through the container's network (the engine's
 * network/lab.ts), and one HTTP exchange with the server found there.
 * TLS is not simulated: an https URL reaches port 443, where no lab server
 * listens.
 */
import type { HttpRequest, HttpResponse } from '../../engine/network/http.ts';
import type { ProcessNetwork } from '../../engine/network/lab.ts';

/** A parsed URL. */
export interface Url {
  scheme: string;
  host: string;
  port: number;
  /** Whether the port was written in the URL (then it is part of Host:). */
  explicitPort: boolean;
  /** Path and query, `/` at least. */
  path: string;
}

/** Parses `http://web:8080/x?y`, `web/x`, `web`; undefined when there is no host. */
export function parseUrl(raw: string): Url | undefined {
  const m = /^(?:([a-zA-Z][a-zA-Z0-9+.-]*):\/\/)?([^/?#:]*)(?::(\d*))?([^#]*)/.exec(raw);
  if (!m || !m[2]) return undefined;
  const scheme = (m[1] ?? 'http').toLowerCase();
  const explicitPort = m[3] !== undefined && m[3] !== '';
  const port = explicitPort ? Number(m[3]) : scheme === 'https' ? 443 : 80;
  let path = m[4] || '/';
  if (path.startsWith('?')) path = '/' + path;
  return { scheme, host: m[2], port, explicitPort, path };
}

/** The Host header value (the port only when written). */
export function hostHeader(u: Url): string {
  return u.explicitPort ? `${u.host}:${u.port}` : u.host;
}

/** How an exchange ended. */
export type Fetched =
  | { kind: 'resolve' }
  | { kind: 'refused' | 'unreachable'; address: string }
  | { kind: 'ok'; address: string; response: HttpResponse };

/** Resolves the host of `u` (undefined: no such host). */
export function resolveHost(net: ProcessNetwork, u: Url): string | undefined {
  return net.resolve?.(u.host);
}

/** Connects to the resolved address and runs one exchange. */
export async function exchange(net: ProcessNetwork, address: string, u: Url, req: Omit<HttpRequest, 'client'>): Promise<Fetched> {
  const conn = (await net.connect?.(address, u.port)) ?? { ok: false as const, error: 'unreachable' as const, address };
  if (!conn.ok) return { kind: conn.error, address };
  const response = await conn.handler({ ...req, client: conn.client });
  return { kind: 'ok', address, response };
}

/** Bytes → text for a terminal (latin-1 for bytes that are not UTF-8, as a byte stream shows). */
export function bodyText(body: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    let s = '';
    for (const b of body) s += String.fromCharCode(b);
    return s;
  }
}
