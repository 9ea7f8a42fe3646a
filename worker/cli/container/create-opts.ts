/**
 * The create request of `docker run` / `docker create` from their flags, as
 * docker/cli cli/command/container/opts.go parse() builds it: env files
 * before `-e` values (opts.ReadKVEnvStrings), `-e NAME` taking the value
 * from the client's environment, `--entrypoint ""` resetting the image's
 * entrypoint, `-p` bindings also exposing their ports, and the attach
 * settings of -i/-t/-d. Bad values fail before anything is sent, with the
 * CLI's own words.
 */
import type { CreateRequest, PortBinding } from '../../engine-api/types.ts';
import { CliError, type CommandContext } from '../context.ts';
import { badFlag } from './errors.ts';
import { PortSpecError, parseExpose, parsePortSpec } from './ports.ts';
import { parseMount, parseRestart, volumeFlags } from './mount-opts.ts';

const WHITESPACE = ' \t';

/** opts.ParseEnvFile over the host filesystem. */
async function readEnvFile(ctx: CommandContext, path: string): Promise<string[]> {
  let text: string;
  try {
    text = new TextDecoder().decode(await ctx.io.fs.readFile(path));
  } catch {
    throw new Error(`open ${path}: no such file or directory`);
  }
  const out: string[] = [];
  for (const raw of text.replace(/^\uFEFF/, '').split('\n')) {
    const line = raw.replace(/^[ \t]+/, '').replace(/\r$/, '');
    if (line.length === 0 || line.startsWith('#')) continue;
    const eq = line.indexOf('=');
    const variable = (eq < 0 ? line : line.slice(0, eq)).replace(/^[ \t]+/, '');
    if ([...WHITESPACE].some((w) => variable.includes(w))) throw new Error(`poorly formatted environment: variable '${variable}' contains whitespaces`);
    if (variable.length === 0) throw new Error(`poorly formatted environment: no variable name on line '${line}'`);
    if (eq >= 0) out.push(`${variable}=${line.slice(eq + 1)}`);
    else if (ctx.io.env[variable] !== undefined) out.push(`${variable}=${ctx.io.env[variable]}`);
  }
  return out;
}

/**
 * `--network` (or its hidden alias `--net`): the default bridge, `none`, or a
 * network the learner created. Sharing the host's or another container's
 * network stack is not simulated, and says so.
 */
function networkModeOf(ctx: CommandContext, verb: string): string {
  const values = [...ctx.flags.get<string[]>('network'), ...ctx.flags.get<string[]>('net')].filter((v) => v !== '');
  const mode = values[values.length - 1] ?? '';
  if (values.length > 1 && values.some((v) => v !== mode)) {
    throw new CliError(`docker: more than one --network is not simulated in Layerlab yet: connect further networks with 'docker network connect'.\n\nRun 'docker ${verb} --help' for more information`, 125);
  }
  if (mode === 'host' || mode.startsWith('container:')) {
    throw new CliError(`docker: --network ${mode} is not simulated in Layerlab yet: containers join the default bridge, none, or a network made with 'docker network create'.\n\nRun 'docker ${verb} --help' for more information`, 125);
  }
  return mode;
}

