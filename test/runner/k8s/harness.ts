/**
 * What the Kubernetes backend's tests share: the stand-in API server, a
 * backend pointed at it, and the engine every Ready pod's IP leads to —
 * `bin/layerlab daemon` on a loopback port (the simulated engine speaking
 * the Engine API), so no cluster and no dockerd are needed.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import { KubeApi } from '../../../runner/backends/kube-api.ts';
import { KubernetesBackend, type KubernetesBackendOptions } from '../../../runner/backends/kubernetes.ts';
import type { SessionSpec } from '../../../runner/backends/backend.ts';
import type { FakeApiServer } from './fake-apiserver.ts';

export const NAMESPACE = 'layerlab-sessions';
export const NOW = new Date('2026-12-04T15:00:00Z');

/** `bin/layerlab daemon` listening on a loopback port, stopped by its own pid. */
export interface TestEngine {
  port: number;
  stop(): Promise<void>;
}

/** Starts the simulated engine as an Engine API daemon on 127.0.0.1 and a port the OS picks. */
export async function startEngine(): Promise<TestEngine> {
  const bin = resolve(import.meta.dirname, '../../../bin/layerlab');
  const child: ChildProcess = spawn(process.execPath, [bin, 'daemon', '--host', 'tcp://127.0.0.1:0'], { stdio: ['ignore', 'ignore', 'pipe'] });
  const port = await new Promise<number>((ok, fail) => {
    let err = '';
    child.stderr!.on('data', (d: Buffer) => {
      err += d.toString();
      const m = /API listen on tcp:\/\/127\.0\.0\.1:(\d+)/.exec(err);
      if (m) ok(Number(m[1]));
    });
    child.once('exit', (code) => fail(new Error(`layerlab daemon exited ${code}: ${err}`)));
  });
  return {
    port,
    stop: () => new Promise<void>((ok) => (child.exitCode !== null ? ok() : (child.once('exit', () => ok()), child.kill('SIGTERM')))),
  };
}

/** A loopback port nothing listens on. */
export async function closedPort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((ok) => s.listen(0, '127.0.0.1', ok));
  const port = (s.address() as { port: number }).port;
  await new Promise((ok) => s.close(ok));
  return port;
}

/** A backend on the stand-in, as a runner replica would have it; `over` changes any option. */
export function backendOn(fake: FakeApiServer, enginePort: number, over: Partial<KubernetesBackendOptions> = {}): KubernetesBackend {
  return new KubernetesBackend({
    api: new KubeApi({ server: fake.url, token: async () => fake.token }),
    namespace: NAMESPACE,
    image: 'docker:28.5.1-dind',
    sandbox: 'gvisor',
    runtimeClassName: 'gvisor',
    enginePort,
    ttlSeconds: 3600,
    readyTimeoutMs: 60_000,
    overheadBytes: 256 * 1024 ** 2,
    now: () => NOW,
    ...over,
  });
}

/** A session as the server would ask for one, with the runner's default policy. */
export function spec(id: string, network: 'none' | 'bridge' = 'none'): SessionSpec {
  return {
    id,
    labels: { 'org.layerlab.session': id },
    policy: { sessionId: id, labels: { 'org.layerlab.session': id }, network, memoryBytes: 512 * 1024 ** 2, nanoCpus: 1e9, pidsLimit: 256 },
  };
}

/** Reads a response body whole. */
export async function text(body: AsyncIterable<Uint8Array>): Promise<string> {
  let s = '';
  for await (const c of body) s += Buffer.from(c).toString('utf8');
  return s;
}
