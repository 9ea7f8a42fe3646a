/**
 * `docker build` / `docker image build` / `docker builder build`: which
 * builder runs (cli cmd/docker/builder.go: `DOCKER_BUILDKIT=0` selects the
 * legacy builder with its DEPRECATED banner, otherwise buildx), the context
 * packed from the learner's directory, and each builder's output: the
 * legacy daemon stream on stdout (`Sending build context…`, `Step i/N`,
 * `Successfully built`), BuildKit progress on stderr (plain when not on a
 * terminal, the TTY frame on one, nothing with `-q`). The progress mode comes
 * from BUILDKIT_PROGRESS (buildx honours it) or `--progress` when the flag
 * set offers it.
 */
import { BuildError, type BuildOptions, type SolveEvent } from '../../engine/builder/types.ts';
import { ReferenceError, parseNormalizedNamed } from '../../engine/reference.ts';
import { buildkitFailure } from '../build/errors.ts';
import { LEGACY_BUILDER_BANNER } from '../build/legacy-banner.ts';
import { PrepareError, prepareContext, type PreparedContext } from '../build/context-tar.ts';
import { PlainProgress } from '../build/plain-progress.ts';
import { TtyProgress } from '../build/tty-progress.ts';
import { CliError, type CommandContext } from '../context.ts';
import { humanSize } from '../../common/go-units.ts';
import { JsonMessageWriter } from '../jsonmessage.ts';

const BANNER = LEGACY_BUILDER_BANNER;

/** strconv.ParseBool as builder.go reads DOCKER_BUILDKIT. */
export function buildkitDisabled(v: string | undefined): boolean {
  return v !== undefined && ['0', 'f', 'F', 'false', 'FALSE', 'False'].includes(v);
}

function flag<T>(ctx: CommandContext, name: string, dflt: T): T {
  try {
    return ctx.flags.get<T>(name) ?? dflt;
  } catch {
    return dflt;
  }
}

/** `K=V` or `K` (taken from the environment) build args, as opts.ConvertKVStringsToMapWithNil. */
function keyValues(list: readonly string[], env: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const kv of list) {
    const eq = kv.indexOf('=');
    if (eq >= 0) out[kv.slice(0, eq)] = kv.slice(eq + 1);
    else if (env[kv] !== undefined) out[kv] = env[kv]!;
  }
  return out;
}

/**
 * `--network` of a build: the RUN steps' network. `default`, `host` (the
 * simulated lab's package repositories stay reachable) and `none`; other
 * modes name user networks the simulator has none of.
 */
function networkMode(mode: string, legacy: boolean): 'default' | 'host' | 'none' {
  if (mode === 'default' || mode === '' || mode === 'host' || mode === 'none' || (legacy && mode === 'bridge')) return mode === '' || mode === 'bridge' ? 'default' : mode;
  throw new CliError(`docker: --network=${mode} is not simulated in Layerlab: builds run with default, host or none.`, 125);
}

