/**
 * The runner inside a pod: the API server's address from the service
 * environment, its CA and the service account token from the mounted files,
 * HTTPS verified against that CA, and the token read again on each call
 * (the kubelet rotates a projected token before it expires).
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { inClusterConfig, KubeApi, KubeError } from '../../../runner/backends/kube-api.ts';
import { makeCerts, type Pems } from './certs.ts';
import { startFakeApiServer, type FakeApiServer } from './fake-apiserver.ts';
import { NAMESPACE } from './harness.ts';

let pems: Pems;
let fake: FakeApiServer;
let dir: string;
const pods = `/api/v1/namespaces/${NAMESPACE}/pods`;

beforeAll(async () => {
  pems = await makeCerts('IP:127.0.0.1');
  fake = await startFakeApiServer({ namespace: NAMESPACE, tls: { cert: pems.serverCert, key: pems.serverKey } });
  dir = await mkdtemp(join(tmpdir(), 'll-sa-'));
  await writeFile(join(dir, 'ca.crt'), pems.ca);
  await writeFile(join(dir, 'token'), `${fake.token}\n`);
}, 120_000);
afterAll(async () => fake.close());

const env = () => ({ KUBERNETES_SERVICE_HOST: '127.0.0.1', KUBERNETES_SERVICE_PORT: new URL(fake.url).port });

test('the service account files and the service environment make a client the API server accepts over verified HTTPS', async () => {
  const config = await inClusterConfig(env(), dir);
  expect(config.server).toBe(fake.url);
  const list = await new KubeApi(config).call<{ kind: string; items: unknown[] }>('GET', `${pods}?labelSelector=app.kubernetes.io%2Fmanaged-by%3Dlayerlab-runner`);
  expect([list.kind, list.items]).toEqual(['PodList', []]);
});

test('the token file is read on every call, so a rotated token is used at once', async () => {
  const api = new KubeApi(await inClusterConfig(env(), dir));
  await writeFile(join(dir, 'token'), 'expired-token\n');
  await expect(api.call('GET', pods)).rejects.toThrow(new KubeError(401, 'Unauthorized', 'Unauthorized'));
  await writeFile(join(dir, 'token'), `${fake.token}\n`);
  expect((await api.call<{ kind: string }>('GET', pods)).kind).toBe('PodList');
});

test('an API server whose certificate the mounted CA did not sign is refused', async () => {
  const other = await mkdtemp(join(tmpdir(), 'll-sa-other-'));
  await writeFile(join(other, 'ca.crt'), (await makeCerts('IP:127.0.0.1')).ca);
  await writeFile(join(other, 'token'), fake.token);
  const api = new KubeApi(await inClusterConfig(env(), other));
  await expect(api.call('GET', pods)).rejects.toThrow('unable to verify the first certificate');
});
