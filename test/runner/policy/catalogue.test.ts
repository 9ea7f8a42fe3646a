/**
 * The security catalogue of runner-security.md §5.3, one test per case the
 * policy decides (B routing, C body parsing, D create, E exec/update, F
 * build, G images/volumes/networks/archive, and A 3's terminal size), plus
 * the bypass classes of §0 (unversioned paths, case and duplicate JSON keys,
 * chunked and oversized bodies, zero-value fields, smuggled upgrades). Each
 * must be refused — the rebuilt request never reaches the engine. Cases the
 * runner meets elsewhere (A 1–2, 4–6: the server's WebSocket; H: one engine
 * per session; I: the sandbox) are not the policy's and are tested there.
 */
import { describe, expect, it } from 'vitest';
import { streamBody } from '../../../runner/policy/index.ts';
import { bodyOf, decide, req, SESSION } from './helpers.ts';

/** A minimal create body around a HostConfig (and top-level extras). */
const create = (host: object = {}, top: object = {}) => ({ Image: 'alpine', Cmd: ['true'], ...top, HostConfig: host });
const CREATE = '/v1.51/containers/create';

function refused(r: ReturnType<typeof decide>, status?: number): void {
  expect(r.kind, JSON.stringify(r)).toBe('refuse');
  if (r.kind === 'refuse') {
    expect(r.message).toMatch(/^layerlab runner: /);
    if (status !== undefined) expect(r.status).toBe(status);
  }
}
const refuseCreate = (host: object, top: object = {}) => refused(decide(req('POST', CREATE, create(host, top))));

describe('§5.3 A — transport cases the policy decides', () => {
  it('3: resize with rows=1e9', () => {
    refused(decide(req('POST', '/v1.51/containers/c1/resize?h=1000000000&w=80')), 400);
    refused(decide(req('POST', '/v1.51/exec/e1/resize?h=1e9&w=80')), 400);
  });
});

describe('§5.3 B 7 — routes that are not on the allow-list', () => {
  const denied: Array<[string, string]> = [
    ['POST', '/v1.51/swarm/init'], ['GET', '/v1.51/nodes'], ['POST', '/v1.51/services/create'], ['GET', '/v1.51/tasks'],
    ['POST', '/v1.51/secrets/create'], ['POST', '/v1.51/configs/create'], ['POST', '/v1.51/plugins/pull'], ['POST', '/v1.51/plugins/authz/disable'],
    ['POST', '/v1.51/session'], ['POST', '/grpc'], ['POST', '/v1.51/auth'], ['GET', '/v1.51/distribution/x/json'], ['GET', '/debug/pprof/'],
    ['GET', '/debug/pprof'], ['POST', '/v1.51/libpod/containers/create'], ['POST', '/v4.0.0/libpod/play/kube'], ['POST', '/v1.51/system/prune'],
    ['POST', '/v1.51/containers/c1/update'], ['POST', '/v1.51/images/alpine/push'], ['GET', '/v1.51/images/search?term=x'],
    ['GET', '/v1.51/containers/c1/attach/ws'], ['POST', '/v1.51/containers/c1/checkpoints'],
  ];
  it.each(denied)('7: %s %s → 403', (m, p) => refused(decide(req(m, p)), 403));
});

describe('§5.3 B 8 — path tricks on create', () => {
  const body = create();
  const paths = [
    '//containers/create', '/v1.47//containers/create', '/v1.47/./containers/create', '/v1.47/x/../containers/create',
    '/v1.47/containers%2Fcreate', '/v1.47/%63ontainers/create', '/v1.47/containers/create/', '/V1.47/containers/create',
    '/v1.24/containers/create', '/v99.0/containers/create', '/v1.47.0.0/containers/create', '/v1.47/Containers/create',
    '/v1.47/containers/CREATE', '/v1.47/containers/create;x', '/v1.47/containers/create#x', '/containers\\create',
  ];
  it.each(paths)('8: %s → refused', (p) => refused(decide(req('POST', p, body))));
  it('8: unversioned /containers/create is normalised to the pinned version and fully checked', () => {
    const r = decide(req('POST', '/containers/create', create({ Privileged: true })));
    refused(r, 403);
    const ok = decide(req('POST', '/containers/create', create()));
    expect(ok.kind === 'forward' && ok.path).toBe('/v1.51/containers/create');
  });
});

