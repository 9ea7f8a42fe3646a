/**
 * `POST /build`: a Dockerfile and a context tar into an image, by either of
 * Docker 28's builders. The work is computed first — every layer of every
 * step, over the stage's own filesystem, programs run through the container
 * programs' runner — and then committed in one engine transaction (design:
 * never hold the store across long work). The legacy builder commits its
 * intermediate images and, on a failed RUN, leaves that step's container, as
 * moby does; BuildKit commits only the final image (and keeps its own cache
 * of step results in memory, as its cache lives outside the image store).
 */
import type { Engine } from '../engine.ts';
import type { ContainerService } from '../containers/service.ts';
import { BuildContext } from './context.ts';
import { DockerfileSyntaxError, parseDockerfile } from './dockerfile/parser.ts';
import { InstructionError, LocatedError, parseStages, type Stage } from './dockerfile/instructions.ts';
import { processWord } from './dockerfile/lex.ts';
import { BuildError, type BuildOptions, type BuildResult, type BuildSink } from './types.ts';
import { Progress, streamMessage } from './progress.ts';
import { LegacyRun } from './legacy-run.ts';
import { BuildkitRun } from './buildkit-run.ts';
import { lastBuildOf, recordLastBuild } from './last-build.ts';

/** What a build needs from the engine. */
export interface BuilderDeps {
  engine: Engine;
  containers: ContainerService;
}

/** The parsed build: stages, meta args and the Dockerfile as the error excerpts show it. */
export interface Plan {
  stages: Stage[];
  /** Global scope: meta ARGs with --build-arg overrides. */
  metaArgs: Map<string, string>;
  buildArgs: Map<string, string>;
  /** Index of the last stage to build. */
  target: number;
  escape: string;
  dockerfile: { name: string; text: string };
  /** Total legacy steps (instructions incl. FROM and global ARGs, up to the target stage). */
  totalInstructions: number;
}

/**
 * Runs a build; resolves with the image ID and each step's cache outcome.
 * Throws BuildError. The builders record a build they commit as the last
 * build (last-build.ts); a build that fails before committing anything
 * (a missing Dockerfile, a parse error, a BuildKit step) is recorded here as
 * a failed last build, so "the last build" is always the last one the
 * learner ran.
 */
export async function build(deps: BuilderDeps, tar: Uint8Array, opts: BuildOptions, sink: BuildSink): Promise<BuildResult> {
  const legacy = opts.version === '1';
  const before = lastBuildOf(deps.engine.state);
  try {
    return await runBuild(deps, tar, opts, sink, legacy);
  } catch (err) {
    if (lastBuildOf(deps.engine.state) === before) {
      await deps.engine.transact((draft) => recordLastBuild(draft, { builder: legacy ? 'legacy' : 'buildkit', imageId: '', ok: false, at: deps.engine.now(), steps: [] }, []));
    }
    throw err;
  }
}

async function runBuild(deps: BuilderDeps, tar: Uint8Array, opts: BuildOptions, sink: BuildSink, legacy: boolean): Promise<BuildResult> {
  const ctx = new BuildContext(tar);
  const name = opts.dockerfile ?? 'Dockerfile';
  const text = opts.dockerfileText ?? ctx.text(name);
  const progress = new Progress(sink, () => deps.engine.now());
  if (!legacy) {
    const v = progress.start(`[internal] load build definition from ${name.split('/').pop()}`);
    progress.status(v, 'transferring dockerfile:', { bytes: transferSize(text, name.split('/').pop() ?? '') });
    progress.end(v);
  }
  if (text === undefined) {
    throw new BuildError(legacy ? `Cannot locate specified Dockerfile: ${name}` : `failed to read dockerfile: open ${name}: no such file or directory`, { response: legacy });
  }
  if (text.length === 0) throw new BuildError(legacy ? `the Dockerfile (${name}) cannot be empty` : 'the Dockerfile cannot be empty', { response: legacy });
  // moby's legacy builder adds `--label`s as a last LABEL instruction (builder.go addNodesForLabelOption).
  const labels = Object.entries(opts.labels ?? {}).sort(([a], [b]) => (a < b ? -1 : 1));
  const withLabels = legacy && labels.length > 0 ? `${text.replace(/\n?$/, '\n')}LABEL ${labels.map(([k, v]) => `"${k}"="${v}"`).join(' ')}\n` : text;
  const plan = makePlan(withLabels, name, opts, legacy);
  const run = legacy ? new LegacyRun(deps, ctx, plan, opts, sink) : new BuildkitRun(deps, ctx, plan, opts, progress);
  return run.run();
}

