/**
 * Request bodies: read as a stream, chunk by chunk (a `docker load` or
 * `docker build` context can be large), with the limits moby applies where
 * it has them, and JSON bodies decoded with moby's words for their errors.
 */
import type { IncomingMessage } from 'node:http';
import { badRequest, HttpError } from './respond.ts';
import { parseGoJson } from './go-json.ts';

/** A request body as chunks; a consumer must accept any chunk size (the ByteStream contract of streams.md). */
export async function* bodyStream(req: AsyncIterable<Uint8Array>, limit = Infinity): AsyncGenerator<Uint8Array> {
  let seen = 0;
  for await (const chunk of req) {
    seen += chunk.length;
    if (seen > limit) throw new HttpError(413, `request body too large: more than ${limit} bytes`);
    yield chunk;
  }
}

/** The whole body as one buffer (for engine calls that still take whole buffers). */
export async function readAll(chunks: AsyncIterable<Uint8Array>): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  let n = 0;
  for await (const c of chunks) {
    parts.push(c);
    n += c.length;
  }
  const out = new Uint8Array(n);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/**
 * A JSON request body that is small by nature (create, exec, network create):
 * 1 MiB is far above any of them, and refusing more keeps one client from
 * filling the daemon's memory (moby decodes these without a limit; its
 * limits are on the socket and the kernel's).
 */
export const JSON_BODY_LIMIT = 1 << 20;

/**
 * Decodes a JSON body as moby's httputils.ReadJSON / runconfig's decoder do:
 * a Content-Type other than JSON is refused, an empty body is `{}` where
 * moby allows one, and a syntax error reads `invalid JSON: <Go's message>`.
 */
export async function readJson(req: IncomingMessage, opts: { emptyOk?: boolean } = {}): Promise<Record<string, unknown>> {
  const ct = req.headers['content-type'];
  if (ct !== undefined && ct !== '') {
    const mt = ct.split(';')[0]!.trim().toLowerCase();
    if (mt !== 'application/json') throw badRequest(`unsupported Content-Type header (${ct}): must be 'application/json'`);
  }
  const text = new TextDecoder().decode(await readAll(bodyStream(req, JSON_BODY_LIMIT)));
  if (text.trim() === '') {
    if (opts.emptyOk) return {};
    throw badRequest('invalid JSON: got EOF while reading request body');
  }
  let parsed: { value: unknown; more: boolean };
  try {
    parsed = parseGoJson(text);
  } catch (err) {
    throw badRequest(`invalid JSON: ${(err as Error).message}`);
  }
  if (parsed.more) throw badRequest('unexpected content after JSON');
  if (parsed.value === null) return {};
  if (typeof parsed.value !== 'object' || Array.isArray(parsed.value)) {
    throw badRequest(`invalid JSON: json: cannot unmarshal ${Array.isArray(parsed.value) ? 'array' : typeof parsed.value === 'string' ? 'string' : typeof parsed.value} into Go value of type struct`);
  }
  return parsed.value as Record<string, unknown>;
}
