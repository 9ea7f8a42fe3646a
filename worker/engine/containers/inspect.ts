/**
 * `GET /containers/{id}/json`: the container as the daemon describes it
 * (moby api/types/container.InspectResponse, API 1.51), keys in the
 * daemon's order. Host paths are those of a default Linux install
 * (/var/lib/docker); the overlay2 directories are named after the container
 * ID, where the real daemon uses a random layer ID.
 */
import { imageSize } from '../images/size.ts';
import type { EngineState } from '../state.ts';
import { attachmentsOf, dnsNames, networkMode } from '../network/endpoints.ts';
import { portsOf } from './list.ts';
import { mountPointJson } from './mounts.ts';
import { rfc3339Nano, type Container } from './record.ts';

/** The inspect object of one container; with `size`, SizeRw and SizeRootFs. */
export function inspectContainer(state: EngineState, c: Container, size: boolean): Record<string, unknown> {
  const dir = `/var/lib/docker/containers/${c.id}`;
  const layer = `/var/lib/docker/overlay2/${c.id}`;
  const ports: Record<string, Array<{ HostIp: string; HostPort: string }> | null> = {};
  if (c.running) {
    for (const p of portsOf(c)) {
      const key = `${p.PrivatePort}/${p.Type}`;
      if (p.PublicPort === undefined) ports[key] = null;
      else (ports[key] ??= []).push({ HostIp: p.IP ?? '', HostPort: String(p.PublicPort) });
    }
  }
  const attached = attachmentsOf(state, c);
  // Only the default bridge fills the deprecated top-level fields (moby daemon/network.go buildEndpointInfo).
  const bridge = attached.bridge;
  const top = c.running && bridge?.IPAddress ? bridge : undefined;
  const networks: Record<string, unknown> = {};
  for (const [name, ep] of Object.entries(attached)) {
    const joined = ep.Joined === true;
    networks[name] = {
      IPAMConfig: null, Links: null, Aliases: ep.Aliases, MacAddress: ep.MacAddress, DriverOpts: null, GwPriority: 0,
      // A created container names its network by name only; the ID is filled in when it joins (recorded from Engine 26.1).
      NetworkID: joined ? ep.NetworkID : '', EndpointID: ep.EndpointID,
      Gateway: ep.Gateway, IPAddress: ep.IPAddress, IPPrefixLen: ep.IPPrefixLen, IPv6Gateway: '', GlobalIPv6Address: '', GlobalIPv6PrefixLen: 0,
      DNSNames: joined && name !== 'bridge' && name !== 'none' && name !== 'host' ? dnsNames(c, ep) : null,
    };
  }
  const out: Record<string, unknown> = {
    Id: c.id,
    Created: rfc3339Nano(c.created),
    Path: c.path,
    Args: c.args,
    State: {
      Status: c.status,
      Running: c.running,
      Paused: c.status === 'paused',
      Restarting: c.status === 'restarting',
      OOMKilled: false,
      Dead: false,
      Pid: c.pid,
      ExitCode: c.exitCode,
      Error: c.error,
      StartedAt: rfc3339Nano(c.startedAt),
      FinishedAt: rfc3339Nano(c.finishedAt),
    },
    Image: c.imageId,
    ResolvConfPath: `${dir}/resolv.conf`,
    HostnamePath: `${dir}/hostname`,
    HostsPath: `${dir}/hosts`,
    LogPath: `${dir}/${c.id}-json.log`,
    Name: '/' + c.name,
    RestartCount: c.restartCount,
    Driver: 'overlay2',
    Platform: 'linux',
    MountLabel: '',
    ProcessLabel: '',
    AppArmorProfile: 'docker-default',
    ExecIDs: null,
    HostConfig: {
      Binds: c.hostConfig.Binds ?? null,
      ContainerIDFile: '',
      LogConfig: { Type: 'json-file', Config: {} },
      NetworkMode: networkMode(c),
      PortBindings: c.hostConfig.PortBindings,
      RestartPolicy: c.hostConfig.RestartPolicy ?? { Name: 'no', MaximumRetryCount: 0 },
      AutoRemove: c.hostConfig.AutoRemove,
      VolumeDriver: '',
      VolumesFrom: null,
      ConsoleSize: [0, 0],
      CapAdd: null,
      CapDrop: null,
      CgroupnsMode: 'private',
      Dns: [],
      DnsOptions: [],
      DnsSearch: [],
      ExtraHosts: null,
      GroupAdd: null,
      IpcMode: 'private',
      Cgroup: '',
      Links: null,
      OomScoreAdj: 0,
      PidMode: '',
      Privileged: c.hostConfig.Privileged ?? false,
      PublishAllPorts: false,
      ReadonlyRootfs: c.hostConfig.ReadonlyRootfs ?? false,
      SecurityOpt: null,
      ...(c.hostConfig.Tmpfs ? { Tmpfs: c.hostConfig.Tmpfs } : {}),
      UTSMode: '',
      UsernsMode: '',
      ShmSize: 67108864,
      Runtime: 'runc',
      Isolation: '',
      CpuShares: 0,
      Memory: 0,
      NanoCpus: 0,
      CgroupParent: '',
      BlkioWeight: 0,
      PidsLimit: null,
      OomKillDisable: null,
      Init: null,
      ...(c.hostConfig.Mounts ? { Mounts: c.hostConfig.Mounts } : {}),
      MaskedPaths: ['/proc/asound', '/proc/acpi', '/proc/interrupts', '/proc/kcore', '/proc/keys', '/proc/latency_stats', '/proc/timer_list', '/proc/timer_stats', '/proc/sched_debug', '/proc/scsi', '/sys/firmware', '/sys/devices/virtual/powercap'],
      ReadonlyPaths: ['/proc/bus', '/proc/fs', '/proc/irq', '/proc/sys', '/proc/sysrq-trigger'],
    },
    GraphDriver: {
      Data: { ID: c.id, LowerDir: `${layer}-init/diff`, MergedDir: `${layer}/merged`, UpperDir: `${layer}/diff`, WorkDir: `${layer}/work` },
      Name: 'overlay2',
    },
  };
  if (size) {
    const img = state.images.get(c.imageId);
    out.SizeRw = c.sizeRw;
    out.SizeRootFs = c.sizeRw + (img ? imageSize(state, img) : 0);
  }
  out.Mounts = (c.mounts ?? []).filter((m) => !m.unlisted).map(mountPointJson);
  out.Config = c.config;
  out.NetworkSettings = {
    Bridge: '',
    SandboxID: '',
    SandboxKey: '',
    Ports: ports,
    HairpinMode: false,
    LinkLocalIPv6Address: '',
    LinkLocalIPv6PrefixLen: 0,
    SecondaryIPAddresses: null,
    SecondaryIPv6Addresses: null,
    EndpointID: top?.EndpointID ?? '',
    Gateway: top?.Gateway ?? '',
    GlobalIPv6Address: '',
    GlobalIPv6PrefixLen: 0,
    IPAddress: top?.IPAddress ?? '',
    IPPrefixLen: top?.IPPrefixLen ?? 0,
    IPv6Gateway: '',
    MacAddress: top?.MacAddress ?? '',
    Networks: networks,
  };
  return out;
}
