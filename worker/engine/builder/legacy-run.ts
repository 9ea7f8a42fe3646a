/**
 * The legacy builder (moby builder/dockerfile, `DOCKER_BUILDKIT=0`): every
 * stage up to the target, every instruction a `Step i/N`, every step a
 * container (` ---> Running in`, then ` ---> Removed intermediate
 * container`; COPY/ADD's container is silent) committed into an
 * intermediate image with a Parent link, ` ---> Using cache` when a child
 * of the current image was built by the same step. Output is the daemon's
 * JSON message stream.
 */
import type { JsonMessage } from '../api-types.ts';
import { randomId } from '../containers/names.ts';
import { createContainer } from '../containers/create.ts';
import type { Container } from '../containers/record.ts';
import { EMPTY_TAR_DIGEST } from '../containers/commit.ts';
import { chainIds } from '../images/chain.ts';
import { referenceString, withDefaultTag, parseNormalizedNamed } from '../reference.ts';
import type { ImageRecord, LayerRecord } from '../state.ts';
import { tarBytes } from '../layer/tar-write.ts';
import { digestOf } from '../digest.ts';
import { ENGINE_VERSION } from '../version.ts';
import { localBase, parseBaseRef, pullBase, scratchBase } from './base.ts';
import type { BuilderDeps, Plan } from './build.ts';
import { stepLine } from './build.ts';
import type { BuildContext } from './context.ts';
import { DEFAULT_SHELL, applyMeta } from './dispatch.ts';
import type { Instruction } from './dockerfile/instructions.ts';
import { processWord } from './dockerfile/lex.ts';
import { allImages, childImage, configId, findCached, stepContainerConfig } from './legacy-image.ts';
import { streamMessage } from './progress.ts';
import { takeTriggers } from './onbuild.ts';
import { StageState, stageDeps, type LayerInfo } from './stage.ts';
import { recordLastBuild } from './last-build.ts';
import { MissingSourceError, copyStep, layerInfo, runCommand, runStep } from './steps.ts';
import { PREDEFINED_ARGS } from './words.ts';
import { BuildError, type BuildOptions, type BuildResult, type BuildSink, type StepRecord } from './types.ts';

/** A step's container the build leaves behind. */
interface StepContainer {
  id: string;
  imageId: string;
  argv: string[];
  code: number;
  layer: LayerInfo | undefined;
}

const short = (id: string) => id.replace(/^sha256:/, '').slice(0, 12);
const rfc3339 = (ms: number) => new Date(ms).toISOString().replace(/\.?0*Z$/, 'Z');

/** One legacy build. */
export class LegacyRun {
  readonly #pending = new Map<string, ImageRecord>();
  readonly #blobs = new Map<string, Uint8Array>();
  readonly #layers = new Map<string, LayerRecord>();
  readonly #steps: StepRecord[] = [];
  readonly #stages: StageState[] = [];
  #failed: StepContainer | undefined;
  /** Step containers kept by `--rm=false` (moby removes them only with rm, or always with force-rm). */
  readonly #kept: StepContainer[] = [];

  constructor(readonly deps: BuilderDeps, readonly ctx: BuildContext, readonly plan: Plan, readonly opts: BuildOptions, readonly sink: BuildSink) {}

