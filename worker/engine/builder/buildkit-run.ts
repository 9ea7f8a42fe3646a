/**
 * BuildKit (the default builder, dockerfile2llb + the docker exporter):
 * only the stages the target needs; the internal vertices (load build
 * definition, metadata, .dockerignore, build context), one vertex per
 * FROM/RUN/COPY/ADD/WORKDIR named `[stage i/n] …` with variables expanded,
 * `CACHED` when the step's cache key (parent key + instruction + content
 * checksum) was built before, and an OCI-style image: `# buildkit` history,
 * comment `buildkit.dockerfile.v0`, no intermediate images, no Parent.
 */
import type { Engine } from '../engine.ts';
import { sha256Hex } from '../digest.ts';
import type { ContainerDefaults, ImageConfig } from '../image-config.ts';
import { canonicalConfigBytes } from '../image-config.ts';
import { digestOf } from '../digest.ts';
import { chainIds } from '../images/chain.ts';
import { encodeUtf8 } from '../layer/utf8.ts';
import { parseNormalizedNamed, referenceString, withDefaultTag } from '../reference.ts';
import { localBase, parseBaseRef, remoteBase, scratchBase } from './base.ts';
import { fsutilFileBytes, type BuilderDeps, type Plan } from './build.ts';
import { selectSources, type BuildContext, type Source } from './context.ts';
import { applyMeta } from './dispatch.ts';
import type { Instruction, Stage } from './dockerfile/instructions.ts';
import { processWord } from './dockerfile/lex.ts';
import { checkExposePort, checkStopSignal } from './dockerfile/values.ts';
import type { Progress } from './progress.ts';
import { takeTriggers } from './onbuild.ts';
import { StageState, stageDeps, type BaseImage, type LayerInfo } from './stage.ts';
import { recordLastBuild } from './last-build.ts';
import { MissingSourceError, isHeredocSource, copyStep, layerInfo, runCommand, runStep } from './steps.ts';
import { BuildError, type BuildOptions, type BuildResult, type StepRecord } from './types.ts';
import { goQuote, stepPrefix } from './words.ts';

/** A cached step result: its layer and when it was first built. */
interface CacheRecord {
  layer: LayerInfo;
  created: string;
}

/** BuildKit's cache lives beside the image store (`docker builder prune` clears it), one per engine. */
const caches = new WeakMap<Engine, Map<string, CacheRecord>>();
/** Base images BuildKit has already unpacked into its snapshotter: their FROM shows CACHED, the first one DONE. */
const seenBases = new WeakMap<Engine, Set<string>>();

const COMMENT = 'buildkit.dockerfile.v0';
const OCI_KEYS = ['User', 'ExposedPorts', 'Env', 'Entrypoint', 'Cmd', 'Volumes', 'WorkingDir', 'Labels', 'StopSignal', 'ArgsEscaped', 'Healthcheck', 'OnBuild', 'Shell'] as const;
const rfc3339 = (ms: number) => new Date(ms).toISOString().replace(/\.?0*Z$/, 'Z');
const FS_STEPS = new Set(['run', 'copy', 'add', 'workdir']);

/** One BuildKit build. */
export class BuildkitRun {
  readonly #cache: Map<string, CacheRecord>;
  readonly #steps: StepRecord[] = [];
  readonly #stages = new Map<number, StageState>();
  readonly #bases = new Map<number, BaseImage>();
  readonly #start: number;
  #contextLoaded = false;
  #newLayers = false;

  constructor(readonly deps: BuilderDeps, readonly ctx: BuildContext, readonly plan: Plan, readonly opts: BuildOptions, readonly progress: Progress) {
    let c = caches.get(deps.engine);
    if (!c) caches.set(deps.engine, (c = new Map()));
    this.#cache = c;
    this.#start = deps.engine.now();
  }

