/**
 * The few Kubernetes API calls the session backend makes, over plain
 * node:https (node:http for a loopback stand-in): JSON in, JSON out, a
 * bearer token, and watches read as newline-delimited JSON events.
 *
 * No client library: @kubernetes/client-node brings some fifteen runtime
 * dependencies (fetch and proxy agents, ws, tar-fs, js-yaml, openid-client…)
 * and a generated client for every API group, for five REST calls whose
 * wire format is stable and documented (Kubernetes "API Concepts": watches,
 * resource versions, the Status kind). Everything here is what
 * `kubectl get --raw` shows.
 */
import http from 'node:http';
import https from 'node:https';
import { readFile } from 'node:fs/promises';

/** Where the API server is and how to authenticate to it. */
export interface KubeConfig {
  /** e.g. https://10.96.0.1:443, or http://127.0.0.1:PORT for the tests' stand-in. */
  server: string;
  /** Read before each request: in a pod the kubelet rotates the projected token file (bound tokens expire). */
  token: () => Promise<string>;
  /** PEM of the cluster CA (https only). */
  ca?: string;
}

/** The service account files every pod gets unless automountServiceAccountToken is false. */
export const SERVICE_ACCOUNT_DIR = '/var/run/secrets/kubernetes.io/serviceaccount';

/** The configuration of a runner inside the cluster: its service account token and CA, and the API's service address. */
export async function inClusterConfig(env: NodeJS.ProcessEnv = process.env, dir = SERVICE_ACCOUNT_DIR): Promise<KubeConfig> {
  const host = env.KUBERNETES_SERVICE_HOST;
  const port = env.KUBERNETES_SERVICE_PORT ?? '443';
  if (!host) throw new Error('not in a Kubernetes pod: KUBERNETES_SERVICE_HOST is unset (set RUNNER_K8S_API and RUNNER_K8S_TOKEN_FILE instead)');
  return {
    server: `https://${host.includes(':') ? `[${host}]` : host}:${port}`,
    token: async () => (await readFile(`${dir}/token`, 'utf8')).trim(),
    ca: await readFile(`${dir}/ca.crt`, 'utf8'),
  };
}

/** An error the API answered with: its HTTP code and the Status object's reason (NotFound, AlreadyExists, Unauthorized…). */
export class KubeError extends Error {
  constructor(
    readonly code: number,
    readonly reason: string,
    message: string,
  ) {
    super(message);
  }
}

/** One watch event (api-concepts "Watch"): ADDED, MODIFIED, DELETED, BOOKMARK or ERROR. */
export interface WatchEvent<T> {
  type: string;
  object: T;
}

/** A minimal REST client for namespaced objects. */
export class KubeApi {
  readonly #config: KubeConfig;

  constructor(config: KubeConfig) {
    this.#config = config;
  }

  /** Sends one request; resolves to the decoded JSON body, or throws a KubeError built from the Status object. */
  async call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const res = await this.#open(method, path, body);
    const text = await readText(res);
    const status = res.statusCode ?? 0;
    if (status >= 200 && status < 300) return JSON.parse(text) as T;
    throw statusError(status, text);
  }

  /**
   * Watches a collection from `resourceVersion`, yielding events until the server ends the stream (it does
   * after its timeoutSeconds) or `signal` aborts. An ERROR event (410 Gone: the version is too old) is thrown.
   */
  async *watch<T>(path: string, signal: AbortSignal): AsyncGenerator<WatchEvent<T>> {
    const res = await this.#open('GET', path, undefined, signal);
    if ((res.statusCode ?? 0) !== 200) throw statusError(res.statusCode ?? 0, await readText(res));
    let pending = '';
    try {
      for await (const chunk of res) {
        pending += (chunk as Buffer).toString('utf8');
        let nl: number;
        while ((nl = pending.indexOf('\n')) >= 0) {
          const line = pending.slice(0, nl).trim();
          pending = pending.slice(nl + 1);
          if (line === '') continue;
          const event = JSON.parse(line) as WatchEvent<T>;
          if (event.type === 'ERROR') {
            const s = event.object as { code?: number; reason?: string; message?: string };
            throw new KubeError(s.code ?? 500, s.reason ?? 'Unknown', s.message ?? 'watch error');
          }
          yield event;
        }
      }
    } catch (err) {
      if (signal.aborted) return;
      throw err;
    } finally {
      res.destroy();
    }
  }

  async #open(method: string, path: string, body: unknown, signal?: AbortSignal): Promise<http.IncomingMessage> {
    const url = new URL(path, this.#config.server);
    const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
    const headers: Record<string, string> = { accept: 'application/json', authorization: `Bearer ${await this.#config.token()}` };
    if (payload) Object.assign(headers, { 'content-type': 'application/json', 'content-length': String(payload.length) });
    const secure = url.protocol === 'https:';
    const options: https.RequestOptions = { method, headers, ...(signal ? { signal } : {}), ...(secure && this.#config.ca ? { ca: this.#config.ca } : {}) };
    return new Promise((resolve, reject) => {
      const req = (secure ? https : http).request(url, options, resolve);
      req.on('error', reject);
      req.end(payload);
    });
  }
}

async function readText(res: http.IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of res) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function statusError(code: number, text: string): KubeError {
  try {
    const s = JSON.parse(text) as { kind?: string; reason?: string; message?: string };
    if (s.kind === 'Status') return new KubeError(code, s.reason ?? 'Unknown', s.message ?? `HTTP ${code}`);
  } catch {
    // Not JSON: a proxy or load balancer in front of the API answered.
  }
  return new KubeError(code, 'Unknown', `HTTP ${code}: ${text.slice(0, 200)}`);
}