/** The create request and the run options of a `docker run`/`create` command line. */
export async function createRequest(ctx: CommandContext, detach: boolean): Promise<CreateRequest> {
  const verb = ctx.command.path.split(' ').pop()!;
  const flags = ctx.flags;
  const env: string[] = [];
  try {
    for (const file of flags.get<string[]>('env-file')) env.push(...(await readEnvFile(ctx, file)));
  } catch (err) {
    throw new CliError(`docker: ${(err as Error).message}\n\nRun 'docker ${verb} --help' for more information`, 125);
  }
  for (const v of flags.get<string[]>('env')) {
    const eq = v.indexOf('=');
    const k = eq < 0 ? v : v.slice(0, eq);
    if (k === '') throw badFlag(ctx, '-e, --env', v, `invalid environment variable: ${v}`);
    if (eq < 0 && ctx.io.env[k] !== undefined) env.push(`${k}=${ctx.io.env[k]}`);
    else env.push(v);
  }
  const labels: Record<string, string> = {};
  for (const l of flags.get<string[]>('label')) {
    const eq = l.indexOf('=');
    labels[eq < 0 ? l : l.slice(0, eq)] = eq < 0 ? '' : l.slice(eq + 1);
  }
  const exposed: Record<string, Record<string, never>> = {};
  const bindings: Record<string, PortBinding[]> = {};
  try {
    for (const p of flags.get<string[]>('publish')) {
      for (const { port, binding } of parsePortSpec(p)) {
        exposed[port] = {};
        (bindings[port] ??= []).push(binding);
      }
    }
    for (const e of flags.get<string[]>('expose')) for (const port of parseExpose(e)) exposed[port] = {};
  } catch (err) {
    if (err instanceof PortSpecError) throw new CliError(`docker: ${err.message}\n\nRun 'docker ${verb} --help' for more information`, 125);
    throw err;
  }
  const { binds, volumes } = volumeFlags(flags.get<string[]>('volume'), (p) => ctx.io.fs.resolve(p));
  const mounts = flags.get<string[]>('mount').map((m) => parseMount(ctx, m));
  const cliError = (why: string) => new CliError(`docker: ${why}\n\nRun 'docker ${verb} --help' for more information`, 125);
  let restart;
  try {
    restart = parseRestart(flags.get<string>('restart'));
  } catch (err) {
    throw cliError((err as Error).message);
  }
  const autoRemove = flags.get<boolean>('rm');
  if (autoRemove && restart.Name !== 'no') throw cliError('conflicting options: cannot specify both --restart and --rm');
  const args = ctx.args.slice(1);
  const entry = flags.get<string>('entrypoint');
  const stdin = flags.get<boolean>('interactive');
  const attach = flags.get<string[]>('attach');
  const req: CreateRequest = {
    config: {
      Image: ctx.args[0]!,
      Hostname: flags.get<string>('hostname'),
      User: flags.get<string>('user'),
      AttachStdin: !detach && (stdin || attach.includes('stdin')),
      AttachStdout: !detach && (attach.length === 0 || attach.includes('stdout')),
      AttachStderr: !detach && (attach.length === 0 || attach.includes('stderr')),
      Tty: flags.get<boolean>('tty'),
      OpenStdin: stdin,
      StdinOnce: !detach && stdin,
      Env: env,
      Cmd: args.length > 0 ? args : null,
      WorkingDir: flags.get<string>('workdir'),
      Entrypoint: entry !== '' ? [entry] : flags.changed('entrypoint') ? [''] : null,
      Labels: labels,
      ExposedPorts: exposed,
      ...(Object.keys(volumes).length > 0 ? { Volumes: volumes } : {}),
    },
    hostConfig: {
      AutoRemove: autoRemove,
      PortBindings: bindings,
      Binds: binds,
      Mounts: mounts,
      ReadonlyRootfs: flags.get<boolean>('read-only'),
      Privileged: flags.get<boolean>('privileged'),
      Tmpfs: Object.fromEntries(flags.get<string[]>('tmpfs').map((t) => (t.includes(':') ? [t.slice(0, t.indexOf(':')), t.slice(t.indexOf(':') + 1)] : [t, '']))),
      RestartPolicy: restart,
    },
  };
  const network = networkModeOf(ctx, verb);
  if (network !== '') req.hostConfig!.NetworkMode = network;
  const aliases = [...flags.get<string[]>('network-alias'), ...flags.get<string[]>('net-alias')];
  if (aliases.length > 0) req.aliases = aliases;
  const name = flags.get<string>('name');
  if (name !== '') req.name = name;
  const platform = flags.get<string>('platform');
  if (platform !== '') req.platform = platform;
  const stopSignal = flags.get<string>('stop-signal');
  if (stopSignal !== '') req.config.StopSignal = stopSignal;
  // docker/cli sets StopTimeout only when the flag is given.
  if (flags.changed('stop-timeout')) req.config.StopTimeout = flags.get<number>('stop-timeout');
  return req;
}
