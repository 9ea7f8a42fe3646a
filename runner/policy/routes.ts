/**
 * The route allow-list (runner-security.md §6.1): an explicit table of
 * (method, route template) pairs, matched on the canonical path exactly —
 * case included, since gorilla/mux routes are case-sensitive and a
 * prefix/regex table drifts (§1.3 item 1). Everything else is 403, which
 * covers swarm, nodes, services, tasks, secrets, configs, plugins, /session
 * and /grpc (BuildKit), /auth, /distribution, /debug, /libpod (§2.3, §5.3 7).
 *
 * Ownership: every session has its own engine (issue 14, §0 item 5), so the
 * objects a path names are the session's own, and list, events and prune
 * endpoints see only the session's objects; prune is therefore allowed.
 */
/** How a route's body travels. */
export type BodyKind =
  | 'none' // no body (a zero-length body or the CLI 20.10's `null` JSON is accepted and dropped)
  | 'json' // a buffered JSON body, rebuilt by `rebuild`
  | 'tar'; // a streamed tar, piped by the server up to `maxBytes`

/** One allowed route. */
export interface Route {
  method: string;
  /** Segments; `{id}` is a container/volume/network name or id, `{image}` one or more segments of an image reference. */
  template: string;
  query: readonly string[];
  /** Keys that may repeat (`t` of build, `names` of save, `changes` of commit). */
  lists?: readonly string[];
  body: BodyKind;
  /** May be a hijacked (upgraded) stream. */
  upgrade?: boolean;
  /** Streamed body cap. */
  maxBytes?: number;
}

const MiB = 1024 * 1024;
/** Build contexts, image tars and archive uploads: 512 MiB (§2.4 context caps). */
export const MAX_TAR = 512 * MiB;

const LOGS = ['follow', 'stdout', 'stderr', 'since', 'until', 'timestamps', 'tail', 'details'];
const ATTACH = ['stream', 'stdin', 'stdout', 'stderr', 'logs', 'detachKeys'];

