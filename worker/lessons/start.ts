/**
 * A page's start state (design.md §10), set up with ensure semantics through
 * the engine's own operations: an image is pulled from the simulated Hub
 * only if missing, a file written only if absent, a build run only if its tag
 * is missing, a container made only if no container has its name, a commit
 * only if its tag is missing. Nothing is typed into the terminal and nothing
 * the page does not need is touched, so jumping to a page is fast and leaves
 * the rest of the lab as it was.
 *
 * {@link resetPage} first removes what the page owns (its goal's images,
 * containers and files by default), then ensures the start again.
 */
import type { IFileSystem } from 'just-bash';
import type { Engine } from '../engine/engine.ts';
import { build } from '../engine/builder/build.ts';
import type { ContainerService } from '../engine/containers/service.ts';
import { containerCommit } from '../engine/containers/operations.ts';
import { isEngineError } from '../engine/errors.ts';
import { parseNormalizedNamed, referenceString, withDefaultTag } from '../engine/reference.ts';
import { prepareContext } from '../cli/build/context-tar.ts';
import { hostFs } from '../shell/host-fs.ts';
import type { PageData, StartSpec } from './types.ts';

/** What setting up a start state works on. */
export interface StartDeps {
  engine: Engine;
  containers(): Promise<ContainerService>;
  /** The shell's filesystem (the home directory lives in it). */
  fs: IFileSystem;
  home: string;
  /** Persists the home after files were written or removed. */
  saveHome(): Promise<void>;
}

/** Ensures a page's start state; resolves true when it changed anything. */
export async function ensureStart(start: StartSpec, deps: StartDeps): Promise<boolean> {
  if (start === 'continue') return false;
  const { engine } = deps;
  let changed = false;
  const has = (ref: string): boolean => engine.state.refs.has(key(ref));
  const pull = async (ref: string): Promise<void> => {
    if (has(ref)) return;
    // `docker pull alpine` pulls alpine:latest; an empty tag would pull every tag.
    const parsed = withDefaultTag(parseNormalizedNamed(ref));
    await engine.imagePull(ref, parsed.digest !== undefined ? '' : (parsed.tag ?? 'latest'), () => undefined);
    changed = true;
  };
  for (const ref of start.images ?? []) await pull(ref);
  let wrote = false;
  for (const [path, text] of Object.entries(start.files ?? {})) {
    const full = `${deps.home}/${path}`;
    if (await deps.fs.exists(full)) continue;
    await deps.fs.mkdir(full.slice(0, full.lastIndexOf('/')), { recursive: true });
    await deps.fs.writeFile(full, text);
    wrote = true;
  }
  if (wrote) {
    await deps.saveHome();
    changed = true;
  }
  for (const b of start.builds ?? []) {
    if (has(b.tag)) continue;
    const legacy = b.builder === 'legacy';
    const ctx = await prepareContext(hostFs(deps.fs, deps.home), b.context, b.dockerfile ?? '', legacy);
    await build(
      { engine, containers: await deps.containers() },
      ctx.tar,
      { version: legacy ? '1' : '2', dockerfile: ctx.dockerfile, ...(ctx.dockerfileText !== undefined ? { dockerfileText: ctx.dockerfileText } : {}), tags: [b.tag] },
      {},
    );
    changed = true;
  }
  for (const c of start.containers ?? []) {
    const svc = await deps.containers();
    if ([...engine.state.containers.values()].some((k) => k.name === c.name || k.name === `/${c.name}`)) continue;
    await pull(c.image);
    const { Id } = await svc.create({ name: c.name, config: { Image: c.image, ...(c.cmd ? { Cmd: c.cmd } : {}) } });
    changed = true;
    if (c.create) continue;
    const started = await svc.start(Id);
    if (!c.detach) await started.exited;
  }
  for (const c of start.commits ?? []) {
    if (has(c.tag)) continue;
    await containerCommit(await deps.containers(), c.container, { reference: c.tag });
    changed = true;
  }
  return changed;
}

/** Removes what the page owns (containers, then images, then home files); resolves true when it removed anything. */
export async function removeOwned(owns: PageData['owns'], deps: StartDeps): Promise<boolean> {
  let changed = false;
  if (owns.containers.length > 0) {
    const svc = await deps.containers();
    for (const name of owns.containers) {
      try {
        await svc.remove(name, { force: true });
        changed = true;
      } catch (err) {
        if (!(isEngineError(err) && err.code === 'NotFound')) throw err;
      }
    }
  }
  for (const ref of owns.images) {
    if (!deps.engine.state.refs.has(key(ref))) continue;
    await deps.engine.imageRemove(ref, { force: true });
    changed = true;
  }
  let removed = false;
  for (const path of owns.files) {
    const full = `${deps.home}/${path}`;
    if (!(await deps.fs.exists(full))) continue;
    await deps.fs.rm(full, { recursive: true, force: true });
    removed = true;
  }
  if (removed) {
    await deps.saveHome();
    changed = true;
  }
  return changed;
}

/** The store's key of a reference (`docker.io/library/alpine:latest`). */
function key(ref: string): string {
  return referenceString(withDefaultTag(parseNormalizedNamed(ref)));
}