describe('§5.3 B 9 — absolute form, method override, HEAD/OPTIONS on write routes', () => {
  it('9: absolute-form target', () => refused(decide(req('POST', 'http://docker/containers/create', create())), 403));
  it('9: X-HTTP-Method-Override: POST on GET', () => refused(decide(req('GET', '/v1.51/containers/json', undefined, { 'x-http-method-override': 'POST' })), 403));
  it('9: HEAD on containers/create', () => refused(decide(req('HEAD', CREATE)), 403));
  it('9: OPTIONS on containers/create', () => refused(decide(req('OPTIONS', CREATE)), 403));
  it('9: PATCH', () => refused(decide(req('PATCH', '/v1.51/containers/c1')), 403));
});

describe('§5.3 B 10 — request smuggling', () => {
  const b = JSON.stringify(create());
  it('10: Content-Length and Transfer-Encoding', () => refused(decide(req('POST', CREATE, b, { 'content-length': String(b.length), 'transfer-encoding': 'chunked' })), 400));
  it('10: duplicate Content-Length', () => refused(decide(req('POST', CREATE, b, { 'content-length': `${b.length}, ${b.length}` })), 400));
  it('10: Content-Length disagreeing with the body (CVE-2024-41110: Content-Length 0 with a body)', () =>
    refused(decide(req('POST', CREATE, b, { 'content-length': '0' })), 400));
  it('10: a second request pipelined in the body is trailing data', () =>
    refused(decide(req('POST', CREATE, `${b}\r\n\r\nPOST /containers/create HTTP/1.1\r\n\r\n{}`)), 400));
});

describe('§5.3 B 11 — upgrade smuggling', () => {
  it('11: Upgrade header on a normal route', () =>
    refused(decide(req('POST', CREATE, create(), { connection: 'Upgrade', upgrade: 'tcp' })), 403));
  it('11: an upgrade asked on a route that does not hijack', () => refused(decide(req('POST', '/v1.51/containers/c1/start', undefined, {}, true)), 403));
  it('11: a detached exec start asking to upgrade', () =>
    refused(decide(req('POST', '/v1.51/exec/e1/start', { Detach: true, Tty: false }, {}, true)), 400));
  it('11: exec start upgrades only with the rebuilt Connection/Upgrade headers', () => {
    const r = decide(req('POST', '/v1.51/exec/e1/start', { Detach: false, Tty: false }, { connection: 'Upgrade', upgrade: 'h2c' }, true));
    expect(r).toEqual({ kind: 'forward', method: 'POST', path: '/v1.51/exec/e1/start', headers: { 'content-type': 'application/json', connection: 'Upgrade', upgrade: 'tcp' }, body: new TextEncoder().encode('{"Detach":false,"Tty":false}') });
  });
});

describe('§5.3 C 12 — case and duplicate keys', () => {
  const cases: Array<[string, string]> = [
    ['Privileged then privileged', '{"Image":"alpine","HostConfig":{"Privileged":false,"privileged":true}}'],
    ['hostconfig / PRIVILEGED', '{"Image":"alpine","hostconfig":{"PRIVILEGED":true}}'],
    ['\\u0050rivileged', '{"Image":"alpine","HostConfig":{"\\u0050rivileged":true}}'],
    ['Binds then binds', '{"Image":"alpine","HostConfig":{"Binds":null,"binds":["/:/h"]}}'],
    ['BINDS', '{"Image":"alpine","HostConfig":{"BINDS":["/:/h"]}}'],
    ['Bindſ (Go folds ſ to s)', '{"Image":"alpine","HostConfig":{"Bindſ":["/:/h"]}}'],
    ['CapAdd then capadd', '{"Image":"alpine","HostConfig":{"CapAdd":null,"capadd":["ALL"]}}'],
    ['capAdd', '{"Image":"alpine","HostConfig":{"capAdd":["SYS_ADMIN"]}}'],
    ['NetworkMode then networkmode', '{"Image":"alpine","HostConfig":{"NetworkMode":"none","networkmode":"host"}}'],
    ['networkMode', '{"Image":"alpine","HostConfig":{"networkMode":"host"}}'],
    ['duplicate HostConfig objects', '{"Image":"alpine","HostConfig":{},"HostConfig":{"Privileged":true}}'],
  ];
  it.each(cases)('12: %s', (_, body) => refused(decide(req('POST', CREATE, body))));
});

describe('§5.3 C 13 — root-level HostConfig fields (accepted by Engines before 29)', () => {
  it('13: root-level Privileged and Binds', () => refused(decide(req('POST', CREATE, { Image: 'alpine', Privileged: true, Binds: ['/:/h'] })), 403));
  it('13: root-level Mounts', () => refused(decide(req('POST', CREATE, { Image: 'alpine', Mounts: [{ Type: 'bind', Source: '/', Target: '/h' }] })), 403));
});

