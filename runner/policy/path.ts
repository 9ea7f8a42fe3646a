/**
 * The request target, canonical or refused (runner-security.md §1.3 item 2,
 * §2.2 items 8–9, §5.3 B 8–9).
 *
 * dockerd serves `/vX.Y/…` and unversioned routes alike (moby CreateMux) and
 * gorilla/mux matches the DECODED path, so `/v1.47/containers%2Fcreate`
 * reaches create. We accept one spelling only: an optional `/v1.NN` prefix
 * inside the version window, then segments of plain characters, no empty
 * segment (`//`, trailing `/`), no `.`/`..`, no percent-encoding at all, no
 * absolute-form target. The version is dropped and the runner forwards to
 * its pinned version, so an old prefix cannot switch the daemon's defaults
 * (API < 1.40 `IpcMode shareable`, < 1.41 `CgroupnsMode host`).
 */
import { forbid, malformed } from './refusal.ts';

/** The oldest prefix accepted: moby's default MinAPIVersion (daemon/config/config.go). */
export const MIN_API = 40;
/** The newest prefix accepted: Engine 28.5's API. */
export const MAX_API = 51;

/** A parsed target: the route path without version, and the raw query (without `?`). */
export interface Target {
  route: string;
  segments: string[];
  query: string;
}

/** Splits and checks a raw request target. */
export function parseTarget(raw: string): Target {
  if (raw.length > 8192) malformed('request path too long');
  if (!raw.startsWith('/')) forbid('only origin-form request paths are allowed');
  const q = raw.indexOf('?');
  const path = q < 0 ? raw : raw.slice(0, q);
  const query = q < 0 ? '' : raw.slice(q + 1);
  if (query.includes('#') || path.includes('#')) malformed('fragment in request path');
  // Percent-encoding has no legitimate use in the routes we allow (names,
  // ids and image references are plain), and gorilla/mux would decode it.
  if (path.includes('%')) forbid('percent-encoded request paths are not allowed');
  if (!/^[A-Za-z0-9/_.:@+-]*$/.test(path)) forbid('unexpected characters in request path');
  const segments = path.slice(1).split('/');
  if (segments.some((s) => s === '' || s === '.' || s === '..')) forbid('non-canonical request path (empty, "." or ".." segment)');
  const first = segments[0]!;
  if (/^[vV]/.test(first) && /^[vV][0-9.]+$/.test(first)) {
    const m = /^v1\.([0-9]{2})$/.exec(first);
    if (!m) forbid(`API version prefix ${JSON.stringify(first)} is not allowed`);
    const minor = Number(m![1]);
    if (minor < MIN_API || minor > MAX_API) forbid(`API version ${first.slice(1)} is not allowed on this runner (1.${MIN_API}–1.${MAX_API})`);
    segments.shift();
    if (segments.length === 0) forbid('no route after the API version');
  }
  return { route: '/' + segments.join('/'), segments, query };
}
