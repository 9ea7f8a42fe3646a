/**
 * `docker version` (docker/cli cli/command/system/version.go): the client
 * block and the server's components, laid out by its tabwriter (min width 20,
 * padding 1), build times in Go's ANSIC layout (`Wed Oct  8 12:18:25 2025`).
 */
import type { CommandContext } from '../context.ts';
import { CLIENT_VERSION } from '../client-version.ts';
import { CliError } from '../context.ts';
import { ansic } from '../../common/go-time.ts';
import { lowerApiVersion } from '../../common/api-version.ts';
import type { VersionResponse } from '../../engine/api-types.ts';
import { GO_TYPE } from '../format/go-value.ts';
import { JSON_FORMAT } from '../format/format.ts';
import { DOCKER_FUNCS, TemplateError, parseTemplate } from '../format/template/index.ts';

const row = (indent: string, key: string, value: string) => `${`${indent}${key}:`.padEnd(19)} ${value}\n`;

/**
 * docker/cli's versionInfo: what `--format` templates see. Key order and
 * omitted fields as its JSON (recorded from CLI 28.2.2: Platform only when
 * the client has a platform name, BuildTime in ANSIC); structs are marked so
 * templates print them as Go prints structs (`{Engine 28.5.1 map[...]}`).
 */
function versionInfo(server: VersionResponse, api: string): object {
  const c = CLIENT_VERSION;
  const struct = <T extends object>(type: string, fields: T): T => Object.assign(fields, { [GO_TYPE]: type });
  return struct('system.versionInfo', {
    Client: struct('*system.clientVersion', {
      Platform: struct('*system.platformInfo', { Name: 'Docker Engine - Community' }),
      Version: c.version,
      ApiVersion: api,
      DefaultAPIVersion: c.api,
      GitCommit: c.gitCommit,
      GoVersion: c.goVersion,
      Os: 'linux',
      Arch: 'amd64',
      BuildTime: ansic(c.buildTime),
      Context: 'default',
    }),
    Server: struct('*types.Version', {
      ...server,
      Platform: struct('struct { Name string }', { ...server.Platform }),
      Components: server.Components.map((comp) => struct('types.ComponentVersion', { ...comp })),
    }),
  });
}

/** `docker version --format`: the template over {@link versionInfo}; errors as version.go reports them. */
function formatted(ctx: CommandContext, format: string, server: VersionResponse, api: string): number {
  let tmpl;
  try {
    tmpl = parseTemplate(format === 'json' ? JSON_FORMAT : format, DOCKER_FUNCS, 'version');
  } catch (err) {
    if (err instanceof TemplateError) throw new CliError(`template parsing error: ${err.message}`, 64);
    throw err;
  }
  try {
    ctx.out(`${tmpl.execute(versionInfo(server, api))}\n`);
  } catch (err) {
    if (!(err instanceof TemplateError)) throw err;
    // version.go writes the newline after the template whether or not it failed.
    ctx.out(`${err.partialOutput}\n`);
    throw new CliError(err.message, 1);
  }
  return 0;
}

/** Runs `docker version`. */
export async function version(ctx: CommandContext): Promise<number> {
  const format = ctx.flags.get<string>('format');
  const c = CLIENT_VERSION;
  // The client's API version is the one negotiated with the daemon (client.NegotiateAPIVersion).
  const api = lowerApiVersion((await ctx.engine.ping()).apiVersion || c.api, c.api);
  if (format !== '') return formatted(ctx, format, withBuildTime(await ctx.engine.version()), api);
  let out = 'Client: Docker Engine - Community\n';
  out += row(' ', 'Version', c.version);
  out += row(' ', 'API version', api === c.api ? api : `${api} (downgraded from ${c.api})`);
  out += row(' ', 'Go version', c.goVersion);
  out += row(' ', 'Git commit', c.gitCommit);
  out += row(' ', 'Built', ansic(c.buildTime));
  out += row(' ', 'OS/Arch', 'linux/amd64');
  out += row(' ', 'Context', 'default');
  const server = withBuildTime(await ctx.engine.version());
  // version.go's template: `Server:{{if .Platform.Name}} {{.Platform.Name}}{{end}}` (Debian's engine has none).
  out += `\nServer:${server.Platform.Name ? ` ${server.Platform.Name}` : ''}\n`;
  for (const comp of server.Components) {
    out += ` ${comp.Name}:\n`;
    if (comp.Name === 'Engine') {
      const d = comp.Details;
      out += row('  ', 'Version', comp.Version);
      out += row('  ', 'API version', `${d.ApiVersion} (minimum version ${d.MinAPIVersion})`);
      out += row('  ', 'Go version', d.GoVersion!);
      out += row('  ', 'Git commit', d.GitCommit!);
      out += row('  ', 'Built', d.BuildTime!);
      out += row('  ', 'OS/Arch', `${d.Os}/${d.Arch}`);
      out += row('  ', 'Experimental', d.Experimental!);
    } else {
      out += row('  ', 'Version', comp.Version);
      for (const key of Object.keys(comp.Details).sort()) out += row('  ', key, comp.Details[key]!);
    }
  }
  ctx.out(out);
  return 0;
}


/**
 * docker/cli version.go reformatDate: the Engine component's BuildTime, RFC
 * 3339 from the daemon, printed (and templated) in Go's ANSIC layout; a value
 * that does not parse stays as it is.
 */
function withBuildTime(server: VersionResponse): VersionResponse {
  const components = server.Components.map((comp) => {
    const t = comp.Details.BuildTime;
    if (comp.Name !== 'Engine' || t === undefined || !/^\d{4}-\d\d-\d\dT/.test(t) || Number.isNaN(Date.parse(t))) return comp;
    return { ...comp, Details: { ...comp.Details, BuildTime: ansic(t) } };
  });
  return { ...server, Components: components };
}