/**
 * Bytes fsutil sends for one file (what `transferring dockerfile:` and
 * `transferring context:` count): its stat record (27 bytes + the name) and
 * its data packet. The file's size is a protobuf varint twice over (the
 * stat's size field and the data packet's length), so each 7 bits beyond the
 * first adds a byte to both; an empty file has no size field and no data packet.
 */
export function fsutilFileBytes(size: number, name: string): number {
  if (size === 0) return 21 + name.length;
  let extra = 0;
  for (let v = size >>> 7; v > 0; v >>>= 7) extra += 2;
  return size + 27 + extra + name.length;
}

/** `transferring dockerfile:`: the Dockerfile's fsutil bytes; nothing sent counts 2. */
function transferSize(text: string | undefined, name: string): number {
  if (text === undefined) return 2;
  return fsutilFileBytes(new TextEncoder().encode(text).length, name);
}

/** Parses the Dockerfile into a plan, with both builders' error wording. */
function makePlan(text: string, name: string, opts: BuildOptions, legacy: boolean): Plan {
  const dockerfile = { name, text };
  let parsed;
  try {
    parsed = parseDockerfile(text);
  } catch (err) {
    if (!(err instanceof DockerfileSyntaxError)) throw err;
    const lines: [number, number] | undefined = err.startLine > 0 ? [err.startLine, Math.max(err.startLine, err.endLine)] : undefined;
    throw new BuildError(legacy ? `failed to parse Dockerfile: ${err.message}` : err.message, { response: legacy, ...(lines ? { lines } : {}), dockerfile });
  }
  let stages: Stage[];
  let metaArgNodes;
  try {
    ({ stages, metaArgs: metaArgNodes } = parseStages(parsed.nodes));
  } catch (err) {
    if (err instanceof InstructionError || err instanceof LocatedError) {
      throw new BuildError(err.message, { response: legacy, lines: [err.node.startLine, err.node.endLine], dockerfile });
    }
    throw err;
  }
  if (stages.length === 0) throw new BuildError('no build stage in current context', { response: legacy, dockerfile });
  const buildArgs = new Map(Object.entries(opts.buildArgs ?? {}));
  // BuildKit predefines the platform ARGs in the global scope (usable in FROM, and in a stage once declared).
  const metaArgs = new Map<string, string>(
    legacy ? [] : [['BUILDPLATFORM', 'linux/amd64'], ['BUILDOS', 'linux'], ['BUILDARCH', 'amd64'], ['BUILDVARIANT', ''], ['TARGETPLATFORM', 'linux/amd64'], ['TARGETOS', 'linux'], ['TARGETARCH', 'amd64'], ['TARGETVARIANT', '']],
  );
  for (const a of metaArgNodes) {
    for (const d of a.args) {
      const v = buildArgs.get(d.key) ?? (d.value === undefined ? undefined : processWord(d.value, (k) => metaArgs.get(k), { escapeToken: parsed.escapeToken }));
      if (v !== undefined) metaArgs.set(d.key, v);
    }
  }
  let target = stages.length - 1;
  if (opts.target) {
    target = stages.findIndex((s) => s.name === opts.target!.toLowerCase());
    if (target < 0) throw new BuildError(`target stage "${opts.target}" could not be found`, { response: legacy, dockerfile });
  }
  // moby counts the steps it will dispatch: the global ARGs and the stages up to the target.
  const totalInstructions = metaArgNodes.length + stages.slice(0, target + 1).reduce((n, s) => n + 1 + s.commands.length, 0);
  return { stages, metaArgs, buildArgs, target, escape: parsed.escapeToken, dockerfile, totalInstructions };
}

/** The legacy stream's step header. */
export function stepLine(i: number, total: number, original: string): ReturnType<typeof streamMessage>[] {
  return [streamMessage(`Step ${i}/${total} : ${original.trim()}`), streamMessage('\n')];
}
