/** Shared pieces of the policy tests: a session, request builders, and the rebuilt body as JSON. */
import { applyPolicy, type ApiRequest, type PolicyResult, type SessionPolicy } from '../../../runner/policy/index.ts';

export const SESSION: SessionPolicy = {
  sessionId: 's1',
  labels: { 'org.layerlab.session': 's1' },
  network: 'none',
  memoryBytes: 512 * 1024 * 1024,
  nanoCpus: 1_000_000_000,
  pidsLimit: 256,
};

/** A request as the page would relay it. */
export function req(method: string, path: string, body?: string | Uint8Array | object | null, headers: Record<string, string> = {}, upgrade = false): ApiRequest {
  let bytes: Uint8Array | null = null;
  if (typeof body === 'string') bytes = new TextEncoder().encode(body);
  else if (body instanceof Uint8Array) bytes = body;
  else if (body !== undefined && body !== null) bytes = new TextEncoder().encode(JSON.stringify(body));
  const h = { ...headers };
  if (bytes && bytes.length > 0 && h['content-type'] === undefined) h['content-type'] = 'application/json';
  return { method, path, headers: h, body: bytes, upgrade };
}

/** applyPolicy with the test session. */
export function decide(r: ApiRequest, session: SessionPolicy = SESSION): PolicyResult {
  return applyPolicy(r, session);
}

/** The rebuilt body of a forwarded request, parsed. */
export function bodyOf(r: PolicyResult): unknown {
  if (r.kind !== 'forward') throw new Error(`refused: ${r.status} ${r.message}`);
  return r.body ? JSON.parse(new TextDecoder().decode(r.body)) : null;
}

/** What the session forces into every container's HostConfig (runner-security.md §6.2). */
export const FORCED_HOST = {
  CapDrop: ['CAP_AUDIT_WRITE', 'CAP_MKNOD', 'CAP_NET_RAW', 'CAP_SETFCAP'],
  CgroupnsMode: 'private',
  IpcMode: 'private',
  SecurityOpt: ['no-new-privileges=true'],
  ShmSize: 64 * 1024 * 1024,
  LogConfig: { Type: 'local', Config: { 'max-size': '5m', 'max-file': '2' } },
  Memory: 512 * 1024 * 1024,
  MemorySwap: 512 * 1024 * 1024,
  NanoCpus: 1_000_000_000,
  PidsLimit: 256,
  Ulimits: [
    { Name: 'nofile', Soft: 1024, Hard: 4096 },
    { Name: 'core', Soft: 0, Hard: 0 },
  ],
};
