/**
 * runner/deploy/kubernetes/ read as YAML and held against the code: the
 * Role grants exactly the calls the backend makes, the runner's environment
 * builds a backend whose pods the session NetworkPolicy, the RuntimeClasses,
 * the admission policy and the quota all fit, and the runner itself is
 * probed, unprivileged and reachable through the sticky Ingress.
 */
import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { afterEach, beforeAll, describe, expect, test } from 'vitest';
import type { Transport } from '../../../worker/engine-client/transport.ts';
import { kubernetesBackendFromEnv } from '../../../runner/backends/kubernetes.ts';
import { DEFAULT_RUNTIME_CLASS, sessionLabels } from '../../../runner/backends/kubernetes-pod.ts';
import { startFakeApiServer, type FakeApiServer } from './fake-apiserver.ts';
import { NAMESPACE, spec } from './harness.ts';

const DIR = resolve(import.meta.dirname, '../../../runner/deploy/kubernetes');
type Doc = { apiVersion: string; kind: string; metadata: { name: string; namespace?: string; labels?: Record<string, string>; annotations?: Record<string, string> }; [k: string]: any };
let docs: Doc[];
const one = (kind: string, name?: string): Doc => {
  const found = docs.filter((d) => d.kind === kind && (name === undefined || d.metadata.name === name));
  expect(found.map((d) => `${d.kind}/${d.metadata.name}`)).toHaveLength(1);
  return found[0]!;
};

beforeAll(async () => {
  const files = (await readdir(DIR)).filter((f) => f.endsWith('.yaml') && f !== 'kustomization.yaml');
  docs = [];
  for (const f of files) {
    for (const d of parseAllDocuments(await readFile(join(DIR, f), 'utf8'))) {
      expect(d.errors, f).toEqual([]);
      docs.push(d.toJS() as Doc);
    }
  }
});

// An engine that answers /_ping, so the backend's calls to the API can be watched without one.
const pingOk: Transport = {
  request: async () => ({ status: 200, headers: {}, body: (async function* () { yield new TextEncoder().encode('OK'); })() }),
  hijack: () => Promise.reject(new Error('no hijack here')),
};

/** The runner Deployment's environment as the container would see it. */
function runnerEnv(): Record<string, string> {
  const c = one('Deployment', 'layerlab-runner').spec.template.spec.containers[0];
  return Object.fromEntries(c.env.map((e: { name: string; value: string }) => [e.name, e.value]));
}

let fake: FakeApiServer | undefined;
afterEach(async () => void (await fake?.close()));

/** The backend exactly as runner.yaml configures it, talking to the stand-in, with the TLS files it names. */
async function deployedBackend() {
  fake = await startFakeApiServer({ namespace: NAMESPACE });
  const tls = await mkdtemp(join(tmpdir(), 'll-k8s-tls-'));
  for (const f of ['ca.pem', 'cert.pem', 'key.pem']) await writeFile(join(tls, f), `${f}\n`);
  const tokenFile = join(tls, 'token');
  await writeFile(tokenFile, fake.token);
  const env = { ...runnerEnv(), RUNNER_K8S_TLS_DIR: tls, RUNNER_K8S_API: fake.url, RUNNER_K8S_TOKEN_FILE: tokenFile };
  return kubernetesBackendFromEnv(env, { transport: () => pingOk });
}

