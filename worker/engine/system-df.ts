/**
 * `GET /system/df` of the simulated engine, the figures `docker system df`
 * prints (moby daemon/disk_usage.go over the classic store):
 * - LayersSize: every layer on disk counted once, whoever uses it;
 * - Images: the top-level images (`docker images`), each with its size, the
 *   part of it other images share (a layer referenced by two or more images
 *   of the store, intermediate ones included) and its container count;
 * - Containers: each container's writable layer size and state;
 * - Volumes: each volume's file bytes and how many containers use it;
 * - BuildCache: the layers BuildKit's cache holds, `Shared` when an image
 *   uses them too, as `regular` records dated by the builds that used them.
 *   BuildKit also keeps records of build contexts (`source.local`) that the
 *   simulator does not, so counts can be lower.
 * The verbose view (`-v`) shows each image and container as the image and
 * container lists do (`images`, `summaries`).
 */
import type { EngineState } from './state.ts';
import { listImages } from './images/list.ts';
import type { ImageSummary } from './api-types.ts';
import { chainIds } from './images/chain.ts';
import { listContainers, type ContainerSummary } from './containers/list.ts';
import { volumeUsers } from './volumes/volumes.ts';
import type { DfImage, DfContainer, DfVolume, DfCache, DiskUsage } from '../engine-api/types.ts';
export type { DfImage, DfContainer, DfVolume, DfCache, DiskUsage };

/** Computes the disk usage of `state` at `nowMs`. */
export function diskUsage(state: EngineState, nowMs: number): DiskUsage {
  const refs = new Map<string, number>();
  for (const img of state.images.values()) for (const chainId of chainIds(img.config.rootfs.diff_ids)) refs.set(chainId, (refs.get(chainId) ?? 0) + 1);
  const images = listImages(state, {}, nowMs).map((summary): DfImage => {
    const image = state.images.get(summary.Id)!;
    let shared = 0;
    for (const chainId of chainIds(image.config.rootfs.diff_ids)) if ((refs.get(chainId) ?? 0) > 1) shared += state.layers.get(chainId)?.size ?? 0;
    return { id: summary.Id, repoTags: summary.RepoTags, created: summary.Created, size: summary.Size, sharedSize: shared, containers: summary.Containers, summary: { ...summary, SharedSize: shared } };
  });
  const containers = [...state.containers.values()].map((c) => ({ id: c.id, running: c.running, sizeRw: Number(c.sizeRw ?? 0) }));
  let layersSize = 0;
  for (const layer of state.layers.values()) layersSize += layer.size;
  const buildCache = [...state.layers.values()]
    .filter((l) => l.held)
    .map((l) => ({ id: l.chainId, size: l.size, shared: refs.has(l.chainId), inUse: false, createdAt: l.cache?.created ?? 0, lastUsedAt: l.cache?.lastUsed ?? 0, usage: l.cache?.usage ?? 1 }));
  const builderSize = buildCache.filter((c) => !c.shared).reduce((n, c) => n + c.size, 0);
  const volumes = [...state.volumes.values()].map((v) => ({ name: v.name, size: v.size, refCount: volumeUsers(state, v.name).length }));
  const summaries = listContainers(state, { all: true, size: true }, nowMs);
  return { layersSize, images, containers, volumes, buildCache, builderSize, summaries };
}
