/**
 * STAND-IN, to be replaced by the policy helper's module at merge (issue 14).
 * The server's branch needs the module's shape to compile and run; this one
 * refuses everything but `GET/HEAD /_ping` and `GET /version`, so it is safe
 * if it ever ships by mistake. The interface is the one pinned in
 * /work/helpers/runner-protocol.md.
 */

/** What the page asked for, as it came (never forwarded as is). */
export interface ApiRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: Uint8Array | null;
  upgrade: boolean;
}

/** The forced values of one session, from the runner's configuration. */
export interface SessionPolicy {
  sessionId: string;
  labels: Record<string, string>;
  network: 'none' | 'bridge';
  memoryBytes: number;
  nanoCpus: number;
  pidsLimit: number;
  diskBytes?: number;
  runtime?: string;
}

/** The decision on one request. */
export type PolicyResult =
  | { kind: 'forward'; method: string; path: string; headers: Record<string, string>; body: Uint8Array | null; stream?: { maxBytes: number } }
  | { kind: 'refuse'; status: number; message: string };

/** Largest buffered JSON body. */
export const maxJsonBody = 256 * 1024;

/** No route streams its body in the stand-in. */
export function streamBody(_method: string, _path: string): boolean {
  return false;
}

/** Deny all but the ping and version routes (STAND-IN). */
export function applyPolicy(req: ApiRequest, _session: SessionPolicy): PolicyResult {
  const m = /^\/v1\.\d+(\/_ping|\/version)$/.exec(req.path) ?? /^(\/_ping)$/.exec(req.path);
  if (m && !req.upgrade && req.body === null && (req.method === 'GET' || (req.method === 'HEAD' && m[1] === '/_ping'))) {
    return { kind: 'forward', method: req.method, path: `/v1.51${m[1]}`, headers: {}, body: null };
  }
  return { kind: 'refuse', status: 403, message: `layerlab runner: ${req.method} ${req.path.split('?')[0]} is not allowed` };
}
