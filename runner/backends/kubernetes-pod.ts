/**
 * The objects a Kubernetes session is made of, as pure functions of the
 * session: its Pod (a docker-in-docker engine under a sandboxed
 * RuntimeClass) and, when the session may reach the network, a
 * NetworkPolicy that opens egress for that pod alone. The manifest test
 * checks them against runner/deploy/kubernetes/.
 */
import type { SessionSpec } from './backend.ts';

/** Labels every session object carries; the reaper and other runners find sessions by them. */
export const MANAGED_BY = { key: 'app.kubernetes.io/managed-by', value: 'layerlab-runner' } as const;
export const SESSION_LABEL = 'layerlab.dev/session';
export const SESSION_ID_ANNOTATION = 'layerlab.dev/session-id';
export const EXPIRES_ANNOTATION = 'layerlab.dev/expires-at';

/** Which sandbox the session pod runs in; each needs a different securityContext for dockerd. */
export type Sandbox = 'gvisor' | 'kata' | 'sysbox';

/** The RuntimeClass each sandbox is usually installed as (runner/deploy/kubernetes/runtimeclasses.yaml). */
export const DEFAULT_RUNTIME_CLASS: Record<Sandbox, string> = { gvisor: 'gvisor', kata: 'kata', sysbox: 'sysbox-runc' };

/** Everything about a session pod that is configuration rather than session. */
export interface PodSettings {
  namespace: string;
  image: string;
  sandbox: Sandbox;
  runtimeClassName: string;
  enginePort: number;
  /** The Secret in the sessions namespace holding the engine's server certificate (ca.pem, cert.pem, key.pem); none: plain TCP. */
  tlsSecret?: string;
  /** Hard TTL: the kubelet kills the pod after this many seconds even if no runner is left to do it. */
  deadlineSeconds: number;
  registryMirror?: string;
  /** Memory for dockerd itself, on top of the learner's containers. */
  overheadBytes: number;
  storageDriver?: string;
  /** A CPU request below the limit (e.g. "250m") overcommits CPU for mostly idle learners (SCALING.md); unset: requests = limits. */
  cpuRequest?: string;
}

/** Kubernetes objects are plain JSON. */
export type Manifest = Record<string, unknown>;

/**
 * A session id as a label value and name part. Label values must start and end with an alphanumeric
 * (validation.IsValidLabelValue) and names are lower-case DNS labels, but a base64url id may hold
 * capitals, `_` or a leading `-`: lower-case hex of its bytes is valid in both and decodes back.
 */
export function sessionKey(id: string): string {
  if (!/^[A-Za-z0-9_-]{1,23}$/.test(id)) throw new Error(`invalid session id ${JSON.stringify(id)}`);
  return Buffer.from(id, 'utf8').toString('hex');
}

/** The session id a label value stands for, or null for a value no runner wrote. */
export function sessionIdOf(key: string | undefined): string | null {
  if (!key || !/^(?:[0-9a-f]{2}){1,23}$/.test(key)) return null;
  const id = Buffer.from(key, 'hex').toString('utf8');
  return /^[A-Za-z0-9_-]+$/.test(id) ? id : null;
}

/** The session pod's name: at most 17 + 46 = 63 characters, so it is also a valid hostname. */
export function podName(id: string): string {
  return `layerlab-session-${sessionKey(id)}`;
}

/** The labels of every object of session `id`. */
export function sessionLabels(id: string): Record<string, string> {
  return { [MANAGED_BY.key]: MANAGED_BY.value, 'app.kubernetes.io/name': 'layerlab-session', [SESSION_LABEL]: sessionKey(id) };
}

