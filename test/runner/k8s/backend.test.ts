/**
 * The Kubernetes session backend against the stand-in API server: a session
 * starts (pod Ready, then its engine answers /_ping), is listed by label,
 * deleted idempotently, reported plainly when its pod cannot start, and
 * served by any runner replica since the API is the only state.
 */
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { KubeApi, KubeError } from '../../../runner/backends/kube-api.ts';
import { SessionStartError } from '../../../runner/backends/kubernetes.ts';
import { podName, sessionKey } from '../../../runner/backends/kubernetes-pod.ts';
import { startFakeApiServer, type Behaviour, type FakeApiServer } from './fake-apiserver.ts';
import { backendOn, closedPort, NAMESPACE, spec, startEngine, text, type TestEngine } from './harness.ts';

let engine: TestEngine;
let fake: FakeApiServer;
let fate: Behaviour = 'ready';

beforeAll(async () => {
  engine = await startEngine();
}, 120_000); // a process start, on a machine the tests share
afterAll(async () => {
  await engine.stop();
});
afterEach(async () => {
  await fake?.close();
  fate = 'ready';
});
async function fresh(over: { expireFirstWatch?: boolean } = {}): Promise<FakeApiServer> {
  fake = await startFakeApiServer({ namespace: NAMESPACE, behaviour: () => fate, ...over });
  return fake;
}

const A = 'Ab3_-xYz0123456789abcd';
const B = '-leading_dash_and_CAPS';

describe('create', () => {
  test('creates the pod, follows it to Ready by a watch, and returns an engine answering /_ping', async () => {
    const backend = backendOn(await fresh(), engine.port);
    const session = await backend.create(spec(A));
    expect({ id: session.id, endpoint: session.endpoint }).toEqual({ id: A, endpoint: `tcp://127.0.0.1:${engine.port}` });
    const res = await session.transport.request({ method: 'GET', path: '/_ping' });
    expect([res.status, await text(res.body)]).toEqual([200, 'OK']);
    const name = podName(A);
    expect(fake.log).toEqual([
      `POST /api/v1/namespaces/${NAMESPACE}/pods`,
      `GET /api/v1/namespaces/${NAMESPACE}/pods?watch=1&fieldSelector=metadata.name%3D${name}&resourceVersion=101&timeoutSeconds=300`,
    ]);
  });

  test('a watch whose version was compacted away (410 Expired) is resumed from a fresh read of the pod', async () => {
    const backend = backendOn(await fresh({ expireFirstWatch: true }), engine.port);
    await backend.create(spec(A));
    const name = podName(A);
    const pods = `/api/v1/namespaces/${NAMESPACE}/pods`;
    // The simulated kubelet made the pod Ready meanwhile, so the fresh read ends the wait.
    expect(fake.log).toEqual([`POST ${pods}`, `GET ${pods}?watch=1&fieldSelector=metadata.name%3D${name}&resourceVersion=101&timeoutSeconds=300`, `GET ${pods}/${name}`]);
    expect(await backend.list()).toEqual([A]);
  });

  test('a session id that is no valid label value (leading dash, capitals, underscore) is labelled by its hex and listed back as itself', async () => {
    const backend = backendOn(await fresh(), engine.port);
    await backend.create(spec(B));
    const [pod] = fake.objects('pods');
    expect(pod!.metadata.labels).toEqual({ 'app.kubernetes.io/managed-by': 'layerlab-runner', 'app.kubernetes.io/name': 'layerlab-session', 'layerlab.dev/session': sessionKey(B) });
    expect(await backend.list()).toEqual([B]);
  });

  test('a session allowed the network gets its own egress policy, owned by its pod', async () => {
    const backend = backendOn(await fresh(), engine.port);
    await backend.create(spec(A, 'bridge'));
    const [pod] = fake.objects('pods');
    const [np] = fake.objects('networkpolicies');
    expect(np!.metadata.ownerReferences).toEqual([{ apiVersion: 'v1', kind: 'Pod', name: podName(A), uid: pod!.metadata.uid, blockOwnerDeletion: true }]);
    await backend.destroy(A);
    expect(fake.objects('networkpolicies')).toEqual([]);
  });

  test('a pod that stays Pending times out with the scheduler reason, and is deleted', async () => {
    fate = 'unschedulable';
    const backend = backendOn(await fresh(), engine.port, { readyTimeoutMs: 1000 });
    await expect(backend.create(spec(A))).rejects.toThrow(
      new SessionStartError(`session pod ${podName(A)} not ready after 1 s: phase Pending (0/3 nodes are available: 3 Insufficient memory. preemption: 0/3 nodes are available: 3 No preemption victims found for incoming pod.)`),
    );
    expect(await backend.list()).toEqual([]);
    expect(fake.deleteOptions[0]).toEqual({ apiVersion: 'v1', kind: 'DeleteOptions', propagationPolicy: 'Foreground' });
  });

  test('ImagePullBackOff is reported plainly and at once, not after the timeout', async () => {
    fate = 'imagePullBackOff';
    const backend = backendOn(await fresh(), engine.port, { readyTimeoutMs: 600_000 });
    await expect(backend.create(spec(A))).rejects.toThrow(new SessionStartError(`session pod ${podName(A)} failed: ImagePullBackOff: Back-off pulling image "docker:28.5.1-dind"`));
    expect(await backend.list()).toEqual([]);
  });

  test('a dockerd that exits fails the pod (restartPolicy Never) and the session says how', async () => {
    fate = 'crash';
    const backend = backendOn(await fresh(), engine.port, { readyTimeoutMs: 600_000 });
    await expect(backend.create(spec(A))).rejects.toThrow(new SessionStartError(`session pod ${podName(A)} failed: Failed: dockerd exited with code 1 (Error)`));
  });

  test('a Ready pod whose engine does not answer fails once the wait is over, naming the endpoint', async () => {
    const port = await closedPort();
    const backend = backendOn(await fresh(), port, { readyTimeoutMs: 1000 });
    await expect(backend.create(spec(A))).rejects.toThrow(
      new SessionStartError(`session pod ${podName(A)} is ready but its engine at tcp://127.0.0.1:${port} does not answer /_ping: connect ECONNREFUSED 127.0.0.1:${port}`),
    );
    expect(await backend.list()).toEqual([]);
  });

  test('a wrong token is the API server’s 401 Status, as a KubeError', async () => {
    const f = await fresh();
    const backend = backendOn(f, engine.port, { api: new KubeApi({ server: f.url, token: async () => 'not-the-token' }) });
    await expect(backend.create(spec(A))).rejects.toThrow(new KubeError(401, 'Unauthorized', 'Unauthorized'));
    expect(f.objects('pods')).toEqual([]);
  });

  test('the same session twice is the API’s 409 AlreadyExists, and the first session is untouched', async () => {
    const backend = backendOn(await fresh(), engine.port);
    await backend.create(spec(A));
    const err = await backend.create(spec(A)).catch((e: unknown) => e);
    expect(err).toEqual(new KubeError(409, 'AlreadyExists', `pods "${podName(A)}" already exists`));
    expect(await backend.list()).toEqual([A]);
  });
});