  #emit(m: JsonMessage): void {
    this.sink.message?.(m);
  }

  #say(text: string): void {
    this.#emit(streamMessage(text));
  }

  #now(): number {
    return this.deps.engine.now();
  }

  /** Runs every stage up to the target, then commits what was built. */
  async run(): Promise<BuildResult> {
    let n = 0;
    const total = this.plan.totalInstructions;
    try {
      for (const a of this.plan.stages.length ? this.#metaArgNodes() : []) for (const m of stepLine(++n, total, a)) this.#emit(m);
      for (let si = 0; si <= this.plan.target; si++) {
        const stage = this.plan.stages[si]!;
        for (const m of stepLine(++n, total, stage.node.original)) this.#emit(m);
        const st = await this.#from(si);
        st.meta = this.plan.metaArgs;
        this.#stages.push(st);
        const triggers = takeTriggers(st);
        if (triggers.length > 0) this.#say(`# Executing ${triggers.length} build trigger${triggers.length > 1 ? 's' : ''}\n`);
        for (const t of triggers) await this.#step(st, t);
        this.#say(` ---> ${short(st.imageId)}\n`);
        for (const ins of stage.commands) {
          for (const m of stepLine(++n, total, ins.node.original)) this.#emit(m);
          await this.#step(st, ins);
          this.#say(` ---> ${short(st.imageId)}\n`);
        }
      }
    } catch (err) {
      await this.#commit(undefined);
      throw err;
    }
    const final = this.#stages[this.#stages.length - 1]!;
    await this.#commit(final.imageId);
    this.#emit({ aux: { ID: final.imageId } });
    const unused = this.#unusedBuildArgs();
    if (unused.length > 0) this.#say(`[Warning] One or more build-args [${unused.join(' ')}] were not consumed\n`);
    this.#say(`Successfully built ${short(final.imageId)}\n`);
    for (const t of this.opts.tags ?? []) this.#say(`Successfully tagged ${t}\n`);
    return { imageId: final.imageId, steps: this.#steps };
  }

  /**
   * moby's BuildArgs.WarnOnUnusedBuildArgs: `--build-arg`s no ARG of a
   * dispatched stage (or a global ARG) declared, other than the predefined
   * proxy args, sorted.
   */
  #unusedBuildArgs(): string[] {
    const declared = new Set(this.plan.metaArgs.keys());
    for (const st of this.#stages) for (const k of st.args.keys()) declared.add(k);
    return [...this.plan.buildArgs.keys()].filter((k) => !declared.has(k) && !PREDEFINED_ARGS.has(k)).sort();
  }

  #metaArgNodes(): string[] {
    const first = this.plan.stages[0]!.node.startLine;
    return this.plan.dockerfile.text
      .split('\n')
      .map((l, i) => ({ l, i: i + 1 }))
      .filter(({ l, i }) => i < first && /^\s*ARG\s/i.test(l))
      .map(({ l }) => l);
  }

  async #from(si: number): Promise<StageState> {
    const stage = this.plan.stages[si]!;
    const name = processWord(stage.baseName, (k) => this.plan.metaArgs.get(k), { escapeToken: this.plan.escape });
    const deps = stageDeps(this.deps.engine, this.deps.containers.loader);
    const prior = this.#stages.findIndex((s, i) => this.plan.stages[i]!.name === name.toLowerCase());
    if (prior >= 0) {
      const p = this.#stages[prior]!;
      return new StageState(si, stage.name, { id: p.imageId, config: structuredClone(p.image), layers: p.layers, local: true, ref: name, tree: async () => (await p.fs()).tree }, deps);
    }
    if (name.toLowerCase() === 'scratch') return new StageState(si, stage.name, scratchBase(), deps);
    let ref;
    try {
      ref = parseBaseRef(name);
    } catch {
      // moby's dispatchFrom: the expanded name fails reference.ParseNormalizedNamed.
      throw new BuildError('invalid reference format');
    }
    let base = this.opts.pull ? undefined : localBase(this.deps.engine, name);
    if (!base) {
      try {
        base = await pullBase(this.deps.engine, ref, name, (m) => this.#emit(m));
      } catch (err) {
        throw new BuildError((err as Error).message);
      }
    }
    return new StageState(si, stage.name, base, deps);
  }

  /** One instruction: cache probe, then its container and commit. */
  async #step(st: StageState, ins: Instruction): Promise<void> {
    const engine = this.deps.engine;
    const shell = st.config.Shell ?? DEFAULT_SHELL;
    let cmd: string[];
    let work: () => Promise<LayerInfo | undefined>;
    let silent = false;
    const vars = st.scope(this.plan.buildArgs);
    if (ins.kind === 'run') {
      const rc = runCommand(st, ins, this.plan.buildArgs, this.plan.escape);
      cmd = rc.args.length > 0 ? [`|${rc.args.length}`, ...rc.args.map(([k, v]) => `${k}=${v}`), ...rc.argv] : rc.argv;
      work = async () => {
        const cid = this.#containerId;
        const runner = await this.deps.containers.runner();
        const out = await runStep(st, rc, runner, { now: () => this.#now(), random: engine.random, hostname: cid.slice(0, 12), noNetwork: this.opts.network === 'none', out: (t) => this.#say(t) });
        const layer = out.layer.length > 0 ? layerInfo(out.layer) : undefined;
        if (out.exitCode !== 0) {
          this.#failed = { id: cid, imageId: st.imageId, argv: rc.argv, code: out.exitCode, layer };
          if (out.execError) throw new BuildError(`failed to create task for container: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: error during container init: ${out.execError}: unknown`, { exitCode: 127 });
          throw new BuildError(`The command '${rc.argv.join(' ')}' returned a non-zero code: ${out.exitCode}`, { exitCode: out.exitCode });
        }
        return layer;
      };
    } else if (ins.kind === 'copy' || ins.kind === 'add') {
      // moby dispatchCopy/dispatchAdd refuse what only BuildKit implements.
      if (ins.flags.chmod) throw new BuildError('the --chmod option requires BuildKit. Refer to https://docs.docker.com/go/buildkit/ to learn how to build images with BuildKit enabled');
      let res;
      try {
        res = await copyStep(st, ins, vars, this.plan.escape, this.ctx.tree, (from) => this.#fromTree(from), () => this.#now());
      } catch (err) {
        if (err instanceof MissingSourceError) {
          throw new BuildError(`${ins.kind.toUpperCase()} failed: file not found in build context or excluded by .dockerignore: stat ${err.source}: file does not exist`);
        }
        throw new BuildError(`${ins.kind.toUpperCase()} failed: ${(err as Error).message}`);
      }
      const chown = ins.flags.chown ? `--chown=${ins.flags.chown} ` : '';
      cmd = [...shell, `#(nop) ${ins.kind.toUpperCase()} ${chown}${res.label} in ${processWord(ins.dest, (k) => vars.get(k), { escapeToken: this.plan.escape })} `];
      silent = true;
      work = async () => layerInfo(res.layer);
    } else {
      let meta;
      try {
        meta = applyMeta(st, ins, vars, this.plan.escape);
      } catch (err) {
        // moby dispatches the instruction here: its error ends the stream (`Invalid proto: xyz`).
        throw new BuildError((err as Error).message);
      }
      // The commit message is built from the run config after the instruction applied: SHELL's own step names the new shell.
      const now = st.config.Shell ?? DEFAULT_SHELL;
      cmd = meta.legacy.startsWith(' ') ? [...now, '#(nop) ', meta.legacy.slice(1)] : [...now, `#(nop) ${meta.legacy}`];
      work = async () => {
        if (!meta.mkdir) return undefined;
        const fs = await st.fs();
        const layer = await fs.mkdir(meta.mkdir, () => this.#now());
        return layer.length > 0 ? layerInfo(layer) : undefined;
      };
    }
    const probe = stepContainerConfig(st.config, cmd, st.imageId, '');
    const hit = this.opts.noCache ? undefined : findCached(allImages(engine.state, this.#pending), st.imageId, probe);
    const instruction = ins.node.original.trim();
    if (hit) {
      this.#say(' ---> Using cache\n');
      const before = st.image.rootfs.diff_ids.length;
      st.image = structuredClone(hit.config);
      st.imageId = hit.id;
      if (hit.config.rootfs.diff_ids.length > before) {
        const chain = chainIds(hit.config.rootfs.diff_ids);
        const c = chain[chain.length - 1]!;
        const rec = engine.state.layers.get(c) ?? this.#layers.get(c)!;
        const layer: LayerInfo = { diffId: rec.diffId, size: rec.size, tarSize: rec.tarSize, source: rec.source, ...(this.#blobs.has(rec.diffId) ? { tar: this.#blobs.get(rec.diffId)! } : {}) };
        st.layers = [...st.layers, layer];
        await st.follow(layer);
      }
      this.#steps.push({ stage: st.index, stageName: st.name, instruction, cached: true, diffId: hit.config.rootfs.diff_ids.length > before ? hit.config.rootfs.diff_ids[hit.config.rootfs.diff_ids.length - 1]! : '', imageId: hit.id });
      return;
    }
    this.#containerId = randomId(engine.random);
    const cid = this.#containerId;
    if (!silent) this.#say(` ---> Running in ${cid.slice(0, 12)}\n`);
    const layer = await work();
    const real = layer && layer.diffId !== EMPTY_TAR_DIGEST ? layer : undefined;
    const created = rfc3339(this.#now());
    const parent = st.imageId;
    const config = childImage(st.image, st.config, stepContainerConfig(st.config, cmd, parent, cid.slice(0, 12)), cid, created, cmd.join(' '), real?.diffId, parent);
    const { id, bytes } = configId(config);
    if (real) {
      const fs = await st.fs();
      st.layers = [...st.layers, real];
      fs.apply(real.entries!);
      const chain = chainIds(config.rootfs.diff_ids);
      const c = chain[chain.length - 1]!;
      this.#layers.set(c, { chainId: c, diffId: real.diffId, size: real.size, tarSize: real.tarSize, source: { kind: 'blob' } });
      this.#blobs.set(real.diffId, real.tar!);
    }
    st.image = config;
    st.imageId = id;
    this.#pending.set(id, { id, config, parent, lastTagTime: null, dockerVersion: ENGINE_VERSION.version });
    this.#blobs.set(id, bytes);
    const keep = this.opts.rm === false && !this.opts.forceRm;
    if (keep) this.#kept.push({ id: cid, imageId: parent, argv: cmd, code: 0, layer: real });
    else if (!silent) this.#say(` ---> Removed intermediate container ${cid.slice(0, 12)}\n`);
    this.#steps.push({ stage: st.index, stageName: st.name, instruction, cached: false, diffId: real?.diffId ?? '', imageId: id });
  }

  #containerId = '';

  async #fromTree(from: string) {
    const i = this.plan.stages.findIndex((s) => s.name === from.toLowerCase() || String(this.plan.stages.indexOf(s)) === from);
    if (i >= 0 && this.#stages[i]) return (await this.#stages[i]!.fs()).tree;
    const base = localBase(this.deps.engine, from) ?? (await pullBase(this.deps.engine, parseBaseRef(from), from, () => undefined));
    return this.deps.containers.loader.imageTree(this.deps.engine.state, base.id);
  }

  /** Commits intermediate images, layers, tags and (after a failed RUN) its container, in one transaction. */
  async #commit(finalId: string | undefined): Promise<void> {
    const now = this.#now();
    await this.deps.engine.transact((draft) => {
      for (const [c, l] of this.#layers) if (!draft.layers.has(c)) draft.layers.set(c, l);
      for (const [id, img] of this.#pending) if (!draft.images.has(id)) draft.images.set(id, img);
      for (const [d, b] of this.#blobs) draft.newBlobs.set(d, b);
      const tags = finalId ? (this.opts.tags ?? []).map((t) => referenceString(withDefaultTag(parseNormalizedNamed(t)))) : [];
      recordLastBuild(draft, { builder: 'legacy', imageId: finalId ?? '', ok: finalId !== undefined, at: now, steps: this.#steps }, tags);
      if (finalId) {
        const iso = new Date(now).toISOString();
        for (const t of tags) draft.refs.set(t, finalId);
        if ((this.opts.tags ?? []).length > 0) draft.images.set(finalId, { ...draft.images.get(finalId)!, lastTagTime: iso });
      }
      // A failed step's container stays unless --force-rm.
      for (const failed of [...this.#kept, ...(this.#failed && !this.opts.forceRm ? [this.#failed] : [])]) {
        const rec = createContainer(draft, { config: { Image: failed.imageId, Cmd: failed.argv, Entrypoint: [''] } }, now, this.deps.engine.random);
        draft.containers.delete(rec.id);
        const c: Container = { ...rec, id: failed.id, config: { ...rec.config, Hostname: failed.id.slice(0, 12) }, status: 'exited', exitCode: failed.code, startedAt: now, finishedAt: now };
        if (failed.layer) {
          const tar = failed.layer.tar ?? tarBytes(failed.layer.entries ?? []);
          const digest = digestOf(tar);
          draft.newBlobs.set(digest, tar);
          c.rwLayer = digest;
          c.sizeRw = failed.layer.size;
        }
        draft.containers.set(c.id, c);
      }
    });
  }
}
