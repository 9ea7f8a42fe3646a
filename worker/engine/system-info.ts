/**
 * `GET /info` of the simulated engine (moby api/types/system.Info): one
 * object that `docker info` prints as text and `docker info --format`
 * templates over. Keys, their order and their JSON forms are those recorded
 * from Engine 26.1 (`docker info --format '{{json .}}'`); Engine 28.5 adds
 * FirewallBackend, DiscoveredDevices and Containerd, which the simulator does
 * not report. Host facts describe the simulated machine honestly: the
 * operating system says it is Layerlab's simulated engine.
 */
import type { EngineState } from './state.ts';
import { ENGINE_VERSION } from './version.ts';

/** The simulated host's memory: 8 GB, as `Total Memory: 7.66GiB` shows. */
const MEM_TOTAL = 8_222_220_288;

/** The `GET /info` body for this state at `now` (ms). */
export function systemInfo(state: EngineState, now: number): Record<string, unknown> {
  const v = ENGINE_VERSION;
  const containers = [...state.containers.values()];
  const running = containers.filter((c) => c.running).length;
  return {
    ID: '5d0a9c1e-2b7f-4c1a-9e3d-7a61c0ffee42',
    Containers: containers.length,
    ContainersRunning: running,
    ContainersPaused: 0,
    ContainersStopped: containers.length - running,
    Images: state.images.size,
    Driver: 'overlay2',
    DriverStatus: [['Backing Filesystem', 'extfs'], ['Supports d_type', 'true'], ['Using metacopy', 'false'], ['Native Overlay Diff', 'true'], ['userxattr', 'false']],
    Plugins: {
      Volume: ['local'],
      Network: ['bridge', 'host', 'ipvlan', 'macvlan', 'null', 'overlay'],
      Authorization: null,
      Log: ['awslogs', 'fluentd', 'gcplogs', 'gelf', 'journald', 'json-file', 'local', 'splunk', 'syslog'],
    },
    MemoryLimit: true,
    SwapLimit: true,
    KernelMemoryTCP: true,
    CpuCfsPeriod: true,
    CpuCfsQuota: true,
    CPUShares: true,
    CPUSet: true,
    PidsLimit: true,
    IPv4Forwarding: true,
    Debug: false,
    NFd: 24 + running,
    OomKillDisable: false,
    NGoroutines: 40 + 8 * running,
    SystemTime: new Date(now).toISOString().replace(/\.(\d+)Z$/, (_, ms: string) => `.${ms.replace(/0+$/, '')}Z`).replace('.Z', 'Z'),
    LoggingDriver: 'json-file',
    CgroupDriver: 'systemd',
    CgroupVersion: '2',
    NEventsListener: 0,
    KernelVersion: v.kernel,
    OperatingSystem: 'Layerlab simulated Docker Engine',
    OSVersion: '',
    OSType: 'linux',
    Architecture: 'x86_64',
    IndexServerAddress: 'https://index.docker.io/v1/',
    RegistryConfig: {
      IndexConfigs: { 'docker.io': { Mirrors: [], Name: 'docker.io', Official: true, Secure: true } },
      InsecureRegistryCIDRs: ['::1/128', '127.0.0.0/8'],
      Mirrors: null,
    },
    NCPU: 2,
    MemTotal: MEM_TOTAL,
    GenericResources: null,
    DockerRootDir: '/var/lib/docker',
    HttpProxy: '',
    HttpsProxy: '',
    NoProxy: '',
    Name: 'layerlab',
    Labels: [],
    ExperimentalBuild: false,
    ServerVersion: v.version,
    Runtimes: { 'io.containerd.runc.v2': { path: 'runc' }, runc: { path: 'runc' } },
    DefaultRuntime: 'runc',
    Swarm: { NodeID: '', NodeAddr: '', LocalNodeState: 'inactive', ControlAvailable: false, Error: '', RemoteManagers: null },
    LiveRestoreEnabled: false,
    Isolation: '',
    InitBinary: 'docker-init',
    ContainerdCommit: { ID: v.containerd.commit },
    RuncCommit: { ID: v.runc.commit },
    InitCommit: { ID: v.init.commit },
    SecurityOptions: ['name=seccomp,profile=builtin', 'name=cgroupns'],
    CDISpecDirs: ['/etc/cdi', '/var/run/cdi'],
    Warnings: null,
  };
}
