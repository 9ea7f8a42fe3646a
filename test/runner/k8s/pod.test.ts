/**
 * The session pod and policy as the backend writes them, whole: the
 * sandbox, the hard deadline, the resources from the session policy, no
 * token and no host access; and what changes per sandbox and per setting.
 */
import { describe, expect, test } from 'vitest';
import { kubernetesBackendFromEnv } from '../../../runner/backends/kubernetes.ts';
import { sessionIdOf, sessionKey, sessionNetworkPolicy, sessionPod, type PodSettings } from '../../../runner/backends/kubernetes-pod.ts';
import { spec } from './harness.ts';

const ID = 'Ab3_-xYz0123456789abcd';
const KEY = sessionKey(ID);
const EXPIRES = new Date('2026-12-04T16:00:00.000Z');
const GVISOR: PodSettings = {
  namespace: 'layerlab-sessions',
  image: 'docker:28.5.1-dind',
  sandbox: 'gvisor',
  runtimeClassName: 'gvisor',
  enginePort: 2376,
  tlsSecret: 'layerlab-session-tls',
  deadlineSeconds: 3660,
  registryMirror: 'http://10.96.50.50:5000',
  overheadBytes: 256 * 1024 ** 2,
};
const resources = { cpu: '1000m', memory: String(768 * 1024 ** 2), 'ephemeral-storage': String(4.5 * 1024 ** 3) };

test('a gVisor session pod with mutual TLS, whole', () => {
  expect(sessionPod(spec(ID), GVISOR, EXPIRES)).toEqual({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: `layerlab-session-${KEY}`,
      namespace: 'layerlab-sessions',
      labels: { 'app.kubernetes.io/managed-by': 'layerlab-runner', 'app.kubernetes.io/name': 'layerlab-session', 'layerlab.dev/session': KEY },
      annotations: { 'layerlab.dev/session-id': ID, 'layerlab.dev/expires-at': '2026-12-04T16:00:00Z' },
    },
    spec: {
      runtimeClassName: 'gvisor',
      restartPolicy: 'Never',
      activeDeadlineSeconds: 3660,
      terminationGracePeriodSeconds: 5,
      automountServiceAccountToken: false,
      enableServiceLinks: false,
      hostNetwork: false,
      hostPID: false,
      hostIPC: false,
      containers: [
        {
          name: 'dockerd',
          image: 'docker:28.5.1-dind',
          command: ['dockerd-entrypoint.sh'],
          args: [
            'dockerd',
            '--host=tcp://0.0.0.0:2376',
            '--tlsverify',
            '--tlscacert=/certs/ca.pem',
            '--tlscert=/certs/cert.pem',
            '--tlskey=/certs/key.pem',
            '--bridge=none',
            '--iptables=false',
            '--ip6tables=false',
            '--registry-mirror=http://10.96.50.50:5000',
            `--label=org.layerlab.session=${ID}`,
          ],
          env: [{ name: 'DOCKER_TLS_CERTDIR', value: '' }],
          ports: [{ name: 'engine', containerPort: 2376, protocol: 'TCP' }],
          readinessProbe: { tcpSocket: { port: 2376 }, periodSeconds: 2, failureThreshold: 3 },
          resources: { requests: resources, limits: resources },
          securityContext: { privileged: false, capabilities: { add: ['ALL'] } },
          volumeMounts: [
            { name: 'data', mountPath: '/var/lib/docker' },
            { name: 'certs', mountPath: '/certs', readOnly: true },
          ],
        },
      ],
      volumes: [
        { name: 'data', emptyDir: { sizeLimit: String(4 * 1024 ** 3) } },
        { name: 'certs', secret: { secretName: 'layerlab-session-tls', defaultMode: 0o400 } },
      ],
    },
  });
});

