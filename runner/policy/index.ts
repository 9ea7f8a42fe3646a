/**
 * The runner's policy: "rebuild, don't filter" (runner-security.md §0 item
 * 3, §6). Each request from the page is parsed strictly and a FRESH request
 * is built from the route allow-list (routes.ts), the allowed query
 * parameters and the allowed body fields; everything else is forced or
 * refused. The learner's bytes are never forwarded: not the path, not the
 * query, not the headers, not a JSON body (tar streams are the exception the
 * server pipes, counted against `stream.maxBytes`).
 */
import { rebuildBuildQuery } from './build.ts';
import { rebuildConnect, rebuildExec, rebuildExecStart, rebuildNetwork, rebuildVolume } from './bodies.ts';
import { rebuildCreate } from './create.ts';
import { checkContentType, checkHeaders } from './headers.ts';
import { parseStrictJson, type Json } from './json.ts';
import { parseTarget } from './path.ts';
import { allowQuery, encodeQuery, get, parseQuery, type Param } from './query.ts';
import { forbid, malformed, Refusal } from './refusal.ts';
import { matchRoute, type Match } from './routes.ts';
import type { ApiRequest, PolicyResult, SessionPolicy } from './types.ts';
import { checkImage, checkName } from './values.ts';

export type { ApiRequest, PolicyResult, SessionPolicy } from './types.ts';
export { ROUTES, MAX_TAR } from './routes.ts';

/** Buffered JSON bodies are capped at 256 KiB (§6.2); the server buffers up to this and the policy refuses more with 413. */
export const maxJsonBody = 256 * 1024;

/** The API version the runner forwards to unless the session says otherwise. */
export const PINNED_API = '1.51';

const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'DELETE'];

/** Tells the server whether a route's body is a streamed tar (build context, archive PUT, image load) rather than buffered JSON. */
export function streamBody(method: string, path: string): boolean {
  try {
    return matchRoute(method, parseTarget(path).segments)?.route.body === 'tar';
  } catch {
    return false;
  }
}

/** Decides one request: a rebuilt request to forward, or a refusal with its status and plain reason. */
export function applyPolicy(req: ApiRequest, session: SessionPolicy): PolicyResult {
  try {
    return decide(req, session);
  } catch (e) {
    if (e instanceof Refusal) return { kind: 'refuse', status: e.status, message: `layerlab runner: ${e.message}` };
    throw e;
  }
}

function decide(req: ApiRequest, session: SessionPolicy): PolicyResult {
  if (!METHODS.includes(req.method)) forbid(`method ${req.method} is not allowed`);
  const target = parseTarget(req.path);
  const match = matchRoute(req.method, target.segments);
  if (!match) forbid(`${req.method} ${target.route} is not allowed on this runner`);
  const { route } = match;
  if (req.upgrade && !route.upgrade) forbid('only attach and exec start may upgrade the connection');
  checkHeaders(req.headers, req.body, route.body === 'tar', req.upgrade);
  if (match.param !== undefined) {
    if (route.template.includes('{image}')) checkImage(match.param, 'image name');
    else checkName('name or id', match.param);
  }
  const params = route.template === '/build' ? rebuildBuildQuery(parseQuery(target.query), session) : checkQuery(match, parseQuery(target.query));

  const headers: Record<string, string> = {};
  let body: Uint8Array | null = null;
  let stream: { maxBytes: number } | undefined;
  let upgrade = req.upgrade;
  if (route.body === 'none') {
    // The commit body is a container Config merged into the image's: the CLI
    // 20.10 sends `null`, the page's client `{}`; anything more is refused
    // (config changes travel as `changes` in the query).
    const b = req.body;
    if (b && b.length > 0 && !(route.template === '/commit' && ['null', '{}'].includes(new TextDecoder().decode(b).trim()))) {
      forbid(`${req.method} ${route.template} takes no body`);
    }
  } else if (route.body === 'tar') {
    if (req.body && req.body.length > 0) malformed('a streamed body must not be buffered');
    checkContentType(req.headers, 'application/x-tar');
    const cl = req.headers['content-length'];
    if (cl !== undefined && Number(cl) > route.maxBytes!) throw new Refusal(413, `request body larger than ${route.maxBytes} bytes`);
    headers['content-type'] = 'application/x-tar';
    stream = { maxBytes: route.maxBytes! };
  } else {
    const b = req.body;
    if (b && b.length > maxJsonBody) throw new Refusal(413, `request body larger than ${maxJsonBody} bytes`);
    if (!b || b.length === 0) malformed('a JSON body is required');
    checkContentType(req.headers, 'application/json');
    const doc = parseStrictJson(b);
    const rebuilt = rebuildBody(match, doc, session);
    if (rebuilt.detach) upgrade = false;
    if (req.upgrade && rebuilt.detach) malformed('a detached exec start does not upgrade');
    body = new TextEncoder().encode(JSON.stringify(rebuilt.body));
    headers['content-type'] = 'application/json';
  }
  if (upgrade) {
    headers.connection = 'Upgrade';
    headers.upgrade = 'tcp';
  }
  const version = session.apiVersion ?? PINNED_API;
  const result: PolicyResult = { kind: 'forward', method: req.method, path: `/v${version}${target.route}${encodeQuery(params)}`, headers, body };
  if (stream) result.stream = stream;
  return result;
}

