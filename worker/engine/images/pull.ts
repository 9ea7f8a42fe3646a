/**
 * `POST /images/create` (pull) for the classic store: the message stream of
 * moby's distribution/pull_v2.go as the CLI's jsonmessage renders it, and the
 * resulting layers, image and references written into the draft.
 */
import type { JsonMessage } from '../api-types.ts';
import { EngineError } from '../errors.ts';
import { DEFAULT_DOMAIN, familiarString, referenceString, type Reference } from '../reference.ts';
import type { RegistryClient, RemoteImage } from '../registry-client.ts';
import type { Draft } from '../state.ts';
import { chainIds } from './chain.ts';

/** moby's default max-concurrent-downloads: layers past the third first say `Waiting`. */
const MAX_CONCURRENT_DOWNLOADS = 3;
/** Progress steps reported per layer while "downloading" and "extracting". */
const PROGRESS_STEPS = 4;

/** The outcome of pulling one tag: whether anything new was written. */
export interface PullResult {
  imageId: string;
  changed: boolean;
}

/** Resolves a reference in the registry, with Docker's error for registries we can't reach. */
export function resolveRemote(registry: RegistryClient, ref: Reference, tagOrDigest: string): RemoteImage {
  if (ref.domain !== DEFAULT_DOMAIN) {
    // The page runs offline: every registry but the simulated Hub is unreachable.
    const host = ref.domain.replace(/:\d+$/, '');
    const why = /^(localhost|127\.|\[::1\])/.test(host)
      ? `dial tcp 127.0.0.1:${/:(\d+)$/.exec(ref.domain)?.[1] ?? '443'}: connect: connection refused`
      : `dial tcp: lookup ${host}: no such host`;
    throw new EngineError('System', `Get "https://${ref.domain}/v2/": ${why}`);
  }
  return registry.resolve(`${ref.domain}/${ref.path}`, tagOrDigest);
}

/**
 * Pulls one resolved manifest into the draft, emitting the layer messages.
 * The `Digest:` line is emitted here; the final `Status:` by the caller.
 */
export function pullInto(draft: Draft, remote: RemoteImage, ref: Reference, emit: (m: JsonMessage) => void): PullResult {
  const imageId = remote.configDigest;
  let changed = false;
  if (!draft.images.has(imageId)) {
    changed = true;
    emitLayers(draft, remote, emit);
    const chain = chainIds(remote.layers.map((l) => l.diffId));
    remote.layers.forEach((l, i) => {
      const chainId = chain[i]!;
      if (!draft.layers.has(chainId)) {
        draft.layers.set(chainId, { chainId, diffId: l.diffId, size: l.size, tarSize: l.tarSize, source: { kind: 'registry', recipe: l.recipe } });
      }
    });
    draft.images.set(imageId, { id: imageId, config: remote.config, parent: '', lastTagTime: null });
    draft.newBlobs.set(imageId, remote.configBytes);
  }
  emit({ status: `Digest: ${remote.manifestDigest}` });
  const repo: Reference = { domain: ref.domain, path: ref.path };
  for (const key of [
    ...(ref.tag !== undefined ? [referenceString({ ...repo, tag: ref.tag })] : []),
    referenceString({ ...repo, digest: remote.manifestDigest }),
  ]) {
    if (draft.refs.get(key) !== imageId) {
      draft.refs.set(key, imageId);
      changed = true;
    }
  }
  return { imageId, changed };
}

/** The final status line of a pull (distribution/pull.go writeStatus). */
export function statusMessage(requested: Reference, newer: boolean): JsonMessage {
  const name = familiarString(requested);
  return { status: newer ? `Status: Downloaded newer image for ${name}` : `Status: Image is up to date for ${name}` };
}

/** The per-layer progress messages, in the order a 3-way concurrent download produces them. */
function emitLayers(draft: Draft, remote: RemoteImage, emit: (m: JsonMessage) => void): void {
  const chain = chainIds(remote.layers.map((l) => l.diffId));
  const fresh: Array<{ id: string; total: number }> = [];
  remote.layers.forEach((l, i) => {
    const id = l.diffId.slice(7, 19);
    if (draft.layers.has(chain[i]!)) emit({ status: 'Already exists', progressDetail: {}, id });
    else {
      emit({ status: fresh.length < MAX_CONCURRENT_DOWNLOADS ? 'Pulling fs layer' : 'Waiting', progressDetail: {}, id });
      fresh.push({ id, total: l.tarSize });
    }
  });
  for (const { id, total } of fresh) {
    for (let s = 1; s <= PROGRESS_STEPS; s++) {
      emit({ status: 'Downloading', progressDetail: { current: Math.round((total * s) / PROGRESS_STEPS), total }, id });
    }
    emit({ status: 'Verifying Checksum', progressDetail: {}, id });
    emit({ status: 'Download complete', progressDetail: {}, id });
  }
  for (const { id, total } of fresh) {
    for (let s = 1; s <= PROGRESS_STEPS; s++) {
      emit({ status: 'Extracting', progressDetail: { current: Math.round((total * s) / PROGRESS_STEPS), total }, id });
    }
    emit({ status: 'Pull complete', progressDetail: {}, id });
  }
}