/** Runs `docker build`. */
export async function build(ctx: CommandContext): Promise<number> {
  const legacy = buildkitDisabled(ctx.io.env.DOCKER_BUILDKIT);
  if (legacy) ctx.err(BANNER);
  const quiet = flag(ctx, 'quiet', false);
  const tags = flag<string[]>(ctx, 'tag', []);
  for (const t of tags) {
    try {
      parseNormalizedNamed(t);
    } catch (err) {
      if (!(err instanceof ReferenceError)) throw err;
      // Recorded on CLI 28.2 + buildx: the legacy CLI rejects the flag value with its usage (exit 125);
      // buildx validates the tag itself, with the distribution library's shorter words.
      if (legacy) throw new CliError(`invalid argument "${t}" for "-t, --tag" flag: ${err.message}\n\nUsage:  docker build [OPTIONS] PATH | URL | -\n\nRun 'docker build --help' for more information`, 125);
      const why = err.message.startsWith('invalid reference format: ') ? err.message.slice('invalid reference format: '.length).replace(/ \([^)]*\)/, '') : err.message;
      throw new CliError(`ERROR: invalid tag "${t}": ${why}`);
    }
  }
  const progress = quiet ? 'quiet' : ctx.flags.changed('progress') ? ctx.flags.get<string>('progress') : ctx.io.env.BUILDKIT_PROGRESS || 'auto';
  const mode = progress === 'auto' ? (ctx.io.isTTY ? 'tty' : 'plain') : progress;
  const contextArg = ctx.args[0]!;
  let prepared: PreparedContext;
  try {
    if (contextArg === '-') {
      // `docker build - < archive.tar` sends the archive as the context; otherwise stdin is the Dockerfile.
      const stdin = ctx.io.stdin;
      const tar = stdin.length >= 512 && new TextDecoder().decode(stdin.slice(257, 262)) === 'ustar';
      prepared = tar ? { tar: stdin, dockerfile: flag<string>(ctx, 'file', '') || 'Dockerfile' } : { tar: new Uint8Array(1024), dockerfile: 'Dockerfile', dockerfileText: new TextDecoder().decode(stdin) };
    } else if (flag<string>(ctx, 'file', '') === '-') {
      // `-f -`: the Dockerfile comes from stdin, the context from the directory.
      prepared = { ...(await prepareContext(ctx.io.fs, contextArg, '', legacy, true)), dockerfile: 'Dockerfile', dockerfileText: new TextDecoder().decode(ctx.io.stdin) };
    } else prepared = await prepareContext(ctx.io.fs, contextArg, flag(ctx, 'file', ''), legacy);
  } catch (err) {
    if (err instanceof PrepareError) throw new CliError(legacy ? err.message : `ERROR: ${err.message}`);
    throw err;
  }
  const opts: BuildOptions = {
    version: legacy ? '1' : '2',
    dockerfile: prepared.dockerfile,
    ...(prepared.dockerfileText !== undefined ? { dockerfileText: prepared.dockerfileText } : {}),
    tags,
    noCache: flag(ctx, 'no-cache', false),
    pull: flag(ctx, 'pull', false),
    buildArgs: keyValues(flag<string[]>(ctx, 'build-arg', []), ctx.io.env),
    labels: keyValues(flag<string[]>(ctx, 'label', []), {}),
    target: flag(ctx, 'target', ''),
    rm: flag(ctx, 'rm', true),
    forceRm: flag(ctx, 'force-rm', false),
    quiet,
    network: networkMode(flag(ctx, 'network', 'default'), legacy),
  };
  let id: string;
  if (legacy) {
    if (!quiet) ctx.out(`Sending build context to Docker daemon ${humanSize(prepared.tar.length).padStart(8)}${ctx.io.isTTY ? '\r\n' : '\r\r\n'}`);
    const writer = new JsonMessageWriter((s) => ctx.out(s), { tty: ctx.io.isTTY });
    try {
      id = (await ctx.engine.imageBuild(prepared.tar, opts, { message: (m) => (quiet || m.aux !== undefined ? undefined : writer.message(m)) })).imageId;
    } catch (err) {
      if (!(err instanceof BuildError)) throw err;
      ctx.err(err.data.response ? `Error response from daemon: ${err.message}\n` : `${err.message}\n`);
      return err.data.exitCode ?? 1;
    }
  } else {
    const plain = mode === 'plain' ? new PlainProgress((s) => ctx.err(s)) : undefined;
    const tty = mode === 'tty' ? new TtyProgress((s) => ctx.err(s), ctx.engine.now()) : undefined;
    const on = (e: SolveEvent) => {
      plain?.event(e);
      tty?.event(e);
    };
    try {
      id = (await ctx.engine.imageBuild(prepared.tar, opts, { solve: on })).imageId;
    } catch (err) {
      if (!(err instanceof BuildError)) throw err;
      tty?.finish();
      ctx.err(buildkitFailure(err));
      return 1;
    }
    tty?.finish();
  }
  if (quiet) ctx.out(`${id}\n`);
  const iid = flag(ctx, 'iidfile', '');
  if (iid) await ctx.io.fs.writeFile(iid, id);
  return 0;
}