function rebuildBody(match: Match, doc: Json, session: SessionPolicy): { body: Json; detach?: boolean } {
  const t = match.route.template;
  if (t === '/containers/create') return { body: rebuildCreate(doc, session) };
  if (t === '/containers/{id}/exec') return { body: rebuildExec(doc) };
  if (t === '/exec/{id}/start') return rebuildExecStart(doc);
  if (t === '/volumes/create') return { body: rebuildVolume(doc, session) };
  if (t === '/networks/create') return { body: rebuildNetwork(doc, session) };
  if (t === '/networks/{id}/connect') return { body: rebuildConnect(doc, false) };
  if (t === '/networks/{id}/disconnect') return { body: rebuildConnect(doc, true) };
  throw new Error(`no rebuild for ${t}`);
}

const INT = /^-?[0-9]{1,12}$/;
const SIGNAL = /^(SIG)?[A-Z0-9+-]{1,16}$|^[0-9]{1,2}$/;
const BOOL = /^(|0|1|true|false|True|False)$/;

/** Query checks per route (beyond the allow-list): values that reach a host or change a mode. */
function checkQuery(match: Match, raw: Param[]): Param[] {
  const { route } = match;
  const params = allowQuery(raw, route.query, route.lists ?? []);
  const t = route.template;
  for (const p of params) {
    const v = p.value;
    switch (p.key) {
      case 'name':
        if (v !== '') checkName('name', v.replace(/^\//, ''));
        break;
      case 'platform':
        // Emulation burns CPU and needs binfmt on the host (§2.1, §2.4): the host's platform only.
        if (v !== '') forbid('the platform parameter is not allowed on this runner');
        break;
      case 'h':
      case 'w':
        // A terminal of 1..1000 rows/columns (`rows=1e9`, §5.3 3).
        if (!/^[0-9]{1,4}$/.test(v) || Number(v) < 1 || Number(v) > 1000) malformed(`invalid terminal size ${p.key}=${v}`);
        break;
      case 't':
      case 'tail':
      case 'limit':
        if (v !== '' && v !== 'all' && !INT.test(v)) malformed(`invalid ${p.key}`);
        break;
      case 'signal':
        if (v !== '' && !SIGNAL.test(v)) malformed('invalid signal');
        break;
      case 'fromSrc':
        // `fromSrc=<URL>` makes the daemon fetch a URL (SSRF, §2.3); `-` would upload a body, which this route does not take.
        forbid('importing images (fromSrc) is not allowed on this runner');
        break;
      case 'fromImage':
        checkImage(v);
        break;
      case 'repo':
        if (t === '/images/create') forbid('the repo parameter is only for imports, which are not allowed on this runner');
        if (v !== '') checkImage(v, 'repository');
        break;
      case 'tag':
        if (v !== '' && !/^[\w][\w.-]{0,127}$/.test(v)) malformed('invalid tag');
        break;
      case 'changes':
      case 'message':
        if (t === '/images/create') forbid('the import parameters are not allowed on this runner');
        break;
      case 'container':
        checkName('container', v);
        break;
      case 'names':
        checkImage(v);
        break;
      case 'condition':
        if (!['', 'not-running', 'next-exit', 'removed'].includes(v)) malformed('invalid wait condition');
        break;
      default:
        if (v.length > 8192) malformed(`query parameter ${p.key} too long`);
    }
    if (['all', 'size', 'follow', 'stdout', 'stderr', 'timestamps', 'details', 'stream', 'stdin', 'logs', 'force', 'v', 'noprune', 'quiet', 'pause', 'digests', 'shared-size', 'noOverwriteDirNonDir', 'copyUIDGID', 'one-shot', 'verbose', 'manifests'].includes(p.key)) {
      if (!BOOL.test(v)) malformed(`invalid boolean ${p.key}`);
    }
  }
  if (t === '/images/create' && !get(params, 'fromImage')) forbid('images/create needs fromImage (imports are not allowed on this runner)');
  if (t === '/commit' && get(params, 'container') === undefined) malformed('commit needs a container');
  return params;
}
