/**
 * Request headers: checked, then rebuilt from nothing (runner-security.md
 * §2.2 items 3, 4, 11, 12; §4.6; §5.3 9–11, 14–15). The server hands the
 * policy the whole body, so framing is the runner's own (it sends its own
 * Content-Length); a learner's framing headers may only agree with it.
 */
import { forbid, malformed, Refusal } from './refusal.ts';

/** Headers the page may send; anything else is dropped (never forwarded), these are checked. */
const FRAMING = ['content-length', 'transfer-encoding', 'content-encoding', 'x-http-method-override', 'x-http-method', 'x-method-override'];

/** Checks framing and override headers for a request with `body` (buffered or null). */
export function checkHeaders(headers: Record<string, string>, body: Uint8Array | null, streamed: boolean, upgrade: boolean): void {
  for (const k of Object.keys(headers)) if (k !== k.toLowerCase()) malformed('header names must be lower-case');
  for (const k of FRAMING.slice(3)) if (headers[k] !== undefined) forbid(`header ${k} is not allowed on this runner`);
  if (headers['content-encoding'] !== undefined && headers['content-encoding'] !== 'identity') forbid('compressed request bodies are not allowed on this runner');
  const te = headers['transfer-encoding'];
  const cl = headers['content-length'];
  if (te !== undefined && cl !== undefined) malformed('both Content-Length and Transfer-Encoding (request smuggling)');
  if (!streamed && te !== undefined) malformed('Transfer-Encoding is not allowed on a JSON route: send the whole body');
  if (streamed && te !== undefined && te.toLowerCase() !== 'chunked') malformed('unsupported Transfer-Encoding');
  if (cl !== undefined) {
    if (!/^[0-9]{1,12}$/.test(cl)) malformed('invalid Content-Length (or several)');
    if (!streamed && Number(cl) !== (body?.length ?? 0)) malformed('Content-Length disagrees with the body');
  }
  // A hijack is the page's `upgrade: true`, on attach/exec start only; an
  // Upgrade header on a plain request is a smuggling attempt (§4.6).
  const conn = (headers.connection ?? '').toLowerCase();
  if (!upgrade && (headers.upgrade !== undefined || conn.split(',').some((t) => t.trim() === 'upgrade'))) {
    forbid('Upgrade headers are only allowed on attach and exec start');
  }
}

/**
 * The content type a route's body must carry. JSON: exactly
 * `application/json` (opa-docker-authz compares exactly; the daemon's
 * CheckForJSON also takes parameters, §2.2 item 3). Tar: `application/x-tar`,
 * or none / `text/plain` as the docker CLI sends on `docker cp` — never a
 * form type, since the build and archive handlers call Go's ParseForm, which
 * reads an `application/x-www-form-urlencoded` body as parameters
 * (`networkmode=host&remote=…` in the body, §2.2 item 10).
 */
export function checkContentType(headers: Record<string, string>, expected: 'application/json' | 'application/x-tar'): void {
  const ct = headers['content-type'];
  if (ct === expected) return;
  if (expected === 'application/x-tar' && (ct === undefined || ct === 'text/plain')) return;
  throw new Refusal(415, `Content-Type must be ${expected}`);
}
