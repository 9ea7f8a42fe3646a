/**
 * `docker info`: the client block and a consistent subset of the server's
 * (docker/cli cli/command/system/info.go layout). Counts come from the
 * engine's state; host facts describe the simulated machine honestly
 * (Operating System says it is Layerlab's simulated engine).
 */
import { CliError, type CommandContext } from '../context.ts';
import { CLIENT_VERSION } from '../client-version.ts';
import { ansic } from '../../common/go-time.ts';
import { GO_TYPE } from '../format/go-value.ts';
import { JSON_FORMAT } from '../format/format.ts';
import { DOCKER_FUNCS, TemplateError, parseTemplate } from '../format/template/index.ts';

/**
 * docker/cli's dockerInfo: the daemon's Info with the client's block added
 * as ClientInfo (recorded from CLI 28.2.2: `{{json .}}` ends with it).
 */
function dockerInfo(server: Record<string, unknown>): object {
  const c = CLIENT_VERSION;
  return Object.assign(
    {
      ...server,
      ClientInfo: {
        Debug: false,
        Version: c.version,
        DefaultAPIVersion: c.api,
        GitCommit: c.gitCommit,
        GoVersion: c.goVersion,
        Os: 'linux',
        Arch: 'amd64',
        BuildTime: ansic(c.buildTime),
        Context: 'default',
        Plugins: [{ SchemaVersion: '0.1.0', Vendor: 'Docker Inc.', Version: c.buildx.version, ShortDescription: 'Docker Buildx', Name: 'buildx', Path: c.buildx.path }],
        Warnings: null,
      },
    },
    { [GO_TYPE]: 'system.dockerInfo' },
  );
}

/** `docker info --format`: errors as info.go reports them (parse 64, execution 1). */
function formatted(ctx: CommandContext, format: string, server: Record<string, unknown>): number {
  let tmpl;
  try {
    tmpl = parseTemplate(format === 'json' ? JSON_FORMAT : format, DOCKER_FUNCS);
  } catch (err) {
    if (err instanceof TemplateError) throw new CliError(`template parsing error: ${err.message}`, 64);
    throw err;
  }
  try {
    ctx.out(`${tmpl.execute(dockerInfo(server))}\n`);
  } catch (err) {
    if (!(err instanceof TemplateError)) throw err;
    ctx.out(`${err.partialOutput}\n`);
    throw new CliError(err.message, 1);
  }
  return 0;
}

/** Runs `docker info`. */
export async function info(ctx: CommandContext): Promise<number> {
  const server = await ctx.engine.info();
  const format = ctx.flags.get<string>('format');
  if (format !== '') return formatted(ctx, format, server);
  const s = server as {
    Containers: number; ContainersRunning: number; ContainersPaused: number; ContainersStopped: number; Images: number;
    ServerVersion: string; KernelVersion: string; ContainerdCommit: { ID: string }; RuncCommit: { ID: string }; InitCommit: { ID: string };
  };
  const lines = [
    'Client: Docker Engine - Community',
    ` Version:    ${CLIENT_VERSION.version}`,
    ' Context:    default',
    ' Debug Mode: false',
    ' Plugins:',
    '  buildx: Docker Buildx (Docker Inc.)',
    `    Version:  ${CLIENT_VERSION.buildx.version}`,
    `    Path:     ${CLIENT_VERSION.buildx.path}`,
    '',
    'Server:',
    ` Containers: ${s.Containers}`,
    `  Running: ${s.ContainersRunning}`,
    `  Paused: ${s.ContainersPaused}`,
    `  Stopped: ${s.ContainersStopped}`,
    ` Images: ${s.Images}`,
    ` Server Version: ${s.ServerVersion}`,
    ' Storage Driver: overlay2',
    '  Backing Filesystem: extfs',
    '  Supports d_type: true',
    '  Using metacopy: false',
    '  Native Overlay Diff: true',
    '  userxattr: false',
    ' Logging Driver: json-file',
    ' Cgroup Driver: systemd',
    ' Cgroup Version: 2',
    ' Plugins:',
    '  Volume: local',
    '  Network: bridge host ipvlan macvlan null overlay',
    '  Log: awslogs fluentd gcplogs gelf journald json-file local splunk syslog',
    ' Swarm: inactive',
    ' Runtimes: io.containerd.runc.v2 runc',
    ' Default Runtime: runc',
    ' Init Binary: docker-init',
    ` containerd version: ${s.ContainerdCommit.ID}`,
    ` runc version: ${s.RuncCommit.ID}`,
    ` init version: ${s.InitCommit.ID}`,
    ' Security Options:',
    '  seccomp',
    '   Profile: builtin',
    '  cgroupns',
    ` Kernel Version: ${s.KernelVersion}`,
    ' Operating System: Layerlab simulated Docker Engine',
    ' OSType: linux',
    ' Architecture: x86_64',
    ' CPUs: 2',
    ' Total Memory: 7.66GiB',
    ' Name: layerlab',
    ' ID: 5d0a9c1e-2b7f-4c1a-9e3d-7a61c0ffee42',
    ' Docker Root Dir: /var/lib/docker',
    ' Debug Mode: false',
    ' Experimental: false',
    ' Insecure Registries:',
    '  ::1/128',
    '  127.0.0.0/8',
    ' Live Restore Enabled: false',
    '',
  ];
  ctx.out(lines.join('\n'));
  return 0;
}