describe('what changes with the sandbox and the settings', () => {
  const pod = (s: Partial<PodSettings>, network: 'none' | 'bridge' = 'none') => sessionPod(spec(ID, network), { ...GVISOR, ...s }, EXPIRES) as any;

  test('Kata: privileged inside its VM, no gVisor iptables flags', () => {
    const p = pod({ sandbox: 'kata', runtimeClassName: 'kata' });
    expect([p.spec.runtimeClassName, p.spec.containers[0].securityContext]).toEqual(['kata', { privileged: true }]);
    expect(p.spec.containers[0].args.filter((a: string) => a.includes('iptables'))).toEqual([]);
  });

  test('Sysbox: unprivileged with nothing added, in a user namespace CRI-O allocates', () => {
    const p = pod({ sandbox: 'sysbox', runtimeClassName: 'sysbox-runc' });
    expect([p.spec.runtimeClassName, p.spec.containers[0].securityContext]).toEqual(['sysbox-runc', { privileged: false }]);
    expect(p.metadata.annotations['io.kubernetes.cri-o.userns-mode']).toBe('auto:size=65536');
  });

  test('without TLS the engine listens in clear on its port and mounts no certificate', () => {
    const p = pod({ tlsSecret: undefined, enginePort: 2375 });
    expect(p.spec.containers[0].args.slice(0, 3)).toEqual(['dockerd', '--host=tcp://0.0.0.0:2375', '--bridge=none']);
    expect(p.spec.volumes).toEqual([{ name: 'data', emptyDir: { sizeLimit: String(4 * 1024 ** 3) } }]);
  });

  test('a session allowed the network keeps dockerd’s bridge', () => {
    expect(pod({}, 'bridge').spec.containers[0].args).not.toContain('--bridge=none');
  });

  test('an overcommitted CPU request lowers the request only; memory stays guaranteed', () => {
    expect(pod({ cpuRequest: '250m' }).spec.containers[0].resources).toEqual({ requests: { ...resources, cpu: '250m' }, limits: resources });
  });
});

test('the session’s egress policy opens the internet but no private range or metadata address, owned by the pod', () => {
  expect(sessionNetworkPolicy(ID, 'layerlab-sessions', 'uid-1')).toEqual({
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    metadata: {
      name: `layerlab-session-${KEY}`,
      namespace: 'layerlab-sessions',
      labels: { 'app.kubernetes.io/managed-by': 'layerlab-runner', 'app.kubernetes.io/name': 'layerlab-session', 'layerlab.dev/session': KEY },
      ownerReferences: [{ apiVersion: 'v1', kind: 'Pod', name: `layerlab-session-${KEY}`, uid: 'uid-1', blockOwnerDeletion: true }],
    },
    spec: {
      podSelector: { matchLabels: { 'layerlab.dev/session': KEY } },
      policyTypes: ['Egress'],
      egress: [{ to: [{ ipBlock: { cidr: '0.0.0.0/0', except: ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', '169.254.0.0/16', '100.64.0.0/10', '127.0.0.0/8'] } }] }],
    },
  });
});

test('session keys: hex of the id, decoded back; other values are no session', () => {
  expect(KEY).toBe('4162335f2d78597a3031323334353637383961626364');
  expect(sessionIdOf(KEY)).toBe(ID);
  expect([sessionIdOf(undefined), sessionIdOf(''), sessionIdOf('zz'), sessionIdOf('2f2e2e'), sessionIdOf('4')]).toEqual([null, null, null, null, null]);
  expect(() => sessionKey('../x')).toThrow('invalid session id "../x"');
  expect(() => sessionKey('a'.repeat(24))).toThrow(`invalid session id "${'a'.repeat(24)}"`);
});

test('from the environment: mutual TLS unless plain TCP is asked for, and a known sandbox', async () => {
  const env = { RUNNER_K8S_API: 'http://127.0.0.1:1', RUNNER_K8S_TOKEN_FILE: '/dev/null' };
  await expect(kubernetesBackendFromEnv(env)).rejects.toThrow(
    'RUNNER_K8S_TLS_DIR is unset: the runner speaks mutual TLS to session engines (RUNNER_K8S_PLAINTEXT=1 to speak plain TCP, for tests)',
  );
  await expect(kubernetesBackendFromEnv({ ...env, RUNNER_K8S_SANDBOX: 'runc' })).rejects.toThrow('RUNNER_K8S_SANDBOX must be gvisor, kata or sysbox, not runc');
  await expect(kubernetesBackendFromEnv({})).rejects.toThrow('not in a Kubernetes pod: KUBERNETES_SERVICE_HOST is unset (set RUNNER_K8S_API and RUNNER_K8S_TOKEN_FILE instead)');
  expect((await kubernetesBackendFromEnv({ ...env, RUNNER_K8S_PLAINTEXT: '1' })).name).toBe('kubernetes');
});