describe('§5.3 C 14 — Content-Type variants', () => {
  const b = JSON.stringify(create());
  it.each(['application/json; charset=utf-8', 'text/plain', 'APPLICATION/JSON', 'application/x-www-form-urlencoded'])('14: %s', (ct) =>
    refused(decide(req('POST', CREATE, b, { 'content-type': ct })), 415));
  it('14: missing', () => refused(decide({ method: 'POST', path: CREATE, headers: {}, body: new TextEncoder().encode(b), upgrade: false }), 415));
});

describe('§5.3 C 15 — framing and size', () => {
  const b = JSON.stringify(create());
  it('15: Transfer-Encoding: chunked on a JSON route', () => refused(decide(req('POST', CREATE, b, { 'transfer-encoding': 'chunked' })), 400));
  it('15: body over the cap (> 1 MiB of whitespace before "Privileged":true, CVE-2026-34040)', () =>
    refused(decide(req('POST', CREATE, `{"Image":"alpine",${' '.repeat(1 << 20)}"HostConfig":{"Privileged":true}}`)), 413));
  it('15: trailing garbage', () => refused(decide(req('POST', CREATE, `${b}garbage`)), 400));
  it('15: a second JSON value after the first', () => refused(decide(req('POST', CREATE, `${b}{"HostConfig":{"Privileged":true}}`)), 400));
  it('15: Content-Encoding: gzip', () => refused(decide(req('POST', CREATE, b, { 'content-encoding': 'gzip' })), 403));
  it('15: invalid UTF-8', () => {
    const bytes = new TextEncoder().encode('{"Image":"alpine","Labels":{"a":"__"}}');
    bytes[bytes.length - 5] = 0xff;
    refused(decide(req('POST', CREATE, bytes)), 400);
  });
  it('15: lone surrogate', () => refused(decide(req('POST', CREATE, '{"Image":"alpine","Labels":{"a":"\\ud800"}}')), 400));
});

describe('§5.3 C 16 — hostile JSON values', () => {
  it('16: 10 000 levels of nesting', () => refused(decide(req('POST', CREATE, '['.repeat(10000) + ']'.repeat(10000))), 400));
  it('16: 1e400', () => refused(decide(req('POST', CREATE, '{"Image":"alpine","HostConfig":{"Memory":1e400}}')), 400));
  it('16: 9e18 (beyond 2^53)', () => refused(decide(req('POST', CREATE, '{"Image":"alpine","HostConfig":{"PidsLimit":9000000000000000000}}')), 400));
  it('16: Memory "1" (a string)', () => refused(decide(req('POST', CREATE, create({ Memory: '1' }))), 400));
  it('16: HostConfig null still forces every limit', () => {
    const r = bodyOf(decide(req('POST', CREATE, { Image: 'alpine', HostConfig: null }))) as { HostConfig: Record<string, unknown> };
    expect([r.HostConfig.Memory, r.HostConfig.PidsLimit, r.HostConfig.SecurityOpt]).toEqual([SESSION.memoryBytes, 256, ['no-new-privileges=true']]);
  });
  it('16: duplicate Image keys', () => refused(decide(req('POST', CREATE, '{"Image":"alpine","Image":"evil"}')), 400));
  it('16: a non-object root', () => refused(decide(req('POST', CREATE, '["alpine"]')), 400));
});

describe('§5.3 C 17 — unknown fields at any level', () => {
  it('17: top level', () => refuseCreate({}, { Future: 1 }));
  it('17: HostConfig', () => refuseCreate({ FutureHostField: 'x' }));
  it('17: Mounts entry', () => refuseCreate({ Mounts: [{ Type: 'volume', Source: 'v', Target: '/d', Future: 1 }] }));
  it('17: NetworkingConfig endpoint', () => refused(decide(req('POST', CREATE, { ...create(), NetworkingConfig: { EndpointsConfig: { default: { Future: 1 } } } }))));
  it('17: HostConfig.Capabilities (API 1.40, HackTricks "unchecked JSON attribute")', () => refuseCreate({ Capabilities: ['CAP_SYS_MODULE'] }));
});

