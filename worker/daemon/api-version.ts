/**
 * Engine API version negotiation as moby's VersionMiddleware does it
 * (api/server/middleware/version.go): a path may carry `/v1.NN/`; without
 * one the request is served at the daemon's own version; outside
 * [minimum, maximum] it is refused with 400 and moby's words.
 */
import { ENGINE_VERSION } from '../engine/version.ts';

/** The highest API version served (Docker 28.5). */
export const MAX_API = ENGINE_VERSION.api;
/** moby's default minimum (DOCKER_MIN_API_VERSION unset). */
export const MIN_API = ENGINE_VERSION.minApi;

/** Compares two `major.minor` versions numerically, as moby's versions.compare. */
export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map((n) => parseInt(n, 10) || 0);
  const pb = b.split('.').map((n) => parseInt(n, 10) || 0);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d < 0 ? -1 : 1;
  }
  return 0;
}

/** A request path split into its API version (the daemon's when absent) and the route path. */
export interface VersionedPath {
  version: string;
  path: string;
}

/**
 * Splits `/v1.45/containers/json` into `1.45` and `/containers/json`. moby's
 * router matches `/v{version:[0-9.]+}`: any other `/v…` prefix is no route.
 */
export function splitVersion(pathname: string): VersionedPath {
  const m = /^\/v([0-9.]+)(\/.*)$/.exec(pathname);
  return m ? { version: m[1]!, path: m[2]! } : { version: MAX_API, path: pathname };
}

/** moby's refusal of a version out of range, or undefined when it is served. */
export function versionError(version: string): string | undefined {
  if (compareVersions(version, MIN_API) < 0) {
    return `client version ${version} is too old. Minimum supported API version is ${MIN_API}, please upgrade your client to a newer version`;
  }
  if (compareVersions(version, MAX_API) > 0) return `client version ${version} is too new. Maximum supported API version is ${MAX_API}`;
  return undefined;
}