  #now(): number {
    return this.deps.engine.now();
  }

  #baseName(stage: Stage): string {
    return processWord(stage.baseName, (k) => this.plan.metaArgs.get(k), { escapeToken: this.plan.escape });
  }

  #stageIndex(name: string, before: number): number {
    const lower = name.toLowerCase();
    for (let i = 0; i < before; i++) if (this.plan.stages[i]!.name === lower || String(i) === name) return i;
    return -1;
  }

  /** The stages the target depends on (FROM another stage, COPY --from), in Dockerfile order. */
  #needed(): number[] {
    const need = new Set<number>();
    const visit = (i: number) => {
      if (need.has(i)) return;
      need.add(i);
      const s = this.plan.stages[i]!;
      const dep = this.#stageIndex(this.#baseName(s), i);
      if (dep >= 0) visit(dep);
      for (const c of s.commands) if ((c.kind === 'copy' || c.kind === 'add') && c.flags.from) {
        const d = this.#stageIndex(c.flags.from, i);
        if (d >= 0) visit(d);
      }
    };
    visit(this.plan.target);
    return [...need].sort((a, b) => a - b);
  }

  /** Runs the build and exports the image. */
  async run(): Promise<BuildResult> {
    const needed = this.#needed();
    for (const i of needed) await this.#resolve(i);
    this.#validate(needed);
    const p = this.progress;
    const v = p.start('[internal] load .dockerignore');
    const ignore = this.ctx.text('.dockerignore');
    p.status(v, 'transferring context:', { bytes: ignore === undefined ? 2 : new TextEncoder().encode(ignore).length + 40 });
    p.end(v);
    this.#contextSources = this.#contextNeeded(needed);
    this.#neededStages = needed;
    return this.#export(await this.#ensure(this.plan.target));
  }

  /**
   * dockerfile2llb checks EXPOSE ports and STOPSIGNAL while it converts the
   * Dockerfile, after loading base metadata and before any step runs: the
   * error carries the instruction's excerpt and no `dockerfile parse error`
   * prefix. Values built from variables are checked when the step applies them.
   */
  #validate(needed: number[]): void {
    for (const i of needed) {
      for (const c of this.plan.stages[i]!.commands) {
        try {
          if (c.kind === 'expose') for (const p of c.ports) if (!p.includes('$')) checkExposePort(p);
          if (c.kind === 'stopsignal' && !c.value.includes('$')) checkStopSignal(c.value);
        } catch (err) {
          throw new BuildError((err as Error).message, { lines: [c.node.startLine, c.node.endLine], dockerfile: this.plan.dockerfile });
        }
      }
    }
  }

  /** `[internal] load metadata for …`: a local image, or the registry's. */
  async #resolve(i: number): Promise<void> {
    const stage = this.plan.stages[i]!;
    const name = this.#baseName(stage);
    if (this.#stageIndex(name, i) >= 0) return;
    if (name.toLowerCase() === 'scratch') {
      this.#bases.set(i, scratchBase());
      return;
    }
    let ref;
    try {
      ref = parseBaseRef(name);
    } catch (err) {
      throw new BuildError((err as Error).message, { lines: [stage.node.startLine, stage.node.endLine], dockerfile: this.plan.dockerfile });
    }
    const shown = referenceString(ref);
    const known = [...this.#bases.values()].find((b) => b.ref === shown);
    if (known) {
      this.#bases.set(i, known);
      return;
    }
    const v = this.progress.start(`[internal] load metadata for ${shown}`);
    let base = this.opts.pull ? undefined : localBase(this.deps.engine, name);
    if (!base) {
      try {
        base = remoteBase(this.deps.engine, ref).base;
      } catch (err) {
        const msg = (err as Error).message;
        this.progress.end(v, { error: msg });
        throw new BuildError(`${name}: failed to resolve source metadata for ${shown}: ${msg}`, { vertex: `[internal] load metadata for ${shown}`, logs: [], lines: [stage.node.startLine, stage.node.endLine], dockerfile: this.plan.dockerfile });
      }
    }
    this.progress.end(v);
    this.#bases.set(i, base);
  }

  #neededStages: number[] = [];
  readonly #building = new Map<number, Promise<StageState>>();
  /** Base refs whose FROM vertex this build has shown (identical sources are one vertex in LLB). */
  readonly #fromShown = new Set<string>();

  /**
   * A stage, built once. BuildKit solves from the target backwards, each
   * step after its inputs (the previous step, then a COPY --from source), so
   * a stage another depends on runs when that dependency is reached: the
   * order the vertices start in.
   */
  #ensure(i: number): Promise<StageState> {
    let p = this.#building.get(i);
    if (!p) this.#building.set(i, (p = this.#stage(i)));
    return p;
  }

  /**
   * `[name i/n] `: dockerfile2llb names steps by stage only when the
   * Dockerfile has more than one, an unnamed stage as `stage-<index>`.
   */
  #prefix(i: number, index: number, total: number): string {
    if (this.plan.stages.length === 1) return stepPrefix('', index, total);
    return stepPrefix(this.plan.stages[i]!.name || `stage-${i}`, index, total);
  }

  /** Total steps of a stage as its prefixes count them (FROM of an image, RUN/COPY/ADD/WORKDIR; not ONBUILD triggers). */
  #total(i: number): number {
    const stage = this.plan.stages[i]!;
    const name = this.#baseName(stage);
    const external = this.#stageIndex(name, i) < 0 && name.toLowerCase() !== 'scratch';
    return (external ? 1 : 0) + stage.commands.filter((c) => FS_STEPS.has(c.kind)).length;
  }

  async #stage(i: number): Promise<StageState> {
    const stage = this.plan.stages[i]!;
    const name = this.#baseName(stage);
    const dep = this.#stageIndex(name, i);
    const deps = stageDeps(this.deps.engine, this.deps.containers.loader);
    let st: StageState;
    const external = dep < 0 && name.toLowerCase() !== 'scratch';
    // BuildKit 0.13 numbers trigger steps but leaves them out of the total (`[3/2] RUN …` after one trigger).
    const total = this.#total(i);
    let index = 0;
    if (dep >= 0) {
      const p = await this.#ensure(dep);
      st = new StageState(i, stage.name, { id: '', config: structuredClone(p.image), layers: p.layers, local: false, ref: name, tree: async () => (await p.fs()).tree }, deps);
      st.cacheKey = p.cacheKey;
      st.lastCreated = p.lastCreated;
    } else {
      const base = this.#bases.get(i)!;
      st = new StageState(i, stage.name, base, deps);
      st.cacheKey = `base:${base.id || 'scratch'}`;
      if (external) {
        index++;
        const digest = base.local ? '' : `@${this.deps.engine.registry.resolve(`${parseBaseRef(name).domain}/${parseBaseRef(name).path}`, parseBaseRef(name).tag ?? parseBaseRef(name).digest ?? 'latest').manifestDigest}`;
        // The first needed stage (in Dockerfile order) with this base names the one shared vertex.
        const owner = this.#neededStages.find((k) => this.#bases.get(k)?.ref === base.ref && this.#stageIndex(this.#baseName(this.plan.stages[k]!), k) < 0) ?? i;
        const shown = this.#fromShown.has(base.ref);
        this.#fromShown.add(base.ref);
        const v = shown ? undefined : this.progress.start(`${this.#prefix(owner, 1, this.#total(owner))}FROM ${base.ref}${digest}`);
        let seen = seenBases.get(this.deps.engine);
        if (!seen) seenBases.set(this.deps.engine, (seen = new Set()));
        const cached = seen.has(base.id);
        seen.add(base.id);
        if (v === undefined) {
          // merged with an earlier stage's FROM
        } else if (base.local) this.progress.end(v, cached ? { cached: true } : {});
        else {
          this.progress.status(v, `resolve ${base.ref}${digest}`, { timed: true });
          for (const l of base.layers) this.progress.status(v, l.diffId, { bytes: l.tarSize, total: l.tarSize, timed: true });
          for (const l of base.layers) this.progress.status(v, `extracting ${l.diffId}`, { timed: true });
          this.progress.end(v);
        }
        this.#steps.push({ stage: i, stageName: stage.name, instruction: `FROM ${base.ref}`, cached, diffId: '' });
      }
    }
    st.meta = this.plan.metaArgs;
    this.#stages.set(i, st);
    if (this.#contextSources) this.#loadContext(this.#contextSources);
    // Each COPY/ADD heredoc is a file made on scratch, a source vertex like the context.
    for (const c of stage.commands) {
      if (c.kind !== 'copy' && c.kind !== 'add') continue;
      c.heredocs.forEach(() => this.progress.end(this.progress.start('[internal] preparing inline document')));
    }
    const triggers = takeTriggers(st);
    for (const t of triggers) {
      if (FS_STEPS.has(t.kind)) index++;
      await this.#step(st, t, this.#prefix(i, index, total));
    }
    for (const ins of stage.commands) {
      if (FS_STEPS.has(ins.kind)) index++;
      if ((ins.kind === 'copy' || ins.kind === 'add') && ins.flags.from) {
        const from = this.#stageIndex(ins.flags.from, i);
        if (from >= 0) await this.#ensure(from);
      }
      await this.#step(st, ins, this.#prefix(i, index, total));
    }
    return st;
  }

  #contextSources: Source[] | undefined;

  /**
   * The context files the needed stages COPY (dockerfile2llb's FollowPaths:
   * only those are transferred), or undefined when nothing is copied from the
   * context. Sources are expanded with the global ARGs only.
   */
  #contextNeeded(needed: number[]): Source[] | undefined {
    let any = false;
    const seen = new Map<string, Source>();
    for (const i of needed) {
      for (const c of this.plan.stages[i]!.commands) {
        if ((c.kind !== 'copy' && c.kind !== 'add') || c.flags.from) continue;
        const paths = c.sources.filter((raw) => !isHeredocSource(raw, c.heredocs));
        if (paths.length === 0) continue;
        any = true;
        for (const raw of paths) {
          const arg = processWord(raw, (k) => this.plan.metaArgs.get(k), { escapeToken: this.plan.escape });
          for (const src of selectSources(this.ctx.tree, arg) ?? []) seen.set(src.entry.path, src);
        }
      }
    }
    return any ? [...seen.values()] : undefined;
  }

  #loadContext(sent: Source[]): void {
    if (this.#contextLoaded) return;
    this.#contextLoaded = true;
    const v = this.progress.start('[internal] load build context');
    let bytes = 0;
    for (const s of sent) {
      const name = s.entry.path.split('/').pop()!;
      // Directories and empty files count as they did before (a stat record of 27 bytes plus the name).
      bytes += s.entry.type === 'file' && s.entry.size > 0 ? fsutilFileBytes(s.entry.size, name) : 27 + name.length;
    }
    this.progress.status(v, 'transferring context:', { bytes: bytes || 2 });
    this.progress.end(v);
  }

  async #step(st: StageState, ins: Instruction, prefix: string): Promise<void> {
    const vars = st.scope(this.plan.buildArgs);
    const instruction = ins.node.original.trim();
    if (!FS_STEPS.has(ins.kind)) {
      let meta;
      try {
        meta = applyMeta(st, ins, vars, this.plan.escape);
      } catch (err) {
        throw new BuildError((err as Error).message, { lines: [ins.node.startLine, ins.node.endLine], dockerfile: this.plan.dockerfile });
      }
      if (ins.kind === 'cmd' || ins.kind === 'entrypoint') st.config.ArgsEscaped = true;
      // dispatchOnbuild only records the trigger in the config: no history entry.
      if (ins.kind !== 'onbuild') st.push({ ...(st.lastCreated ? { created: st.lastCreated } : {}), created_by: meta.buildkit, comment: COMMENT });
      this.#steps.push({ stage: st.index, stageName: st.name, instruction, cached: false, diffId: '' });
      return;
    }
    let name: string;
    let key: string;
    let createdBy: string;
    let work: (v: number) => Promise<LayerInfo>;
    if (ins.kind === 'run') {
      const rc = runCommand(st, ins, this.plan.buildArgs, this.plan.escape);
      name = `RUN ${rc.display}`;
      createdBy = `RUN ${rc.argsPrefix}${rc.argv.join(' ')} # buildkit`;
      key = JSON.stringify([st.cacheKey, 'run', rc.argv, rc.args, st.config.Env ?? [], st.config.User ?? '', st.config.WorkingDir ?? '']);
      work = async (v) => {
        const runner = await this.deps.containers.runner();
        const out = await runStep(st, rc, runner, { now: () => this.#now(), random: this.deps.engine.random, hostname: 'buildkitsandbox', noNetwork: this.opts.network === 'none', out: (t) => this.progress.log(v, t) });
        if (out.exitCode !== 0) {
          const msg = out.execError
            ? `process ${goQuote(rc.argv.join(' '))} did not complete successfully: runc run failed: unable to start container process: error during container init: ${out.execError}`
            : `process ${goQuote(rc.argv.join(' '))} did not complete successfully: exit code: ${out.exitCode}`;
          this.progress.end(v, { error: msg });
          throw new BuildError(msg, { vertex: prefix + name, logs: this.progress.logs.get(v) ?? [], lines: [ins.node.startLine, ins.node.endLine], dockerfile: this.plan.dockerfile });
        }
        return layerInfo(out.layer);
      };
    } else if (ins.kind === 'workdir') {
      const meta = applyMeta(st, ins, vars, this.plan.escape);
      name = `WORKDIR ${meta.mkdir}`;
      createdBy = meta.buildkit;
      key = JSON.stringify([st.cacheKey, 'workdir', meta.mkdir]);
      work = async () => layerInfo(await (await st.fs()).mkdir(meta.mkdir!, () => this.#now()));
    } else {
      const cp = ins as Extract<Instruction, { kind: 'copy' | 'add' }>;
      let res;
      try {
        res = await copyStep(st, cp, vars, this.plan.escape, this.ctx.tree, (from) => this.#fromTree(from, st.index), () => this.#now());
      } catch (err) {
        const missing = err instanceof MissingSourceError;
        const text = `${cp.kind.toUpperCase()} ${cp.sources.join(' ')} ${cp.dest}`;
        const v = this.progress.start(prefix + text);
        const ref = `${this.#uuid()}::${this.#rid()}`;
        const msg = missing ? `failed to calculate checksum of ref ${ref}: "/${err.source.replace(/^\/+/, '')}": not found` : (err as Error).message;
        this.progress.end(v, { error: msg });
        throw new BuildError(missing ? `failed to compute cache key: ${msg}` : msg, { vertex: prefix + text, logs: [], lines: [ins.node.startLine, ins.node.endLine], dockerfile: this.plan.dockerfile });
      }
      name = res.text;
      createdBy = `${res.text.replace(/ --from=\S+/, '')} # buildkit`;
      key = JSON.stringify([st.cacheKey, ins.kind, res.text, res.checksum]);
      work = async () => layerInfo(res.layer);
    }
    key = sha256Hex(encodeUtf8(key));
    const v = this.progress.start(prefix + name);
    const hit = this.opts.noCache ? undefined : (this.#cache.get(key) ?? (ins.kind === 'run' || ins.kind === 'workdir' ? this.#fromImages(st, createdBy) : undefined));
    let layer: LayerInfo;
    let created: string;
    if (hit) {
      layer = hit.layer;
      created = hit.created;
      this.progress.end(v, { cached: true });
    } else {
      layer = await work(v);
      created = rfc3339(this.#now());
      this.#cache.set(key, { layer, created });
      this.progress.end(v);
      this.#newLayers = true;
    }
    const fs = await st.fs();
    st.push({ created, created_by: createdBy, comment: COMMENT }, layer);
    const chain = st.chain();
    fs.apply(layer.entries ?? (await this.deps.containers.loader.layerEntries(this.deps.engine.state, chain[chain.length - 1]!)));
    st.cacheKey = key;
    st.lastCreated = created;
    this.#steps.push({ stage: st.index, stageName: st.name, instruction, cached: Boolean(hit), diffId: layer.diffId });
  }

  /**
   * The cache after a reload: BuildKit's cache outlives the page's memory only
   * through the images it produced, so a RUN or WORKDIR whose image history so
   * far and layers so far match an existing image's is taken from that image
   * (its next layer and time). COPY/ADD are not: their history text does not
   * carry the content checksum.
   */
  #fromImages(st: StageState, createdBy: string): CacheRecord | undefined {
    const mine = st.image.history ?? [];
    const diffs = st.image.rootfs.diff_ids;
    for (const img of this.deps.engine.state.images.values()) {
      const h = img.config.history ?? [];
      const d = img.config.rootfs.diff_ids;
      if (h.length <= mine.length || d.length <= diffs.length) continue;
      const next = h[mine.length]!;
      if (next.created_by !== createdBy || next.empty_layer || next.comment !== COMMENT) continue;
      if (!mine.every((e, k) => e.created_by === h[k]!.created_by && Boolean(e.empty_layer) === Boolean(h[k]!.empty_layer))) continue;
      if (!diffs.every((x, k) => x === d[k])) continue;
      const chain = chainIds(d.slice(0, diffs.length + 1));
      const rec = this.deps.engine.state.layers.get(chain[chain.length - 1]!);
      if (!rec) continue;
      return { layer: { diffId: rec.diffId, size: rec.size, tarSize: rec.tarSize, source: rec.source }, created: next.created ?? '' };
    }
    return undefined;
  }

  async #fromTree(from: string, before: number) {
    const i = this.#stageIndex(from, before);
    if (i >= 0) return (await this.#stages.get(i)!.fs()).tree;
    const base = localBase(this.deps.engine, from) ?? remoteBase(this.deps.engine, parseBaseRef(from)).base;
    const st = new StageState(-1, '', base, stageDeps(this.deps.engine, this.deps.containers.loader));
    return (await st.fs()).tree;
  }

  #uuid(): string {
    const h = () => Math.floor(this.deps.engine.random() * 16).toString(16);
    const part = (n: number) => Array.from({ length: n }, h).join('');
    return `${part(8)}-${part(4)}-4${part(3)}-${part(4)}-${part(12)}`;
  }

  #rid(): string {
    const a = 'abcdefghijklmnopqrstuvwxyz0123456789';
    return Array.from({ length: 25 }, () => a[Math.floor(this.deps.engine.random() * a.length)]).join('');
  }

  /** The image config as BuildKit's exporter writes it, then one commit: layers, image, tags. */
  async #export(st: StageState): Promise<BuildResult> {
    const p = this.progress;
    const v = p.start('exporting to image');
    p.status(v, 'exporting layers', { timed: this.#newLayers });
    const history = st.image.history ?? [];
    // Entries recorded before any layer step take the time of the next one (else the build's).
    for (let i = history.length - 1, next = ''; i >= 0; i--) {
      if (history[i]!.created) next = history[i]!.created!;
      else history[i] = { ...history[i]!, created: next || rfc3339(this.#start) };
    }
    const cfg: ContainerDefaults = {};
    const src = st.config as Record<string, unknown>;
    for (const k of OCI_KEYS) if (src[k] !== undefined && src[k] !== null) (cfg as Record<string, unknown>)[k] = src[k];
    if (this.opts.labels) cfg.Labels = { ...(cfg.Labels ?? {}), ...this.opts.labels };
    if (!cfg.Env || cfg.Env.length === 0) cfg.Env = ['PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'];
    const image: ImageConfig = {
      architecture: st.image.architecture,
      ...(st.image.variant ? { variant: st.image.variant } : {}),
      ...(st.image.author ? { author: st.image.author } : {}),
      config: cfg,
      created: history[history.length - 1]?.created ?? rfc3339(this.#start),
      history,
      os: st.image.os,
      rootfs: { type: 'layers', diff_ids: [...st.image.rootfs.diff_ids] },
    };
    const bytes = canonicalConfigBytes(image);
    const id = digestOf(bytes);
    const chain = chainIds(image.rootfs.diff_ids);
    const tags = (this.opts.tags ?? []).map((t) => referenceString(withDefaultTag(parseNormalizedNamed(t))));
    const now = this.#now();
    await this.deps.engine.transact((draft) => {
      // BuildKit's cache keeps a reference to every layer a build used, base
      // image layers included, so removing the images does not free them
      // (recorded: `image prune` then reports only the image IDs) until
      // `docker builder prune`.
      st.layers.forEach((l, i) => {
        const c = chain[i]!;
        const have = draft.layers.get(c);
        if (have) {
          if (!have.held) draft.layers.set(c, { ...have, held: true });
          return;
        }
        draft.layers.set(c, { chainId: c, diffId: l.diffId, size: l.size, tarSize: l.tarSize, source: l.source, held: true });
        if (l.source.kind === 'blob' && l.tar) draft.newBlobs.set(l.diffId, l.tar);
      });
      const have = draft.images.get(id);
      draft.images.set(id, { ...(have ?? { id, config: image, parent: '' }), lastTagTime: tags.length > 0 ? new Date(now).toISOString() : (have?.lastTagTime ?? null) });
      if (!have) draft.newBlobs.set(id, bytes);
      recordLastBuild(draft, { builder: 'buildkit', imageId: id, ok: true, at: now, steps: this.#steps }, tags);
      for (const t of tags) draft.refs.set(t, id);
    });
    // The image's layers are now in BuildKit's snapshotter: a later FROM of it is CACHED.
    let seen = seenBases.get(this.deps.engine);
    if (!seen) seenBases.set(this.deps.engine, (seen = new Set()));
    seen.add(id);
    p.status(v, `writing image ${id}`);
    for (const t of tags) p.status(v, `naming to ${t}`);
    p.end(v);
    return { imageId: id, steps: this.#steps };
  }
}
