/**
 * A stand-in for the Kubernetes API server on loopback, for the session
 * backend's tests (no cluster runs here). It implements exactly what the
 * backend calls: create, get, list with labelSelector/fieldSelector, watch
 * and delete of pods and networkpolicies in a namespace; bearer-token auth;
 * Status objects shaped as the real API's (404 NotFound, 409 AlreadyExists,
 * 422 Invalid, 401 Unauthorized); and a kubelet that moves a pod from
 * Pending to Running/Ready with a podIP, or to the failures a learner's
 * session meets (ImagePullBackOff, a crashing dockerd, Unschedulable,
 * activeDeadlineSeconds). Transitions happen on the next turns of the event
 * loop, never on timers, so tests wait for events, not time.
 */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import type { AddressInfo } from 'node:net';

/** What the simulated kubelet does with a new pod. */
export type Behaviour = 'ready' | 'unschedulable' | 'imagePullBackOff' | 'crash';

type Obj = { apiVersion?: string; kind?: string; metadata: Record<string, any>; spec?: any; status?: any };
type Kind = 'pods' | 'networkpolicies';
interface Event {
  rv: number;
  kind: Kind;
  type: 'ADDED' | 'MODIFIED' | 'DELETED';
  object: Obj;
}

/** The stand-in and what tests look at. */
export interface FakeApiServer {
  url: string;
  token: string;
  /** Every request, as "METHOD path?query". */
  log: string[];
  /** Bodies of DELETE requests, in order. */
  deleteOptions: unknown[];
  objects(kind: Kind): Obj[];
  /** The kubelet enforcing activeDeadlineSeconds on one pod now. */
  expire(name: string): void;
  close(): Promise<void>;
}

const DNS1123 = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;

