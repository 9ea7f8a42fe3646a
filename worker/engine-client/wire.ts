/**
 * The Engine API's wire details the client needs: paths and query strings as
 * docker/cli writes them, filters.Args JSON, the daemon's error bodies, the
 * path-stat header of the archive endpoints, and copying an attached
 * connection to the CLI's streams.
 */
import type { AttachIo, PathStat } from '../engine-api/types.ts';
import type { Filters, JsonMessage } from '../engine/api-types.ts';
import { EngineError, type ErrorCode } from '../engine/errors.ts';
import { StreamError } from '../engine/platform.ts';
import type { ByteStream } from '../engine/stream.ts';
import { collectBytes } from '../common/byte-chunks.ts';
import { demux, jsonValues, STDERR } from './frames.ts';
import type { HijackedConnection, TransportResponse } from './transport.ts';

/** Query parameters; `undefined`, `''` and `false` are left out, lists repeat the key. */
export type Query = Record<string, string | number | boolean | readonly string[] | undefined>;

const CODES: Record<number, ErrorCode> = { 400: 'InvalidParameter', 401: 'Unauthorized', 403: 'Forbidden', 404: 'NotFound', 409: 'Conflict', 501: 'NotImplemented' };

/** A reference in a path: `/` and `:` stay as docker/cli sends them. */
export function ref(name: string): string {
  return encodeURIComponent(name).replace(/%2F/g, '/').replace(/%3A/g, ':').replace(/%40/g, '@');
}

/** The query string; booleans as `1`/`0` are what docker/cli sends for its flags, lists repeat the key. */
export function queryString(q: Query | undefined): string {
  if (!q) return '';
  const parts: string[] = [];
  for (const [k, v] of Object.entries(q)) {
    if (v === undefined || v === '' || v === false) continue;
    const values = Array.isArray(v) ? v : [v === true ? '1' : String(v)];
    for (const one of values) parts.push(`${encodeURIComponent(k)}=${encodeURIComponent(one)}`);
  }
  return parts.length === 0 ? '' : `?${parts.join('&')}`;
}

/** filters.Args as JSON: `{"dangling":{"true":true}}`. */
export function filtersJson(filters: Filters | undefined): string | undefined {
  if (!filters || Object.keys(filters).length === 0) return undefined;
  const out: Record<string, Record<string, boolean>> = {};
  for (const [k, values] of Object.entries(filters)) out[k] = Object.fromEntries(values.map((v) => [v, true]));
  return JSON.stringify(out);
}

/** `repo[:tag]` split as docker/cli's reference parsing gives the API's repo and tag. */
export function splitReference(reference: string): [string, string] {
  const slash = reference.lastIndexOf('/');
  const colon = reference.lastIndexOf(':');
  return colon > slash ? [reference.slice(0, colon), reference.slice(colon + 1)] : [reference, ''];
}

/** The daemon's error body `{"message": "…"}` as an EngineError of the status's class. */
export function daemonError(status: number, body: Uint8Array, fallback: () => string): EngineError {
  let message = fallback();
  try {
    const parsed = JSON.parse(new TextDecoder().decode(body)) as { message?: string };
    if (parsed.message) message = parsed.message;
  } catch {
    const text = new TextDecoder().decode(body).trim();
    if (text !== '') message = text;
  }
  return new EngineError(CODES[status] ?? 'System', message, { status });
}

/** Each message of a JSON stream to `onMessage`; an `error` in it is the stream's error (printed without the daemon prefix). */
export async function messages(body: ByteStream, onMessage: (m: JsonMessage) => void): Promise<void> {
  for await (const v of jsonValues(body)) {
    const m = v as JsonMessage;
    if (m.error !== undefined) throw new StreamError(m.errorDetail?.message ?? m.error);
    onMessage(m);
  }
}

/** The exit status of a `POST /wait` response. */
export async function waitStatus(res: TransportResponse): Promise<number> {
  const bytes = await collectBytes(res.body);
  const r = JSON.parse(new TextDecoder().decode(bytes)) as { StatusCode: number; Error?: { Message: string } | null };
  if (r.Error?.Message) throw new EngineError('System', r.Error.Message);
  return r.StatusCode;
}

/** The X-Docker-Container-Path-Stat header (base64 JSON of container.PathStat). */
export function pathStat(headers: Record<string, string>): PathStat {
  const raw = headers['x-docker-container-path-stat'] ?? '';
  const s = JSON.parse(new TextDecoder().decode(base64(raw))) as { name: string; size: number; mode: number };
  // Go's os.ModeDir is bit 31 of the FileMode.
  return { name: s.name, isDir: s.mode >= 2 ** 31 && Math.floor(s.mode / 2 ** 31) % 2 === 1, size: s.size, mode: s.mode % 0o10000 };
}

function base64(text: string): Uint8Array {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  const clean = text.replace(/[^A-Za-z0-9+/]/g, '');
  const out: number[] = [];
  for (let i = 0; i < clean.length; i += 4) {
    const n = [0, 1, 2, 3].map((j) => (i + j < clean.length ? alphabet.indexOf(clean[i + j]!) : 0));
    const v = (n[0]! << 18) | (n[1]! << 12) | (n[2]! << 6) | n[3]!;
    out.push((v >> 16) & 255);
    if (i + 2 < clean.length) out.push((v >> 8) & 255);
    if (i + 3 < clean.length) out.push(v & 255);
  }
  return new Uint8Array(out);
}

/** Copies an attached connection's output to `io` (demultiplexed without a TTY) and `io.stdin` to it; resolves at its end. */
export async function pump(conn: HijackedConnection, io: AttachIo, tty: boolean): Promise<void> {
  const input = (async () => {
    if (!io.stdin) return;
    const enc = new TextEncoder();
    for (let t = await io.stdin.read(); t !== null; t = await io.stdin.read()) await conn.write(enc.encode(t));
    await conn.closeWrite();
  })();
  const out = new TextDecoder();
  const err = new TextDecoder();
  if (tty) for await (const chunk of conn.body) io.stdout(out.decode(chunk, { stream: true }));
  else for await (const [stream, payload] of demux(conn.body)) (stream === STDERR ? io.stderr(err.decode(payload, { stream: true })) : io.stdout(out.decode(payload, { stream: true })));
  conn.close();
  await input.catch(() => undefined);
}

export function splitLines(text: string): string[] {
  return text.split(/(?<=\n)/).filter((l) => l !== '');
}

export function json(body: unknown): Uint8Array {
  return new TextEncoder().encode(JSON.stringify(body));
}

export function isStream(x: unknown): x is ByteStream {
  return typeof x === 'object' && x !== null && Symbol.asyncIterator in x;
}