describe('destroy and list', () => {
  test('list finds sessions by label; destroy deletes with Foreground propagation and is idempotent', async () => {
    const backend = backendOn(await fresh(), engine.port);
    await backend.create(spec(A));
    await backend.create(spec(B));
    expect((await backend.list()).sort()).toEqual([A, B].sort());
    await backend.destroy(A);
    await backend.destroy(A);
    await backend.destroy('neverExisted');
    expect(await backend.list()).toEqual([B]);
    expect(fake.log.filter((l) => l.startsWith('GET') && l.includes('labelSelector'))).toEqual(
      Array(2).fill(`GET /api/v1/namespaces/${NAMESPACE}/pods?labelSelector=app.kubernetes.io%2Fmanaged-by%3Dlayerlab-runner%2Clayerlab.dev%2Fsession`),
    );
    expect(fake.deleteOptions).toEqual(Array(6).fill({ apiVersion: 'v1', kind: 'DeleteOptions', propagationPolicy: 'Foreground' }));
  });

  test('pods the runner did not make are not sessions', async () => {
    const f = await fresh();
    const api = new KubeApi({ server: f.url, token: async () => f.token });
    await api.call('POST', `/api/v1/namespaces/${NAMESPACE}/pods`, { metadata: { name: 'other', labels: { 'layerlab.dev/session': 'zz' } }, spec: { containers: [{ name: 'x', image: 'x' }] } });
    await api.call('POST', `/api/v1/namespaces/${NAMESPACE}/pods`, { metadata: { name: 'forged', labels: { 'app.kubernetes.io/managed-by': 'layerlab-runner', 'layerlab.dev/session': 'not-hex' } }, spec: { containers: [{ name: 'x', image: 'x' }] } });
    expect(await backendOn(f, engine.port).list()).toEqual([]);
  });
});

describe('the reaper’s view', () => {
  test('expired() names the sessions past their expiry annotation or stopped by activeDeadlineSeconds, whoever created them', async () => {
    const f = await fresh();
    const backend = backendOn(f, engine.port);
    await backend.create(spec(A));
    await backend.create(spec(B));
    expect(await backend.expired()).toEqual([]);
    f.expire(podName(A));
    expect(await backend.expired()).toEqual([A]);
    // One hour later (RUNNER_TTL_SECONDS 3600) both are past the expiry written on their pods.
    expect((await backend.expired(new Date('2026-12-04T16:00:00Z'))).sort()).toEqual([A, B].sort());
    for (const id of await backend.expired(new Date('2026-12-04T16:00:00Z'))) await backend.destroy(id);
    expect(await backend.list()).toEqual([]);
  });
});

describe('stateless runners', () => {
  test('a second runner finds the session by its pod, serves it, and deletes it; the first then sees it gone', async () => {
    const f = await fresh();
    const runnerA = backendOn(f, engine.port);
    const runnerB = backendOn(f, engine.port);
    await runnerA.create(spec(A));
    const served = await runnerB.open(A);
    expect(served?.endpoint).toBe(`tcp://127.0.0.1:${engine.port}`);
    const res = await served!.transport.request({ method: 'GET', path: '/v1.51/containers/json' });
    expect([res.status, await text(res.body)]).toEqual([200, '[]\n']);
    await runnerB.destroy(A);
    expect(await runnerA.open(A)).toBeNull();
    expect(await runnerA.list()).toEqual([]);
  });
});