describe('§5.3 D 18–21 — privilege, capabilities, security options, masked paths', () => {
  it('18: Privileged:true', () => refuseCreate({ Privileged: true }));
  it.each(['SYS_ADMIN', 'sys_admin', 'CAP_SYS_ADMIN', 'ALL', 'all', 'NET_ADMIN', 'SYS_PTRACE', 'SYS_MODULE', 'DAC_READ_SEARCH', 'SYS_RAWIO', 'BPF', 'MKNOD'])(
    '19: CapAdd %s',
    (c) => refuseCreate({ CapAdd: [c] }),
  );
  it.each([
    'seccomp=unconfined', 'seccomp:unconfined', 'seccomp={"defaultAction":"SCMP_ACT_ALLOW"}', 'apparmor=unconfined', 'apparmor:unconfined', 'label=disable',
    'disable', 'label=type:spc_t', 'no-new-privileges=false', 'no-new-privileges:false', 'writable-cgroups=true', 'writable-cgroups', 'no-new-privileges=true',
  ])('20: SecurityOpt %s', (o) => refuseCreate({ SecurityOpt: [o] }));
  it('21: MaskedPaths []', () => refuseCreate({ MaskedPaths: [] }));
  it('21: ReadonlyPaths []', () => refuseCreate({ ReadonlyPaths: [] }));
  it('21: MaskedPaths null is accepted and not forwarded', () => {
    const r = bodyOf(decide(req('POST', CREATE, create({ MaskedPaths: null, ReadonlyPaths: null })))) as { HostConfig: object };
    expect(Object.keys(r.HostConfig)).not.toContain('MaskedPaths');
  });
});

describe('§5.3 D 22–24 — host paths, mounts, devices', () => {
  it.each(['/:/host', '/var/run/docker.sock:/var/run/docker.sock', '/run/containerd/containerd.sock:/c', '/etc:/x:ro', '/proc:/p', '/sys/fs/cgroup:/cg', '/home/../etc:/x', '/tmp/link-to-root:/x', './rel:/x', '~/x:/x', 'vol:/x:rshared', 'vol:/', 'vol:/proc/self'])(
    '22: Binds %s',
    (b) => refuseCreate({ Binds: [b] }),
  );
  const mounts: Array<[string, object]> = [
    ['bind /', { Type: 'bind', Source: '/', Target: '/h' }],
    ['volume with local driver o=bind device=/', { Type: 'volume', Source: 'v', Target: '/h', VolumeOptions: { DriverConfig: { Name: 'local', Options: { type: 'none', o: 'bind', device: '/' } } } }],
    ['volume with o="rw, rbind"', { Type: 'volume', Source: 'v', Target: '/h', VolumeOptions: { DriverConfig: { Name: 'local', Options: { type: 'none', o: 'rw, rbind', device: '/' } } } }],
    ['volume type=nfs o=addr=169.254.169.254', { Type: 'volume', Source: 'v', Target: '/h', VolumeOptions: { DriverConfig: { Name: 'local', Options: { type: 'nfs', o: 'addr=169.254.169.254', device: ':/' } } } }],
    ['BindOptions.Propagation rshared', { Type: 'bind', Source: '/tmp', Target: '/h', BindOptions: { Propagation: 'rshared' } }],
    ['CreateMountpoint', { Type: 'bind', Source: '/x', Target: '/h', BindOptions: { CreateMountpoint: true } }],
    ['npipe', { Type: 'npipe', Source: '\\\\.\\pipe\\docker_engine', Target: '/h' }],
    ['cluster', { Type: 'cluster', Source: 'x', Target: '/h' }],
    ['image', { Type: 'image', Source: 'alpine', Target: '/h' }],
    ['tmpfs SizeBytes 1e12', { Type: 'tmpfs', Target: '/t', TmpfsOptions: { SizeBytes: 1e12 } }],
    ['tmpfs options exec,suid', { Type: 'tmpfs', Target: '/t', TmpfsOptions: { Options: [['exec'], ['suid']] } }],
    ['volume Subpath', { Type: 'volume', Source: 'v', Target: '/h', VolumeOptions: { Subpath: '../..' } }],
  ];
  it.each(mounts)('23: Mounts %s', (_, m) => refuseCreate({ Mounts: [m] }));
  it('24: VolumesFrom', () => refuseCreate({ VolumesFrom: ['other'] }));
  it('24: VolumeDriver', () => refuseCreate({ VolumeDriver: 'x' }));
  it('24: Devices /dev/sda', () => refuseCreate({ Devices: [{ PathOnHost: '/dev/sda', PathInContainer: '/dev/sda', CgroupPermissions: 'rwm' }] }));
  it('24: DeviceCgroupRules a *:* rwm', () => refuseCreate({ DeviceCgroupRules: ['a *:* rwm'] }));
  it('24: DeviceRequests nvidia Count -1', () => refuseCreate({ DeviceRequests: [{ Driver: 'nvidia', Count: -1 }] }));
});