/** The table, in the order it is searched. */
export const ROUTES: readonly Route[] = [
  { method: 'GET', template: '/_ping', query: [], body: 'none' },
  { method: 'HEAD', template: '/_ping', query: [], body: 'none' },
  { method: 'GET', template: '/version', query: [], body: 'none' },
  { method: 'GET', template: '/info', query: [], body: 'none' },
  { method: 'GET', template: '/system/df', query: ['type'], lists: ['type'], body: 'none' },
  { method: 'GET', template: '/events', query: ['since', 'until', 'filters'], body: 'none' },

  { method: 'POST', template: '/containers/create', query: ['name', 'platform'], body: 'json' },
  { method: 'GET', template: '/containers/json', query: ['all', 'limit', 'size', 'filters', 'before', 'since'], body: 'none' },
  { method: 'POST', template: '/containers/prune', query: ['filters'], body: 'none' },
  { method: 'GET', template: '/containers/{id}/json', query: ['size'], body: 'none' },
  { method: 'GET', template: '/containers/{id}/logs', query: LOGS, body: 'none' },
  { method: 'GET', template: '/containers/{id}/top', query: ['ps_args'], body: 'none' },
  { method: 'GET', template: '/containers/{id}/stats', query: ['stream', 'one-shot'], body: 'none' },
  { method: 'GET', template: '/containers/{id}/changes', query: [], body: 'none' },
  { method: 'GET', template: '/containers/{id}/export', query: [], body: 'none' },
  { method: 'GET', template: '/containers/{id}/archive', query: ['path'], body: 'none' },
  { method: 'HEAD', template: '/containers/{id}/archive', query: ['path'], body: 'none' },
  { method: 'PUT', template: '/containers/{id}/archive', query: ['path', 'noOverwriteDirNonDir', 'copyUIDGID'], body: 'tar', maxBytes: MAX_TAR },
  { method: 'POST', template: '/containers/{id}/start', query: ['detachKeys'], body: 'none' },
  { method: 'POST', template: '/containers/{id}/stop', query: ['t', 'signal'], body: 'none' },
  { method: 'POST', template: '/containers/{id}/restart', query: ['t', 'signal'], body: 'none' },
  { method: 'POST', template: '/containers/{id}/kill', query: ['signal'], body: 'none' },
  { method: 'POST', template: '/containers/{id}/pause', query: [], body: 'none' },
  { method: 'POST', template: '/containers/{id}/unpause', query: [], body: 'none' },
  { method: 'POST', template: '/containers/{id}/wait', query: ['condition'], body: 'none' },
  { method: 'POST', template: '/containers/{id}/resize', query: ['h', 'w'], body: 'none' },
  { method: 'POST', template: '/containers/{id}/attach', query: ATTACH, body: 'none', upgrade: true },
  { method: 'POST', template: '/containers/{id}/rename', query: ['name'], body: 'none' },
  { method: 'POST', template: '/containers/{id}/exec', query: [], body: 'json' },
  { method: 'DELETE', template: '/containers/{id}', query: ['v', 'force'], body: 'none' },

  { method: 'POST', template: '/exec/{id}/start', query: [], body: 'json', upgrade: true },
  { method: 'POST', template: '/exec/{id}/resize', query: ['h', 'w'], body: 'none' },
  { method: 'GET', template: '/exec/{id}/json', query: [], body: 'none' },

  { method: 'GET', template: '/images/json', query: ['all', 'filters', 'digests', 'shared-size', 'manifests'], body: 'none' },
  { method: 'POST', template: '/images/create', query: ['fromImage', 'tag', 'platform', 'fromSrc', 'repo', 'changes', 'message'], lists: ['changes'], body: 'none' },
  { method: 'POST', template: '/images/load', query: ['quiet', 'platform'], lists: ['platform'], body: 'tar', maxBytes: MAX_TAR },
  { method: 'GET', template: '/images/get', query: ['names', 'platform'], lists: ['names', 'platform'], body: 'none' },
  { method: 'POST', template: '/images/prune', query: ['filters'], body: 'none' },
  { method: 'GET', template: '/images/{image}/json', query: ['manifests', 'platform'], body: 'none' },
  { method: 'GET', template: '/images/{image}/history', query: ['platform'], body: 'none' },
  { method: 'GET', template: '/images/{image}/get', query: ['platform'], lists: ['platform'], body: 'none' },
  { method: 'POST', template: '/images/{image}/tag', query: ['repo', 'tag'], body: 'none' },
  { method: 'DELETE', template: '/images/{image}', query: ['force', 'noprune', 'platforms'], body: 'none' },
  { method: 'POST', template: '/commit', query: ['container', 'repo', 'tag', 'comment', 'author', 'pause', 'changes'], lists: ['changes'], body: 'none' },

  { method: 'POST', template: '/build', query: [], body: 'tar', maxBytes: MAX_TAR },
  { method: 'POST', template: '/build/prune', query: ['all', 'filters', 'keep-storage', 'reserved-space', 'max-used-space', 'min-free-space'], body: 'none' },

  { method: 'GET', template: '/volumes', query: ['filters'], body: 'none' },
  { method: 'POST', template: '/volumes/create', query: [], body: 'json' },
  { method: 'POST', template: '/volumes/prune', query: ['filters'], body: 'none' },
  { method: 'GET', template: '/volumes/{id}', query: [], body: 'none' },
  { method: 'DELETE', template: '/volumes/{id}', query: ['force'], body: 'none' },

  { method: 'GET', template: '/networks', query: ['filters'], body: 'none' },
  { method: 'POST', template: '/networks/create', query: [], body: 'json' },
  { method: 'POST', template: '/networks/prune', query: ['filters'], body: 'none' },
  { method: 'GET', template: '/networks/{id}', query: ['verbose', 'scope'], body: 'none' },
  { method: 'DELETE', template: '/networks/{id}', query: [], body: 'none' },
  { method: 'POST', template: '/networks/{id}/connect', query: [], body: 'json' },
  { method: 'POST', template: '/networks/{id}/disconnect', query: [], body: 'json' },
];

/** A matched route and the path parameter it named. */
export interface Match {
  route: Route;
  param?: string;
}

/** Finds the route for a method and canonical segments, or undefined. */
export function matchRoute(method: string, segments: readonly string[]): Match | undefined {
  for (const route of ROUTES) {
    if (route.method !== method) continue;
    const t = route.template.slice(1).split('/');
    if (t.includes('{image}')) {
      // `{image}` spans segments (moby: `/images/{name:.*}/json`); the fixed segments are matched from both ends.
      const at = t.indexOf('{image}');
      const tail = t.length - at - 1;
      if (segments.length < t.length) continue;
      if (!t.slice(0, at).every((s, i) => s === segments[i])) continue;
      if (!t.slice(at + 1).every((s, i) => s === segments[segments.length - tail + i])) continue;
      const name = segments.slice(at, segments.length - tail).join('/');
      // Routes with a fixed word after images/ (`json`, `load`, `get`, `prune`, `create`) are their own entries.
      if (tail === 0 && segments.length === 2 && ['json', 'load', 'get', 'prune', 'create', 'search'].includes(name)) continue;
      return { route, param: name };
    }
    if (t.length !== segments.length) continue;
    let param: string | undefined;
    let ok = true;
    for (let i = 0; i < t.length; i++) {
      if (t[i] === '{id}') param = segments[i];
      else if (t[i] !== segments[i]) ok = false;
    }
    if (!ok) continue;
    // `/containers/json` is the list, not container "json".
    if (param !== undefined && ['json', 'create', 'prune'].includes(param) && t.length === 2) continue;
    return { route, param };
  }
  return undefined;
}
