/**
 * `docker version` (docker/cli cli/command/system/version.go): the client
 * block and the server's components, laid out by its tabwriter (min width 20,
 * padding 1), build times in Go's ANSIC layout (`Wed Oct  8 12:18:25 2025`).
 */
import type { CommandContext } from '../context.ts';
import { CLIENT_VERSION } from '../client-version.ts';

const row = (indent: string, key: string, value: string) => `${`${indent}${key}:`.padEnd(19)} ${value}\n`;

/** Go's time.ANSIC layout of an RFC 3339 time, in UTC. */
export function ansic(rfc3339: string): string {
  const d = new Date(rfc3339);
  const days = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const hms = [d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds()].map((n) => String(n).padStart(2, '0')).join(':');
  return `${days[d.getUTCDay()]} ${months[d.getUTCMonth()]} ${String(d.getUTCDate()).padStart(2, ' ')} ${hms} ${d.getUTCFullYear()}`;
}

/** Runs `docker version`. */
export async function version(ctx: CommandContext): Promise<number> {
  const c = CLIENT_VERSION;
  let out = 'Client: Docker Engine - Community\n';
  out += row(' ', 'Version', c.version);
  out += row(' ', 'API version', c.api);
  out += row(' ', 'Go version', c.goVersion);
  out += row(' ', 'Git commit', c.gitCommit);
  out += row(' ', 'Built', ansic(c.buildTime));
  out += row(' ', 'OS/Arch', 'linux/amd64');
  out += row(' ', 'Context', 'default');
  const server = await ctx.engine.version();
  out += `\nServer: ${server.Platform.Name}\n`;
  for (const comp of server.Components) {
    out += ` ${comp.Name}:\n`;
    if (comp.Name === 'Engine') {
      const d = comp.Details;
      out += row('  ', 'Version', comp.Version);
      out += row('  ', 'API version', `${d.ApiVersion} (minimum version ${d.MinAPIVersion})`);
      out += row('  ', 'Go version', d.GoVersion!);
      out += row('  ', 'Git commit', d.GitCommit!);
      out += row('  ', 'Built', ansic(d.BuildTime!));
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