describe('§5.3 D 25 — namespaces', () => {
  const cases: Array<[string, object]> = [
    ['PidMode host', { PidMode: 'host' }], ['PidMode container:x', { PidMode: 'container:x' }], ['IpcMode host', { IpcMode: 'host' }],
    ['IpcMode container:x', { IpcMode: 'container:x' }], ['IpcMode shareable', { IpcMode: 'shareable' }], ['UTSMode host', { UTSMode: 'host' }],
    ['UsernsMode host', { UsernsMode: 'host' }], ['NetworkMode host', { NetworkMode: 'host' }], ['NetworkMode container:x', { NetworkMode: 'container:x' }],
    ['NetworkMode bridge (network off)', { NetworkMode: 'bridge' }], ['NetworkMode a foreign network', { NetworkMode: 'other-net' }],
    ['CgroupnsMode host', { CgroupnsMode: 'host' }], ['Cgroup container:x', { Cgroup: 'container:x' }], ['CgroupParent /', { CgroupParent: '/' }],
    ['CgroupParent system.slice', { CgroupParent: 'system.slice' }], ['CgroupParent ../x', { CgroupParent: '../x' }],
  ];
  it.each(cases)('25: %s', (_, h) => refuseCreate(h));
});

describe('§5.3 D 26–30 — runtime, kernel knobs, ports, logs, restart', () => {
  it('26: Runtime runc when runsc is forced', () => refused(decide(req('POST', CREATE, create({ Runtime: 'runc' })), { ...SESSION, runtime: 'runsc' })));
  it('26: Annotations', () => refuseCreate({ Annotations: { 'io.katacontainers.config.hypervisor.kernel': '/x' } }));
  it('26: Sysctls net.ipv4.ip_unprivileged_port_start', () => refuseCreate({ Sysctls: { 'net.ipv4.ip_unprivileged_port_start': '0' } }));
  it('26: Sysctls kernel.shm_rmid_forced', () => refuseCreate({ Sysctls: { 'kernel.shm_rmid_forced': '0' } }));
  it('26: Isolation hyperv', () => refuseCreate({ Isolation: 'hyperv' }));
  it('27: OomKillDisable', () => refuseCreate({ OomKillDisable: true }));
  it('27: OomScoreAdj -1000', () => refuseCreate({ OomScoreAdj: -1000 }));
  it('27: CpuRealtimeRuntime', () => refuseCreate({ CpuRealtimeRuntime: 950000 }));
  it('27: CpusetCpus 0-1023', () => refuseCreate({ CpusetCpus: '0-1023' }));
  it('27: Blkio device paths', () => refuseCreate({ BlkioDeviceReadBps: [{ Path: '/dev/sda', Rate: 1 }] }));
  it('28: PortBindings 0.0.0.0:22', () => refuseCreate({ PortBindings: { '22/tcp': [{ HostIp: '0.0.0.0', HostPort: '22' }] } }));
  it('28: PortBindings :80 with HostIp ""', () => refuseCreate({ PortBindings: { '80/tcp': [{ HostIp: '', HostPort: '80' }] } }));
  it('28: PublishAllPorts', () => refuseCreate({ PublishAllPorts: true }));
  it('28: ExtraHosts host-gateway', () => refuseCreate({ ExtraHosts: ['h:host-gateway'] }));
  it('28: Dns 10.0.0.2', () => refuseCreate({ Dns: ['10.0.0.2'] }));
  it('29: LogConfig syslog to udp://10.0.0.1', () => refuseCreate({ LogConfig: { Type: 'syslog', Config: { 'syslog-address': 'udp://10.0.0.1:514' } } }));
  it('29: LogConfig gelf', () => refuseCreate({ LogConfig: { Type: 'gelf', Config: { 'gelf-address': 'udp://10.0.0.1:12201' } } }));
  it('29: LogConfig fluentd', () => refuseCreate({ LogConfig: { Type: 'fluentd', Config: {} } }));
  it('29: json-file without max-size is forced to the rotated local driver', () => {
    refuseCreate({ LogConfig: { Type: 'json-file', Config: {} } });
    const r = bodyOf(decide(req('POST', CREATE, create({ LogConfig: { Type: '', Config: {} } })))) as { HostConfig: { LogConfig: unknown } };
    expect(r.HostConfig.LogConfig).toEqual({ Type: 'local', Config: { 'max-size': '5m', 'max-file': '2' } });
  });
  it('30: RestartPolicy always', () => refuseCreate({ RestartPolicy: { Name: 'always' } }));
  it('30: RestartPolicy unless-stopped', () => refuseCreate({ RestartPolicy: { Name: 'unless-stopped' } }));
});

