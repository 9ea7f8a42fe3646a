/**
 * TEST-ONLY policies for the server's tests: the server's job is the
 * transport (framing, limits, back-pressure, hijack, isolation), so these
 * tests pass requests through unchanged instead of depending on the policy
 * helper's decisions (test/runner/policy/ tests those). Never used by
 * runner/main.ts.
 */
import type { PolicyModule } from '../../../runner/proxy/connection.ts';

/** Routes whose body is a tar stream (build context, archive PUT, image load). */
const STREAMED = /^(\/v[\d.]+)?\/(build|images\/load|containers\/[^/]+\/archive)(\?|$)/;

/** Forwards every request as it came; `/refuse-me` is refused with 403 to show a refusal's shape. */
export const openPolicy: PolicyModule = {
  maxJsonBody: 64 * 1024,
  streamBody: (method, path) => (method === 'POST' || method === 'PUT') && STREAMED.test(path),
  applyPolicy(req) {
    if (req.path.startsWith('/refuse-me')) return { kind: 'refuse', status: 403, message: 'refuse-me is not allowed' };
    // A stand-in for the real policy's rebuild: fresh bytes and headers of its own.
    if (req.path.startsWith('/v1.51/echo?rebuild')) return { kind: 'forward', method: 'POST', path: '/v1.51/echo', headers: { 'content-type': 'application/json' }, body: Buffer.from('{"rebuilt":true}') };
    const headers: Record<string, string> = {};
    if (req.headers['content-type']) headers['content-type'] = req.headers['content-type'];
    const stream = STREAMED.test(req.path) && req.method !== 'GET' && req.method !== 'HEAD' ? { stream: { maxBytes: 8 * 1024 * 1024 } } : {};
    return { kind: 'forward', method: req.method, path: req.path, headers, body: req.body, ...stream };
  },
};