/** Starts the stand-in; `behaviour` decides each new pod's fate, `podIP` is the address every Ready pod gets. */
export async function startFakeApiServer(opts: { namespace: string; podIP?: string; behaviour?: (pod: Obj) => Behaviour; expireFirstWatch?: boolean; tls?: { cert: string; key: string } }): Promise<FakeApiServer> {
  const token = randomUUID();
  const store = { pods: new Map<string, Obj>(), networkpolicies: new Map<string, Obj>() };
  const events: Event[] = [];
  const watchers = new Set<{ kind: Kind; match: (o: Obj) => boolean; res: ServerResponse }>();
  const log: string[] = [];
  const deleteOptions: unknown[] = [];
  let rv = 100;

  const emit = (kind: Kind, type: Event['type'], object: Obj): void => {
    const e = { rv, kind, type, object: structuredClone(object) };
    events.push(e);
    for (const w of watchers) if (w.kind === kind && w.match(object)) w.res.write(`${JSON.stringify({ type, object })}\n`);
  };
  const put = (kind: Kind, obj: Obj, type: Event['type']): void => {
    obj.metadata.resourceVersion = String(++rv);
    store[kind].set(obj.metadata.name, obj);
    emit(kind, type, obj);
  };
  const remove = (kind: Kind, obj: Obj): void => {
    store[kind].delete(obj.metadata.name);
    obj.metadata.resourceVersion = String(++rv);
    emit(kind, 'DELETED', obj);
  };
  // The simulated kubelet: each step a later turn of the event loop, as a real one reports over seconds.
  const update = (name: string, fn: (p: Obj) => void): void => {
    const p = store.pods.get(name);
    if (!p || p.metadata.deletionTimestamp) return;
    fn(p);
    put('pods', p, 'MODIFIED');
  };
  const container = (state: unknown, ready = false) => [{ name: 'dockerd', image: '', ready, restartCount: 0, state }];
  const kubelet = (name: string, fate: Behaviour): void => {
    const schedule = (fn: (p: Obj) => void, then?: () => void) => setImmediate(() => (update(name, fn), then?.()));
    if (fate === 'unschedulable') {
      return void schedule((p) => (p.status.conditions = [{ type: 'PodScheduled', status: 'False', reason: 'Unschedulable', message: '0/3 nodes are available: 3 Insufficient memory. preemption: 0/3 nodes are available: 3 No preemption victims found for incoming pod.' }]));
    }
    schedule(
      (p) => {
        p.spec.nodeName = 'sandbox-node-1';
        p.status.conditions = [{ type: 'PodScheduled', status: 'True' }, { type: 'Ready', status: 'False', reason: 'ContainersNotReady' }];
        p.status.containerStatuses = container({ waiting: { reason: fate === 'imagePullBackOff' ? 'ErrImagePull' : 'ContainerCreating' } });
      },
      () =>
        schedule((p) => {
          const image = p.spec.containers[0].image;
          if (fate === 'imagePullBackOff') p.status.containerStatuses = container({ waiting: { reason: 'ImagePullBackOff', message: `Back-off pulling image "${image}"` } });
          else if (fate === 'crash') Object.assign(p.status, { phase: 'Failed', containerStatuses: container({ terminated: { reason: 'Error', exitCode: 1 } }) });
          else {
            Object.assign(p.status, { phase: 'Running', podIP: opts.podIP ?? '127.0.0.1', podIPs: [{ ip: opts.podIP ?? '127.0.0.1' }] });
            p.status.conditions = [{ type: 'PodScheduled', status: 'True' }, { type: 'Ready', status: 'True' }];
            p.status.containerStatuses = container({ running: { startedAt: new Date().toISOString() } }, true);
          }
        }),
    );
  };

  const handler = (req: IncomingMessage, res: ServerResponse) => void handle(req, res).catch((err) => status(res, 500, 'InternalError', String(err)));
  // The real API server speaks HTTPS only; the tests of the in-cluster configuration need that too.
  const server: Server = opts.tls ? (createTlsServer(opts.tls, handler) as unknown as Server) : createServer(handler);
  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://x');
    log.push(`${req.method} ${url.pathname}${url.search}`);
    if (req.headers.authorization !== `Bearer ${token}`) return status(res, 401, 'Unauthorized', 'Unauthorized');
    const m = /^\/(?:api\/v1|apis\/networking\.k8s\.io\/v1)\/namespaces\/([^/]+)\/(pods|networkpolicies)(?:\/([^/]+))?$/.exec(url.pathname);
    const group = url.pathname.startsWith('/api/v1/') ? 'pods' : 'networkpolicies';
    if (!m || m[2] !== group) return status(res, 404, 'NotFound', 'the server could not find the requested resource');
    const [, ns, kind, name] = m as unknown as [string, string, Kind, string | undefined];
    const body = await readBody(req);
    if (ns !== opts.namespace) return name ? notFound(res, kind, name) : list(res, kind, [], rv);
    if (req.method === 'GET' && !name && url.searchParams.get('watch') === '1') return watch(res, kind, url.searchParams);
    if (req.method === 'GET' && !name) return list(res, kind, [...store[kind].values()].filter(selects(url.searchParams)), rv);
    if (req.method === 'GET') return store[kind].has(name!) ? json(res, 200, store[kind].get(name!)) : notFound(res, kind, name!);
    if (req.method === 'POST' && !name) return create(res, kind, ns, body as Obj);
    if (req.method === 'DELETE' && name) return del(res, kind, name, body);
    return status(res, 405, 'MethodNotAllowed', `the server does not allow this method on the requested resource`);
  }

  function create(res: ServerResponse, kind: Kind, ns: string, obj: Obj): void {
    const name = obj?.metadata?.name as string | undefined;
    const errors: string[] = [];
    if (!name || name.length > 253 || !DNS1123.test(name)) errors.push(`metadata.name: Invalid value: "${name}": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.'`);
    for (const [k, v] of Object.entries((obj?.metadata?.labels ?? {}) as Record<string, string>)) {
      if (v.length > 63 || !LABEL_VALUE.test(v)) errors.push(`metadata.labels: Invalid value: "${v}": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (label ${k})`);
    }
    if (kind === 'pods' && !(obj?.spec?.containers?.length > 0)) errors.push('spec.containers: Required value');
    if (errors.length) return status(res, 422, 'Invalid', `${kind === 'pods' ? 'Pod' : 'NetworkPolicy'} "${name}" is invalid: [${errors.join(', ')}]`, { name, kind: kind === 'pods' ? 'Pod' : 'NetworkPolicy' });
    if (obj.metadata.namespace && obj.metadata.namespace !== ns) return status(res, 400, 'BadRequest', 'the namespace of the provided object does not match the namespace sent on the request');
    if (store[kind].has(name!)) return status(res, 409, 'AlreadyExists', `${kind} "${name}" already exists`, { name, kind });
    const made: Obj = structuredClone(obj);
    Object.assign(made.metadata, { namespace: ns, uid: randomUUID(), creationTimestamp: new Date().toISOString().replace(/\.\d+Z$/, 'Z') });
    if (kind === 'pods') made.status = { phase: 'Pending', qosClass: 'Guaranteed' };
    put(kind, made, 'ADDED');
    json(res, 201, made);
    if (kind === 'pods') kubelet(name!, opts.behaviour?.(made) ?? 'ready');
  }

  function del(res: ServerResponse, kind: Kind, name: string, options: unknown): void {
    deleteOptions.push(options);
    const obj = store[kind].get(name);
    if (!obj) return notFound(res, kind, name);
    if (kind === 'networkpolicies') {
      remove(kind, obj);
      return json(res, 200, obj);
    }
    if (!obj.metadata.deletionTimestamp) {
      // Graceful pod deletion: marked now, gone once the kubelet has killed it and the GC removed its dependents.
      obj.metadata.deletionTimestamp = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
      if ((options as { propagationPolicy?: string })?.propagationPolicy === 'Foreground') obj.metadata.finalizers = ['foregroundDeletion'];
      put(kind, obj, 'MODIFIED');
      setImmediate(() => {
        for (const np of [...store.networkpolicies.values()]) if (np.metadata.ownerReferences?.some((r: { uid: string }) => r.uid === obj.metadata.uid)) remove('networkpolicies', np);
        remove('pods', obj);
      });
    }
    json(res, 200, obj);
  }

  let expireWatch = opts.expireFirstWatch ?? false;
  function watch(res: ServerResponse, kind: Kind, q: URLSearchParams): void {
    const match = selects(q);
    res.writeHead(200, { 'content-type': 'application/json', 'transfer-encoding': 'chunked' });
    const from = Number(q.get('resourceVersion') ?? '0');
    if (expireWatch) {
      // etcd compacted the history the watch asks for: the API answers 200 with one ERROR event (410 Expired).
      expireWatch = false;
      const status = { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: `too old resource version: ${from} (${rv})`, reason: 'Expired', code: 410 };
      return void res.end(`${JSON.stringify({ type: 'ERROR', object: status })}\n`);
    }
    // resourceVersion 0 (or none): synthetic ADDED events for what exists, then changes (api-concepts "Watch").
    if (from === 0) {
      for (const o of store[kind].values()) if (match(o)) res.write(`${JSON.stringify({ type: 'ADDED', object: o })}\n`);
    } else {
      for (const e of events) if (e.rv > from && e.kind === kind && match(e.object)) res.write(`${JSON.stringify({ type: e.type, object: e.object })}\n`);
    }
    const w = { kind, match, res };
    watchers.add(w);
    const timer = setTimeout(() => res.end(), Number(q.get('timeoutSeconds') ?? 1800) * 1000);
    timer.unref();
    res.on('close', () => (watchers.delete(w), clearTimeout(timer)));
  }

  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  return {
    url: `${opts.tls ? 'https' : 'http'}://127.0.0.1:${(server.address() as AddressInfo).port}`,
    token,
    log,
    deleteOptions,
    objects: (kind) => [...store[kind].values()],
    expire: (name) =>
      update(name, (p) => {
        Object.assign(p.status, { phase: 'Failed', reason: 'DeadlineExceeded', message: 'Pod was active on the node longer than the specified deadline' });
        p.status.conditions = [{ type: 'PodScheduled', status: 'True' }, { type: 'Ready', status: 'False', reason: 'PodFailed' }];
      }),
    close: () => {
      for (const w of watchers) w.res.end();
      server.closeAllConnections();
      return new Promise((ok) => server.close(() => ok()));
    },
  };
}