describe('§5.3 D 31 — zero and negative resource values are forced', () => {
  const forced = (h: object) => (bodyOf(decide(req('POST', CREATE, create(h)))) as { HostConfig: Record<string, unknown> }).HostConfig;
  it('31: Memory 0, NanoCpus 0, PidsLimit 0 → the session limits', () =>
    expect(forced({ Memory: 0, NanoCpus: 0, PidsLimit: 0 })).toMatchObject({ Memory: SESSION.memoryBytes, MemorySwap: SESSION.memoryBytes, NanoCpus: 1e9, PidsLimit: 256 }));
  it('31: PidsLimit -1 → forced', () => expect(forced({ PidsLimit: -1 }).PidsLimit).toBe(256));
  it('31: PidsLimit null → forced', () => expect(forced({ PidsLimit: null }).PidsLimit).toBe(256));
  it('31: MemorySwap -1', () => refuseCreate({ MemorySwap: -1 }));
  it('31: CpuQuota -1', () => refuseCreate({ CpuQuota: -1 }));
  it('31: Memory above the session limit', () => refuseCreate({ Memory: 64 * 1024 * 1024 * 1024 }));
  it('31: PidsLimit above the session limit', () => refuseCreate({ PidsLimit: 100000 }));
  it('31: Ulimits nofile 1048576', () => refuseCreate({ Ulimits: [{ Name: 'nofile', Soft: 1048576, Hard: 1048576 }] }));
  it('31: Ulimits core -1', () => refuseCreate({ Ulimits: [{ Name: 'core', Soft: -1, Hard: -1 }] }));
  it('31: Ulimits memlock -1', () => refuseCreate({ Ulimits: [{ Name: 'memlock', Soft: -1, Hard: -1 }] }));
  it('31: ShmSize 64 GiB', () => refuseCreate({ ShmSize: 64 * 1024 * 1024 * 1024 }));
  it('31: StorageOpt size 1T', () => refuseCreate({ StorageOpt: { size: '1T', foo: 'bar' } }));
});

describe('§5.3 D 32–35 — labels, paths, images, endpoints', () => {
  it('32: Labels with the reserved session label of another session', () => refuseCreate({}, { Labels: { 'org.layerlab.session': 'other' } }));
  it('32: Labels with a case variant of the reserved prefix', () => refuseCreate({}, { Labels: { 'ORG.layerlab.x': '1' } }));
  it('33: WorkingDir /proc/self/fd/7 (CVE-2024-21626)', () => refuseCreate({}, { WorkingDir: '/proc/self/fd/7' }));
  it('33: WorkingDir relative', () => refuseCreate({}, { WorkingDir: 'tmp' }));
  it('33: Healthcheck Interval 1 ns', () => refuseCreate({}, { Healthcheck: { Test: ['CMD', 'true'], Interval: 1 } }));
  it('33: StopTimeout 1e9', () => refuseCreate({}, { StopTimeout: 1e9 }));
  it('33: Volumes with 10 000 entries', () => refuseCreate({}, { Volumes: Object.fromEntries(Array.from({ length: 10000 }, (_, i) => [`/v${i}`, {}])) }));
  it.each(['169.254.169.254/x', 'localhost:5000/x', '10.0.0.5/x', 'evil.example/x:latest'])('34: Image %s', (image) => refuseCreate({}, { Image: image }));
  const eps: Array<[string, object]> = [
    ['host', { host: {} }], ['bridge', { bridge: {} }], ['a foreign network', { 'other-net': {} }],
    ['IPAMConfig.IPv4Address', { default: { IPAMConfig: { IPv4Address: '10.0.0.9' } } }], ['two networks', { default: {}, none: {} }],
  ];
  it.each(eps)('35: EndpointsConfig %s', (_, e) => refused(decide(req('POST', CREATE, { ...create(), NetworkingConfig: { EndpointsConfig: e } }))));
  it('32: ?name with odd characters', () => refused(decide(req('POST', `${CREATE}?name=../x`, create())), 400));
});