describe('RBAC', () => {
  test('no cluster-wide grant: one Role, in the sessions namespace, bound to the runner’s service account only', () => {
    expect(docs.filter((d) => /^Cluster(Role|RoleBinding)$/.test(d.kind))).toEqual([]);
    expect(one('Role').metadata.namespace).toBe(NAMESPACE);
    const binding = one('RoleBinding');
    expect([binding.metadata.namespace, binding.roleRef, binding.subjects]).toEqual([
      NAMESPACE,
      { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: one('Role').metadata.name },
      [{ kind: 'ServiceAccount', name: 'layerlab-runner', namespace: 'layerlab-runner' }],
    ]);
    expect(one('Deployment', 'layerlab-runner').spec.template.spec.serviceAccountName).toBe('layerlab-runner');
  });

  test('the Role grants exactly the verbs the backend uses, no more', async () => {
    const backend = await deployedBackend();
    await backend.create(spec('a', 'bridge'));
    await backend.open('a');
    await backend.list();
    await backend.expired();
    await backend.destroy('a');
    const used = new Map<string, Set<string>>();
    for (const line of fake!.log) {
      const [method, url] = line.split(' ') as [string, string];
      const [path, query = ''] = url.split('?');
      const [, group, resource, name] = /^\/(api\/v1|apis\/networking\.k8s\.io\/v1)\/namespaces\/[^/]+\/([^/]+)(?:\/(.+))?$/.exec(path!)!;
      const verb = method === 'POST' ? 'create' : method === 'DELETE' ? 'delete' : name ? 'get' : query.includes('watch=1') ? 'watch' : 'list';
      const key = `${group === 'api/v1' ? '' : 'networking.k8s.io'}/${resource}`;
      used.set(key, (used.get(key) ?? new Set()).add(verb));
    }
    const granted = one('Role').rules.map((r: { apiGroups: string[]; resources: string[]; verbs: string[] }) => [`${r.apiGroups.join()}/${r.resources.join()}`, [...r.verbs].sort()]).sort();
    expect(granted).toEqual([...used].map(([k, v]) => [k, [...v].sort()]).sort());
  });
});

describe('session pods', () => {
  test('the pod the deployed configuration makes runs under a declared RuntimeClass the admission policy allows', async () => {
    await (await deployedBackend()).create(spec('a'));
    const [pod] = fake!.objects('pods');
    const classes = docs.filter((d) => d.kind === 'RuntimeClass').map((d) => d.metadata.name).sort();
    expect(classes).toEqual(Object.values(DEFAULT_RUNTIME_CLASS).sort());
    expect(classes).toContain(pod!.spec.runtimeClassName);
    const allowed = one('ValidatingAdmissionPolicy').spec.validations[0].expression as string;
    expect(allowed).toBe(`has(object.spec.runtimeClassName) && object.spec.runtimeClassName in [${classes.map((c) => `'${c}'`).join(', ')}]`);
    expect(one('ValidatingAdmissionPolicyBinding').spec.matchResources.namespaceSelector.matchLabels).toEqual({ 'kubernetes.io/metadata.name': NAMESPACE });
    // The only Secret a session pod mounts is the one the admission policy allows.
    expect(pod!.spec.volumes.filter((v: { secret?: unknown }) => v.secret)).toEqual([{ name: 'certs', secret: { secretName: 'layerlab-session-tls', defaultMode: 0o400 } }]);
    expect(one('ValidatingAdmissionPolicy').spec.validations.map((v: { expression: string }) => v.expression)).toContain(
      "!has(object.spec.volumes) || object.spec.volumes.all(v, has(v.emptyDir) || (has(v.secret) && v.secret.secretName == 'layerlab-session-tls'))",
    );
  });

  test('the session NetworkPolicy selects session pods, admits only runner pods on the engine port, and lets nothing else out', async () => {
    await (await deployedBackend()).create(spec('a'));
    const [pod] = fake!.objects('pods');
    const np = one('NetworkPolicy', 'session-engines');
    expect(np.metadata.namespace).toBe(NAMESPACE);
    expect(Object.entries(np.spec.podSelector.matchLabels).every(([k, v]) => pod!.metadata.labels[k] === v)).toBe(true);
    const runnerLabels = one('Deployment', 'layerlab-runner').spec.template.metadata.labels;
    expect(np.spec.ingress).toEqual([
      {
        from: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'layerlab-runner' } }, podSelector: { matchLabels: runnerLabels } }],
        ports: [{ protocol: 'TCP', port: pod!.spec.containers[0].ports[0].containerPort }],
      },
    ]);
    expect(JSON.stringify(np.spec.egress)).not.toContain('ipBlock');
    expect(one('NetworkPolicy', 'default-deny').spec).toEqual({ podSelector: {}, policyTypes: ['Ingress', 'Egress'] });
    expect(sessionLabels('a')['app.kubernetes.io/managed-by']).toBe(np.spec.podSelector.matchLabels['app.kubernetes.io/managed-by']);
  });

  test('the quota holds exactly its pod count of default sessions, with the RuntimeClass overhead', async () => {
    await (await deployedBackend()).create(spec('a'));
    const [pod] = fake!.objects('pods');
    const overhead = one('RuntimeClass', pod!.spec.runtimeClassName).overhead.podFixed;
    const q = one('ResourceQuota').spec.hard;
    const req = pod!.spec.containers[0].resources.requests;
    const mi = (s: string) => (s.endsWith('Mi') ? Number(s.slice(0, -2)) : s.endsWith('Gi') ? Number(s.slice(0, -2)) * 1024 : Number(s) / 1024 ** 2);
    const milli = (s: string) => (s.endsWith('m') ? Number(s.slice(0, -1)) : Number(s) * 1000);
    const pods = Number(q.pods);
    expect(pods * (milli(req.cpu) + milli(overhead.cpu))).toBe(milli(q['requests.cpu']));
    expect(pods * (mi(req.memory) + mi(overhead.memory))).toBe(mi(q['requests.memory']));
    const max = one('LimitRange').spec.limits[0].max;
    expect([mi(req.memory) <= mi(max.memory), milli(req.cpu) <= milli(max.cpu)]).toEqual([true, true]);
  });
});