/** A label and field selector as the API evaluates them: `k=v`, `k==v`, `k!=v`, `k`, `!k`, joined by commas (AND). */
function selects(q: URLSearchParams): (o: Obj) => boolean {
  const labels = (q.get('labelSelector') ?? '').split(',').filter(Boolean);
  const fields = (q.get('fieldSelector') ?? '').split(',').filter(Boolean);
  return (o) =>
    labels.every((term) => {
      const l = (o.metadata.labels ?? {}) as Record<string, string>;
      const ne = /^([^!=]+)!=(.*)$/.exec(term);
      if (ne) return l[ne[1]!] !== ne[2];
      const eq = /^([^!=]+)==?(.*)$/.exec(term);
      if (eq) return l[eq[1]!] === eq[2];
      return term.startsWith('!') ? !(term.slice(1) in l) : term in l;
    }) &&
    fields.every((term) => {
      const [k, v] = term.split('=');
      if (k === 'metadata.name') return o.metadata.name === v;
      if (k === 'metadata.namespace') return o.metadata.namespace === v;
      throw new Error(`field selector ${k} not supported by the stand-in`);
    });
}

async function readBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return chunks.length ? JSON.parse(Buffer.concat(chunks).toString('utf8')) : undefined;
}

function json(res: ServerResponse, code: number, body: unknown): void {
  res.writeHead(code, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

function status(res: ServerResponse, code: number, reason: string, message: string, details?: Record<string, unknown>): void {
  json(res, code, { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason, ...(details ? { details } : {}), code });
}

function notFound(res: ServerResponse, kind: Kind, name: string): void {
  status(res, 404, 'NotFound', `${kind} "${name}" not found`, { name, kind });
}

function list(res: ServerResponse, kind: Kind, items: Obj[], resourceVersion: number): void {
  json(res, 200, { kind: kind === 'pods' ? 'PodList' : 'NetworkPolicyList', apiVersion: kind === 'pods' ? 'v1' : 'networking.k8s.io/v1', metadata: { resourceVersion: String(resourceVersion) }, items });
}