/** The session's pod. `expiresAt` is written as an annotation so any runner's reaper can tell expiry without state. */
export function sessionPod(spec: SessionSpec, s: PodSettings, expiresAt: Date): Manifest {
  const p = spec.policy;
  const memory = p.memoryBytes + s.overheadBytes;
  const disk = p.diskBytes ?? 4 * 1024 ** 3;
  // Guaranteed QoS (requests = limits) unless CPU is overcommitted; memory never is: an overcommitted
  // memory limit turns one learner's build into another's OOM kill (SCALING.md).
  const resources = { cpu: `${Math.ceil(p.nanoCpus / 1e6)}m`, memory: String(memory), 'ephemeral-storage': String(disk + 512 * 1024 ** 2) };
  const requests = s.cpuRequest ? { ...resources, cpu: s.cpuRequest } : resources;
  const tls = s.tlsSecret !== undefined;
  const args = [
    'dockerd',
    `--host=tcp://0.0.0.0:${s.enginePort}`,
    ...(tls ? ['--tlsverify', '--tlscacert=/certs/ca.pem', '--tlscert=/certs/cert.pem', '--tlskey=/certs/key.pem'] : []),
    // Learner containers get no bridge unless the session may use the network (runner-security.md §6.2).
    ...(p.network === 'none' ? ['--bridge=none'] : []),
    // gVisor's netstack has no iptables for dockerd to program (gvisor.dev "Docker in gVisor", Limitations).
    ...(s.sandbox === 'gvisor' ? ['--iptables=false', '--ip6tables=false'] : []),
    ...(s.storageDriver ? [`--storage-driver=${s.storageDriver}`] : []),
    ...(s.registryMirror ? [`--registry-mirror=${s.registryMirror}`] : []),
    ...Object.entries(spec.labels).map(([k, v]) => `--label=${k}=${v}`),
  ];
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: podName(spec.id),
      namespace: s.namespace,
      labels: sessionLabels(spec.id),
      annotations: {
        [SESSION_ID_ANNOTATION]: spec.id,
        [EXPIRES_ANNOTATION]: expiresAt.toISOString().replace(/\.\d{3}Z$/, 'Z'),
        // Sysbox needs the pod in its own user namespace; CRI-O allocates it from this annotation (sysbox docs, "Kubernetes").
        ...(s.sandbox === 'sysbox' ? { 'io.kubernetes.cri-o.userns-mode': 'auto:size=65536' } : {}),
      },
    },
    spec: {
      runtimeClassName: s.runtimeClassName,
      restartPolicy: 'Never',
      activeDeadlineSeconds: s.deadlineSeconds,
      terminationGracePeriodSeconds: 5,
      // The learner must find no credentials and no cluster services in the pod.
      automountServiceAccountToken: false,
      enableServiceLinks: false,
      hostNetwork: false,
      hostPID: false,
      hostIPC: false,
      containers: [
        {
          name: 'dockerd',
          image: s.image,
          // docker:dind's entrypoint runs the `dind` wrapper (cgroup and securityfs setup) before dockerd.
          command: ['dockerd-entrypoint.sh'],
          args,
          // An empty DOCKER_TLS_CERTDIR keeps the entrypoint from generating its own certificates.
          env: [{ name: 'DOCKER_TLS_CERTDIR', value: '' }],
          ports: [{ name: 'engine', containerPort: s.enginePort, protocol: 'TCP' }],
          readinessProbe: { tcpSocket: { port: s.enginePort }, periodSeconds: 2, failureThreshold: 3 },
          resources: { requests, limits: resources },
          securityContext: dockerdSecurityContext(s.sandbox),
          volumeMounts: [
            { name: 'data', mountPath: '/var/lib/docker' },
            ...(tls ? [{ name: 'certs', mountPath: '/certs', readOnly: true }] : []),
          ],
        },
      ],
      volumes: [
        { name: 'data', emptyDir: { sizeLimit: String(disk) } },
        ...(tls ? [{ name: 'certs', secret: { secretName: s.tlsSecret, defaultMode: 0o400 } }] : []),
      ],
    },
  };
}

/**
 * What dockerd may do, per sandbox. dockerd mounts, creates namespaces and cgroups: under runc that is
 * `privileged: true`, root on the node (runner-security.md §3.1 rank 6). So the sandbox is the boundary:
 * - gVisor: capabilities granted inside the pod are held against gVisor's own kernel (the Sentry), not the
 *   host's; gVisor's "Docker in a GKE sandbox" tutorial adds all of them and no `privileged`.
 * - Kata: the pod is a VM; dockerd is privileged inside the guest kernel. The node's containerd must set
 *   `privileged_without_host_devices = true` for the kata runtime so no host device reaches the VM.
 * - Sysbox: dockerd runs unprivileged in a user namespace with procfs/sysfs virtualised; no capability added.
 */
export function dockerdSecurityContext(sandbox: Sandbox): Manifest {
  switch (sandbox) {
    case 'gvisor':
      return { privileged: false, capabilities: { add: ['ALL'] } };
    case 'kata':
      return { privileged: true };
    case 'sysbox':
      return { privileged: false };
  }
}

/**
 * The egress a session with `network: 'bridge'` gets on top of the namespace's deny-all: the internet, but
 * not the cluster, the node, private ranges or the cloud metadata address (runner-security.md §5.3 case 51).
 * Owned by the pod, so the garbage collector removes it with the pod even if no runner does.
 */
export function sessionNetworkPolicy(id: string, namespace: string, podUid: string): Manifest {
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    metadata: {
      name: podName(id),
      namespace,
      labels: sessionLabels(id),
      ownerReferences: [{ apiVersion: 'v1', kind: 'Pod', name: podName(id), uid: podUid, blockOwnerDeletion: true }],
    },
    spec: {
      podSelector: { matchLabels: { [SESSION_LABEL]: sessionKey(id) } },
      policyTypes: ['Egress'],
      egress: [{ to: [{ ipBlock: { cidr: '0.0.0.0/0', except: ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', '169.254.0.0/16', '100.64.0.0/10', '127.0.0.0/8'] } }] }],
    },
  };
}
