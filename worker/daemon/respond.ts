/**
 * Writing responses the way moby's httputils does: JSON without HTML
 * escaping plus one `\n` (json.Encoder with SetEscapeHTML(false)), errors as
 * `{"message": "..."}` with the status of the error's errdefs class, and the
 * headers every response of the daemon carries.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ENGINE_VERSION } from '../engine/version.ts';
import { isEngineError } from '../engine/errors.ts';
import { MAX_API } from './api-version.ts';

/** Headers moby's middlewares set on every response (Go canonicalizes API-Version to Api-Version). */
export function commonHeaders(): Record<string, string> {
  return {
    'Api-Version': MAX_API,
    'Docker-Experimental': 'false',
    Ostype: 'linux',
    Server: `Docker/${ENGINE_VERSION.version} (linux)`,
  };
}

/** An error answered with an explicit status (routing, parameters, bodies). */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** 400 `{"message": …}`: errdefs.InvalidParameter. */
export function badRequest(message: string): HttpError {
  return new HttpError(400, message);
}

/** The status and message an error is answered with; anything unexpected is a 500 with its text, as moby answers. */
export function statusOf(err: unknown): { status: number; message: string } {
  if (err instanceof HttpError) return { status: err.status, message: err.message };
  if (isEngineError(err)) return { status: err.status, message: err.message };
  return { status: 500, message: err instanceof Error ? err.message : String(err) };
}

/** Go's json.Marshal output plus newline: JSON.stringify already leaves `<>&` unescaped, as SetEscapeHTML(false) does. */
export function jsonLine(value: unknown): string {
  return `${JSON.stringify(value)}\n`;
}

/** Writes a JSON body with `status` (moby httputils.WriteJSON). */
export function sendJson(res: ServerResponse, status: number, value: unknown): void {
  const body = jsonLine(value);
  res.writeHead(status, { ...commonHeaders(), 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) });
  res.end(body);
}

/** 204 No Content (start, stop, kill, tag, delete container…), or 304 Not Modified (start/stop of a container already there). */
export function sendEmpty(res: ServerResponse, status = 204): void {
  res.writeHead(status, commonHeaders());
  res.end();
}

/** Writes an error as moby's makeErrorHandler does. */
export function sendError(res: ServerResponse, err: unknown): void {
  const { status, message } = statusOf(err);
  if (res.headersSent) {
    // A stream already started (logs, pull): the connection ends; stream routes write their own error messages.
    res.destroy();
    return;
  }
  sendJson(res, status, { message });
}

/** Starts a streamed response (pull, load, build, events, logs, save). */
export function startStream(res: ServerResponse, contentType: string, status = 200): void {
  res.writeHead(status, { ...commonHeaders(), 'Content-Type': contentType });
  // Go's http server flushes each write of a streaming handler (WriteFlusher): so does this.
  res.flushHeaders();
}

/** The request's query parameters. */
export function queryOf(req: IncomingMessage): URLSearchParams {
  return new URL(req.url ?? '/', 'http://daemon').searchParams;
}

/** moby httputils.BoolValue: `1`, `true`, `True`… (anything but "", "0", "no", "false", "none"). */
export function boolParam(q: URLSearchParams, name: string): boolean {
  const v = (q.get(name) ?? '').trim().toLowerCase();
  return !(v === '' || v === '0' || v === 'no' || v === 'false' || v === 'none');
}

/** moby httputils.Int64ValueOrDefault: an integer parameter, 400 when it is not one. */
export function intParam(q: URLSearchParams, name: string): number | undefined {
  const v = q.get(name);
  if (v === null || v === '') return undefined;
  if (!/^[-+]?\d+$/.test(v)) throw badRequest(`strconv.ParseInt: parsing "${v}": invalid syntax`);
  return parseInt(v, 10);
}
