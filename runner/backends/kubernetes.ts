/**
 * The Kubernetes session backend: a session is a pod running its own
 * dockerd under a sandboxed RuntimeClass, created, found and deleted through
 * the Kubernetes API. The API server is the only state: pods carry the
 * session's labels and expiry, so any runner replica can find, serve and
 * reap any session (SCALING.md).
 */
import { readFile } from 'node:fs/promises';
import type { Transport } from '../../worker/engine-client/transport.ts';
import { nodeTransport } from '../../worker/engine-client/node-transport.ts';
import type { SessionBackend, SessionEngine, SessionSpec } from './backend.ts';
import { inClusterConfig, KubeApi, KubeError } from './kube-api.ts';
import {
  DEFAULT_RUNTIME_CLASS,
  EXPIRES_ANNOTATION,
  MANAGED_BY,
  SESSION_LABEL,
  podName,
  sessionIdOf,
  sessionNetworkPolicy,
  sessionPod,
  type PodSettings,
  type Sandbox,
} from './kubernetes-pod.ts';

/** The runner's client certificate for the engines' mutual TLS (PEM). */
export interface EngineTls {
  ca: string;
  cert: string;
  key: string;
  /** The name in the engines' server certificate: pod IPs are not known when it is issued. */
  servername: string;
}

/** How the backend is set up. */
export interface KubernetesBackendOptions extends Omit<PodSettings, 'deadlineSeconds' | 'tlsSecret'> {
  api: KubeApi;
  /** The session's hard TTL; the pod's activeDeadlineSeconds adds `graceSeconds` so the runner's own teardown comes first. */
  ttlSeconds: number;
  graceSeconds?: number;
  /** How long create() waits for the pod to be Ready and its dockerd to answer /_ping. */
  readyTimeoutMs: number;
  /** Mutual TLS to the engines, with the Secret holding their server certificate; absent only where told to (tests). */
  tls?: { client: EngineTls; secret: string };
  /** Makes the transport to an engine (tests and the default both use node-transport). */
  transport?: (endpoint: string, tls?: EngineTls) => Transport;
  now?: () => Date;
}

/** A session that could not start; the message says why in plain words. */
export class SessionStartError extends Error {}

interface Pod {
  metadata: { name: string; uid?: string; resourceVersion?: string; labels?: Record<string, string>; annotations?: Record<string, string>; deletionTimestamp?: string };
  status?: {
    phase?: string;
    reason?: string;
    message?: string;
    podIP?: string;
    conditions?: { type: string; status: string; reason?: string; message?: string }[];
    containerStatuses?: { name: string; state?: { waiting?: { reason?: string; message?: string }; terminated?: { reason?: string; exitCode?: number } } }[];
  };
}
interface PodList {
  metadata: { resourceVersion: string };
  items: Pod[];
}

// The kubelet keeps retrying these, but a session waiting on them will not start in time (kubectl
// describe shows the same reasons); ErrImagePull alone is left to its retry, it may be transient.
const FATAL_WAITING = new Set(['ImagePullBackOff', 'InvalidImageName', 'ErrImageNeverPull', 'CrashLoopBackOff', 'CreateContainerConfigError', 'CreateContainerError', 'RunContainerError']);

/** How long the API server keeps one watch open (it closes it then; we re-read and watch again). */
const WATCH_SECONDS = 300;

/** Sessions as pods. */
export class KubernetesBackend implements SessionBackend {
  readonly name = 'kubernetes';
  readonly #o: KubernetesBackendOptions;
  readonly #pods: string;
  readonly #policies: string;

  constructor(options: KubernetesBackendOptions) {
    this.#o = options;
    this.#pods = `/api/v1/namespaces/${options.namespace}/pods`;
    this.#policies = `/apis/networking.k8s.io/v1/namespaces/${options.namespace}/networkpolicies`;
  }