describe('§5.3 E 36–37 — updates and exec', () => {
  it.each([{ PidsLimit: 0 }, { Memory: 0 }, { MemorySwap: -1 }, { CpuQuota: -1 }, { RestartPolicy: { Name: 'always' } }])('36: update %j → 403', (b) =>
    refused(decide(req('POST', '/v1.51/containers/c1/update', b)), 403));
  const exec = { User: '', Privileged: false, Tty: false, AttachStdin: false, AttachStderr: true, AttachStdout: true, Detach: false, DetachKeys: '', Env: null, WorkingDir: '', Cmd: ['sh'] };
  it('37: exec Privileged:true', () => refused(decide(req('POST', '/v1.51/containers/c1/exec', { ...exec, Privileged: true })), 403));
  it('37: exec privileged:true (case variant)', () => refused(decide(req('POST', '/v1.51/containers/c1/exec', { ...exec, Privileged: undefined, privileged: true })), 400));
  it('37: exec WorkingDir /proc/self/fd/7', () => refused(decide(req('POST', '/v1.51/containers/c1/exec', { ...exec, WorkingDir: '/proc/self/fd/7' })), 403));
  it('37: exec with an unknown field', () => refused(decide(req('POST', '/v1.51/containers/c1/exec', { ...exec, CapAdd: ['ALL'] })), 403));
});

describe('§5.3 F 38, 40–41 — build', () => {
  const build = (q: string, headers: Record<string, string> = { 'content-type': 'application/x-tar', 'transfer-encoding': 'chunked' }) => decide(req('POST', `/v1.51/build?${q}`, null, headers));
  const queries = [
    'networkmode=host', 'remote=http://169.254.169.254/latest/meta-data', 'remote=git://example.com/x', `buildargs=${encodeURIComponent('{"BUILDKIT_SYNTAX":"evil/frontend"}')}`,
    'extrahosts=x:host-gateway', 'cgroupparent=/', `ulimits=${encodeURIComponent('[{"Name":"nofile","Soft":1048576,"Hard":1048576}]')}`, 'memory=99999999999',
    'platform=linux/s390x', 'outputs=type=local,dest=/', 'networkmode=default&networkmode=host', 'version=2', 'isolation=hyperv', 'cpusetcpus=0-63',
    'session=abc', 'securityopt=seccomp=unconfined', 'squash=1', 'shmsize=68719476736', 'dockerfile=../../etc/passwd', 't=169.254.169.254/x', 'future=1',
    `labels=${encodeURIComponent('{"org.layerlab.session":"other"}')}`, `buildargs=${encodeURIComponent('{"A":"1","A":"2"}')}`,
  ];
  it.each(queries)('38: %s', (q) => refused(build(q)));
  it('38: the same options as a form-urlencoded body', () => refused(build('t=x', { 'content-type': 'application/x-www-form-urlencoded' }), 415));
  it('38: t=alpine:latest is allowed: the engine is the session\'s own, so its tags poison no one (§0 item 5)', () => {
    const r = build('t=alpine:latest');
    expect(r.kind === 'forward' && r.path).toBe('/v1.51/build?t=alpine%3Alatest&networkmode=none&memory=536870912&memswap=536870912&cpuperiod=100000&cpuquota=100000&version=1');
  });
  it('40: a 200 MiB context is streamed with a cap; over 512 MiB is 413', () => {
    const r = build('t=x');
    expect(r.kind === 'forward' && r.stream).toEqual({ maxBytes: 512 * 1024 * 1024 });
    refused(build('t=x', { 'content-type': 'application/x-tar', 'content-length': String(1024 * 1024 * 1024) }), 413);
  });
  it('40: a streamed route takes no buffered body', () => refused(decide(req('POST', '/v1.51/build', new Uint8Array(10), { 'content-type': 'application/x-tar' })), 400));
  it('41: /session and /grpc', () => {
    refused(decide(req('POST', '/v1.51/session', undefined, { connection: 'Upgrade', upgrade: 'h2c' }, true)), 403);
    refused(decide(req('POST', '/grpc', undefined, { connection: 'Upgrade', upgrade: 'h2c' }, true)), 403);
  });
});