describe('the runner', () => {
  test('runs unprivileged, probed on /healthz, with the Kubernetes backend and mutual TLS to the engines', () => {
    const d = one('Deployment', 'layerlab-runner');
    const c = d.spec.template.spec.containers[0];
    expect([d.spec.template.spec.securityContext.runAsNonRoot, c.securityContext]).toEqual([true, { allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: ['ALL'] } }]);
    expect([c.readinessProbe.httpGet, c.livenessProbe.httpGet]).toEqual([{ path: '/healthz', port: 'http' }, { path: '/healthz', port: 'http' }]);
    expect(c.ports).toEqual([{ name: 'http', containerPort: Number(runnerEnv().RUNNER_PORT), protocol: 'TCP' }]);
    const env = runnerEnv();
    expect([env.RUNNER_BACKEND, env.RUNNER_K8S_NAMESPACE, env.RUNNER_K8S_PLAINTEXT]).toEqual(['kubernetes', NAMESPACE, undefined]);
    const mount = c.volumeMounts.find((m: { mountPath: string }) => m.mountPath === env.RUNNER_K8S_TLS_DIR);
    expect(d.spec.template.spec.volumes.find((v: { name: string }) => v.name === mount.name).secret.secretName).toBe('layerlab-runner-engine-client');
  });

  test('the Ingress is sticky by cookie, keeps WebSockets open for the session’s TTL, and reaches the Service the Deployment backs', () => {
    const ing = one('Ingress');
    const a = ing.metadata.annotations!;
    expect([a['nginx.ingress.kubernetes.io/affinity'], a['nginx.ingress.kubernetes.io/affinity-mode']]).toEqual(['cookie', 'persistent']);
    const ttl = Number(runnerEnv().RUNNER_TTL_SECONDS);
    expect([Number(a['nginx.ingress.kubernetes.io/proxy-read-timeout']), Number(a['nginx.ingress.kubernetes.io/proxy-send-timeout'])]).toEqual([ttl, ttl]);
    const svc = one('Service');
    expect(ing.spec.rules[0].http.paths[0].backend.service).toEqual({ name: svc.metadata.name, port: { name: svc.spec.ports[0].name } });
    expect(svc.spec.selector).toEqual(one('Deployment').spec.template.metadata.labels);
    expect(svc.spec.ports[0].targetPort).toBe('http');
  });

  test('the disruption budget and the autoscaler keep two replicas of that Deployment', () => {
    const labels = one('Deployment').spec.template.metadata.labels;
    expect(one('PodDisruptionBudget').spec).toEqual({ minAvailable: 1, selector: { matchLabels: labels } });
    const hpa = one('HorizontalPodAutoscaler').spec;
    expect([hpa.scaleTargetRef, hpa.minReplicas]).toEqual([{ apiVersion: 'apps/v1', kind: 'Deployment', name: 'layerlab-runner' }, 2]);
  });

  test('kustomization.yaml lists every manifest and the namespaces exist', async () => {
    const k = parseAllDocuments(await readFile(join(DIR, 'kustomization.yaml'), 'utf8'))[0]!.toJS();
    expect([...k.resources].sort()).toEqual((await readdir(DIR)).filter((f) => f.endsWith('.yaml') && f !== 'kustomization.yaml').sort());
    const namespaced = new Set(docs.flatMap((d) => d.metadata.namespace ?? []));
    expect([...namespaced].sort()).toEqual(docs.filter((d) => d.kind === 'Namespace').map((d) => d.metadata.name).sort());
  });
});