  /** Creates the session's pod and waits, bounded, until it is Ready and its dockerd answers /_ping. */
  async create(spec: SessionSpec): Promise<SessionEngine> {
    const o = this.#o;
    const now = (o.now ?? (() => new Date()))();
    const deadline = Date.now() + o.readyTimeoutMs;
    const settings: PodSettings = { ...o, deadlineSeconds: o.ttlSeconds + (o.graceSeconds ?? 60), ...(o.tls ? { tlsSecret: o.tls.secret } : {}) };
    const manifest = sessionPod(spec, settings, new Date(now.getTime() + o.ttlSeconds * 1000));
    const created = await o.api.call<Pod>('POST', this.#pods, manifest);
    try {
      if (spec.policy.network !== 'none') await o.api.call('POST', this.#policies, sessionNetworkPolicy(spec.id, o.namespace, created.metadata.uid ?? ''));
      const pod = await this.#waitReady(created, deadline);
      const engine = this.#engine(spec.id, pod.status!.podIP!);
      await ping(engine, deadline, podName(spec.id));
      return engine;
    } catch (err) {
      // Nothing half-made stays behind: the pod (and with it the data volume) goes at once.
      await this.destroy(spec.id).catch(() => undefined);
      throw err;
    }
  }

  /** Deletes the session's pod and policy; a session already gone is not an error. */
  async destroy(id: string): Promise<void> {
    // Foreground: the pod object stays until its dependents (the owned NetworkPolicy) are gone, so a
    // reaper listing pods never sees a session as gone while a piece of it remains.
    const options = { apiVersion: 'v1', kind: 'DeleteOptions', propagationPolicy: 'Foreground' };
    await Promise.all([this.#delete(`${this.#pods}/${podName(id)}`, options), this.#delete(`${this.#policies}/${podName(id)}`, options)]);
  }

  /** The ids of the sessions whose pods exist and are not being deleted. */
  async list(): Promise<string[]> {
    return (await this.#sessionPods()).filter((p) => !p.metadata.deletionTimestamp).flatMap((p) => idOf(p) ?? []);
  }

  /**
   * The sessions any runner may delete without knowing them: past their expiry, or whose pod stopped
   * (activeDeadlineSeconds leaves a Failed pod behind). Safe with many runners, unlike "not mine".
   */
  async expired(now = (this.#o.now ?? (() => new Date()))()): Promise<string[]> {
    return (await this.#sessionPods())
      .filter((p) => !p.metadata.deletionTimestamp)
      .filter((p) => p.status?.phase === 'Failed' || p.status?.phase === 'Succeeded' || Date.parse(p.metadata.annotations?.[EXPIRES_ANNOTATION] ?? '') <= now.getTime())
      .flatMap((p) => idOf(p) ?? []);
  }

  /** The engine of a session another runner created: found by its pod, so runners keep no session table. Null when gone or not ready. */
  async open(id: string): Promise<SessionEngine | null> {
    let pod: Pod;
    try {
      pod = await this.#o.api.call<Pod>('GET', `${this.#pods}/${podName(id)}`);
    } catch (err) {
      if (err instanceof KubeError && err.code === 404) return null;
      throw err;
    }
    return podState(pod).kind === 'ready' && idOf(pod) === id ? this.#engine(id, pod.status!.podIP!) : null;
  }

  #engine(id: string, ip: string): SessionEngine {
    const endpoint = `tcp://${ip.includes(':') ? `[${ip}]` : ip}:${this.#o.enginePort}`;
    const client = this.#o.tls?.client;
    const transport = this.#o.transport ? this.#o.transport(endpoint, client) : nodeTransport(endpoint, client ? { tls: client } : {});
    return { id, endpoint, transport };
  }

  async #sessionPods(): Promise<Pod[]> {
    const selector = encodeURIComponent(`${MANAGED_BY.key}=${MANAGED_BY.value},${SESSION_LABEL}`);
    return (await this.#o.api.call<PodList>('GET', `${this.#pods}?labelSelector=${selector}`)).items;
  }

  async #delete(path: string, options: unknown): Promise<void> {
    try {
      await this.#o.api.call('DELETE', path, options);
    } catch (err) {
      if (!(err instanceof KubeError && err.code === 404)) throw err;
    }
  }

  /** Watches the pod from the version create() returned; re-reads it whenever a watch ends early. */
  async #waitReady(created: Pod, deadline: number): Promise<Pod> {
    const name = created.metadata.name;
    let pod = created;
    for (;;) {
      const state = podState(pod);
      if (state.kind === 'ready') return pod;
      if (state.kind === 'failed') throw new SessionStartError(`session pod ${name} failed: ${state.reason}`);
      const left = deadline - Date.now();
      if (left <= 0) throw new SessionStartError(`session pod ${name} not ready after ${Math.round(this.#o.readyTimeoutMs / 1000)} s: ${state.reason}`);
      const abort = new AbortController();
      const timer = setTimeout(() => abort.abort(), left);
      // The server ends a watch after timeoutSeconds whatever happens; our own deadline aborts it sooner.
      const query = `watch=1&fieldSelector=${encodeURIComponent(`metadata.name=${name}`)}&resourceVersion=${pod.metadata.resourceVersion ?? '0'}&timeoutSeconds=${WATCH_SECONDS}`;
      try {
        for await (const event of this.#o.api.watch<Pod>(`${this.#pods}?${query}`, abort.signal)) {
          if (event.type === 'DELETED') throw new SessionStartError(`session pod ${name} was deleted while starting`);
          pod = event.object;
          if (podState(pod).kind !== 'waiting') break;
        }
      } catch (err) {
        // 410 Gone: the version we watch from was compacted away; read the pod again and watch from there.
        if (!(err instanceof KubeError && err.code === 410)) throw err;
        pod = await this.#o.api.call<Pod>('GET', `${this.#pods}/${name}`);
      } finally {
        clearTimeout(timer);
        abort.abort();
      }
    }
  }
}

type PodState = { kind: 'ready' } | { kind: 'failed'; reason: string } | { kind: 'waiting'; reason: string };

/** Where a starting pod stands, with the reason `kubectl describe` would show. */
function podState(pod: Pod): PodState {
  const st = pod.status ?? {};
  if (pod.metadata.deletionTimestamp) return { kind: 'failed', reason: 'being deleted' };
  if (st.phase === 'Failed' || st.phase === 'Succeeded') {
    const exited = st.containerStatuses?.find((c) => c.state?.terminated);
    const why = st.message ?? (exited ? `${exited.name} exited with code ${exited.state!.terminated!.exitCode} (${exited.state!.terminated!.reason})` : undefined);
    return { kind: 'failed', reason: `${st.phase}${st.reason ? ` (${st.reason})` : ''}${why ? `: ${why}` : ''}` };
  }
  for (const c of st.containerStatuses ?? []) {
    const w = c.state?.waiting;
    if (w?.reason && FATAL_WAITING.has(w.reason)) return { kind: 'failed', reason: `${w.reason}${w.message ? `: ${w.message}` : ''}` };
  }
  const ready = st.conditions?.find((c) => c.type === 'Ready');
  if (ready?.status === 'True' && st.podIP) return { kind: 'ready' };
  const unscheduled = st.conditions?.find((c) => c.type === 'PodScheduled' && c.status === 'False');
  const waiting = st.containerStatuses?.find((c) => c.state?.waiting)?.state?.waiting;
  const why = unscheduled?.message ?? waiting?.reason ?? ready?.reason;
  return { kind: 'waiting', reason: `phase ${st.phase ?? 'Pending'}${why ? ` (${why})` : ''}` };
}

function idOf(pod: Pod): string | null {
  return sessionIdOf(pod.metadata.labels?.[SESSION_LABEL]);
}

/** Waits, with backoff up to 1 s, until the engine answers /_ping with 200 OK, as `docker` does before its first call. */
async function ping(engine: SessionEngine, deadline: number, name: string): Promise<void> {
  let wait = 50;
  let last = 'no answer';
  for (;;) {
    const left = deadline - Date.now();
    if (left <= 0) throw new SessionStartError(`session pod ${name} is ready but its engine at ${engine.endpoint} does not answer /_ping: ${last}`);
    try {
      const res = await withTimeout(engine.transport.request({ method: 'GET', path: '/_ping' }), left);
      let body = '';
      for await (const chunk of res.body) body += Buffer.from(chunk).toString('utf8');
      if (res.status === 200 && body === 'OK') return;
      last = `HTTP ${res.status} ${body.slice(0, 100)}`;
    } catch (err) {
      // Keep the engine's own refusal rather than the last attempt's cut-off by the deadline.
      if (!(err instanceof DeadlineError) || last === 'no answer') last = (err as Error).message;
    }
    await new Promise((ok) => setTimeout(ok, Math.min(wait, Math.max(0, deadline - Date.now()))));
    wait = Math.min(wait * 2, 1000);
  }
}

class DeadlineError extends Error {}

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([p, new Promise<T>((_, fail) => (timer = setTimeout(() => fail(new DeadlineError(`no answer within ${ms} ms`)), ms)))]).finally(() => clearTimeout(timer));
}

/**
 * The backend as the runner's environment configures it (runner/deploy/kubernetes/runner.yaml sets these):
 * RUNNER_K8S_NAMESPACE, RUNNER_K8S_IMAGE, RUNNER_K8S_SANDBOX (gvisor|kata|sysbox), RUNNER_K8S_RUNTIME_CLASS,
 * RUNNER_K8S_API + RUNNER_K8S_TOKEN_FILE [+ RUNNER_K8S_CA_FILE] (else the pod's service account),
 * RUNNER_K8S_TLS_DIR (ca.pem, cert.pem, key.pem) + RUNNER_K8S_TLS_SECRET + RUNNER_K8S_TLS_NAME, or
 * RUNNER_K8S_PLAINTEXT=1 to speak plain TCP to the engines (tests only), RUNNER_K8S_READY_SECONDS,
 * RUNNER_TTL_SECONDS, RUNNER_REGISTRY_MIRROR, RUNNER_K8S_STORAGE_DRIVER, RUNNER_K8S_CPU_REQUEST. `over` replaces any option (tests).
 */
export async function kubernetesBackendFromEnv(env: NodeJS.ProcessEnv = process.env, over: Partial<KubernetesBackendOptions> = {}): Promise<KubernetesBackend> {
  const sandbox = (env.RUNNER_K8S_SANDBOX ?? 'gvisor') as Sandbox;
  if (!Object.hasOwn(DEFAULT_RUNTIME_CLASS, sandbox)) throw new Error(`RUNNER_K8S_SANDBOX must be gvisor, kata or sysbox, not ${sandbox}`);
  const api = new KubeApi(
    env.RUNNER_K8S_API
      ? {
          server: env.RUNNER_K8S_API,
          token: async () => (await readFile(env.RUNNER_K8S_TOKEN_FILE ?? '/dev/null', 'utf8')).trim(),
          ...(env.RUNNER_K8S_CA_FILE ? { ca: await readFile(env.RUNNER_K8S_CA_FILE, 'utf8') } : {}),
        }
      : await inClusterConfig(env),
  );
  let tls: KubernetesBackendOptions['tls'];
  if (env.RUNNER_K8S_TLS_DIR) {
    const dir = env.RUNNER_K8S_TLS_DIR;
    const [ca, cert, key] = await Promise.all(['ca.pem', 'cert.pem', 'key.pem'].map((f) => readFile(`${dir}/${f}`, 'utf8')));
    tls = { client: { ca: ca!, cert: cert!, key: key!, servername: env.RUNNER_K8S_TLS_NAME ?? 'layerlab-session' }, secret: env.RUNNER_K8S_TLS_SECRET ?? 'layerlab-session-tls' };
  } else if (env.RUNNER_K8S_PLAINTEXT !== '1') {
    // The engine port is root on the session: never in clear over the pod network unless asked.
    throw new Error('RUNNER_K8S_TLS_DIR is unset: the runner speaks mutual TLS to session engines (RUNNER_K8S_PLAINTEXT=1 to speak plain TCP, for tests)');
  }
  return new KubernetesBackend({
    api,
    namespace: env.RUNNER_K8S_NAMESPACE ?? 'layerlab-sessions',
    image: env.RUNNER_K8S_IMAGE ?? 'docker:28.5.1-dind',
    sandbox,
    runtimeClassName: env.RUNNER_K8S_RUNTIME_CLASS ?? DEFAULT_RUNTIME_CLASS[sandbox],
    enginePort: Number(env.RUNNER_K8S_ENGINE_PORT ?? (tls ? 2376 : 2375)),
    ttlSeconds: Number(env.RUNNER_TTL_SECONDS ?? 3600),
    readyTimeoutMs: Number(env.RUNNER_K8S_READY_SECONDS ?? 120) * 1000,
    overheadBytes: 256 * 1024 ** 2,
    ...(tls ? { tls } : {}),
    ...(env.RUNNER_REGISTRY_MIRROR ? { registryMirror: env.RUNNER_REGISTRY_MIRROR } : {}),
    ...(env.RUNNER_K8S_STORAGE_DRIVER ? { storageDriver: env.RUNNER_K8S_STORAGE_DRIVER } : {}),
    ...(env.RUNNER_K8S_CPU_REQUEST ? { cpuRequest: env.RUNNER_K8S_CPU_REQUEST } : {}),
    ...over,
  });
}