describe('§5.3 G 42–44 — images, volumes, networks, archive', () => {
  it('42: images/create?fromSrc=http://…', () => refused(decide(req('POST', '/v1.51/images/create?fromSrc=http%3A%2F%2F169.254.169.254%2F&repo=x')), 403));
  it('42: images/create?fromSrc=- (import)', () => refused(decide(req('POST', '/v1.51/images/create?fromSrc=-&repo=x')), 403));
  it('42: images/create from another registry', () => refused(decide(req('POST', '/v1.51/images/create?fromImage=10.0.0.5%2Fx&tag=latest')), 403));
  it('42: images/load over the cap', () => refused(decide(req('POST', '/v1.51/images/load', null, { 'content-type': 'application/x-tar', 'content-length': String(2 ** 30) })), 413));
  it('43: volumes/create with DriverOpts o=bind device=/', () => refused(decide(req('POST', '/v1.51/volumes/create', { Name: 'v', Driver: 'local', DriverOpts: { type: 'none', o: 'bind', device: '/' } })), 403));
  it('43: volumes/create with nfs', () => refused(decide(req('POST', '/v1.51/volumes/create', { Name: 'v', DriverOpts: { type: 'nfs', o: 'addr=169.254.169.254', device: ':/' } })), 403));
  it('43: volumes/create with a huge tmpfs', () => refused(decide(req('POST', '/v1.51/volumes/create', { Name: 'v', DriverOpts: { type: 'tmpfs', device: 'tmpfs', o: 'size=100g' } })), 403));
  it('43: volumes/create with Driver x', () => refused(decide(req('POST', '/v1.51/volumes/create', { Name: 'v', Driver: 'x' })), 403));
  const bridge = { ...SESSION, network: 'bridge' as const };
  const nets: Array<[string, object]> = [
    ['macvlan parent=eth0', { Name: 'n', Driver: 'macvlan', Options: { parent: 'eth0' } }],
    ['ipvlan', { Name: 'n', Driver: 'ipvlan' }],
    ['bridge Options', { Name: 'n', Driver: 'bridge', Options: { 'com.docker.network.bridge.gateway_mode_ipv4': 'routed' } }],
    ['IPAM subnet 169.254.0.0/16', { Name: 'n', IPAM: { Driver: 'default', Config: [{ Subnet: '169.254.0.0/16' }] } }],
    ['Ingress', { Name: 'n', Ingress: true }],
    ['ConfigFrom', { Name: 'n', ConfigFrom: { Network: 'x' } }],
  ];
  it.each(nets)('43: networks/create %s', (_, b) => refused(decide(req('POST', '/v1.51/networks/create', b), bridge), 403));
  it('43: networks/create when the session has no network', () => refused(decide(req('POST', '/v1.51/networks/create', { Name: 'n', Driver: 'bridge' })), 403));
  it('44: PUT archive of 1 GiB', () => refused(decide(req('PUT', '/v1.51/containers/c1/archive?path=%2F', null, { 'content-type': 'application/x-tar', 'content-length': String(2 ** 30) })), 413));
  it('44: PUT archive with a JSON content type', () => refused(decide(req('PUT', '/v1.51/containers/c1/archive?path=%2F', null, { 'content-type': 'application/json' })), 415));
});

describe('§0 bypass classes', () => {
  it('unversioned paths are rebuilt with the pinned version', () => {
    const r = decide(req('GET', '/containers/json?all=1'));
    expect(r.kind === 'forward' && r.path).toBe('/v1.51/containers/json?all=1');
  });
  it('duplicate query parameters', () => refused(decide(req('GET', '/v1.51/containers/json?all=1&all=0')), 400));
  it('unknown query parameters', () => refused(decide(req('DELETE', '/v1.51/containers/c1?link=1')), 403));
  it('zero-value fields that mean unlimited are forced, not checked', () => {
    const h = (bodyOf(decide(req('POST', CREATE, create({ Memory: 0, MemorySwap: 0, NanoCpus: 0, PidsLimit: 0 })))) as { HostConfig: Record<string, unknown> }).HostConfig;
    expect([h.Memory, h.MemorySwap, h.NanoCpus, h.PidsLimit]).toEqual([SESSION.memoryBytes, SESSION.memoryBytes, 1e9, 256]);
  });
  it('streamBody names the tar routes', () => {
    expect(['/build', '/v1.51/build?t=x', '/images/load', '/v1.41/containers/c/archive?path=/'].map((p, i) => streamBody(i === 3 ? 'PUT' : 'POST', p))).toEqual([true, true, true, true]);
    expect([streamBody('POST', '/containers/create'), streamBody('GET', '/v1.51/containers/c/archive'), streamBody('POST', '/v1.51/containers%2Fx')]).toEqual([false, false, false]);
  });
});
