/**
 * The exact tar bytes of a stored layer: a blob for layers that came from
 * commits, builds and loads, regenerated from the registry's recipe for
 * pulled ones (which are never stored at full size, design.md §4).
 */
import { EngineError } from '../errors.ts';
import type { Entry } from '../layer/entry.ts';
import { readTar } from '../layer/tar-read.ts';
import { bytesStream, fromChunks } from '../layer/tar-stream.ts';
import { tarBytes, tarChunks } from '../layer/tar-write.ts';
import type { RegistryClient } from '../registry-client.ts';
import type { LayerRecord } from '../state.ts';
import type { ByteStream } from '../stream.ts';

/** Where layer bytes are read from. */
export interface LayerSourceDeps {
  registry: RegistryClient;
  getBlob(digest: string): Promise<Uint8Array | undefined>;
}

/** The tar bytes of a layer, whole (small layers: containers, builds). */
export async function layerTar(deps: LayerSourceDeps, layer: LayerRecord): Promise<Uint8Array> {
  if (layer.source.kind === 'registry') return tarBytes(deps.registry.layerEntries(layer.source.recipe));
  const bytes = await deps.getBlob(layer.diffId);
  if (!bytes) throw new EngineError('System', `layer does not exist: ${layer.diffId}`);
  return bytes;
}

/**
 * The tar bytes of a layer as a stream of 1 MiB chunks: a registry layer is
 * generated chunk by chunk from its recipe (a node layer is hundreds of MB and
 * never whole); a stored one is read from its blob.
 */
export async function* layerTarStream(deps: LayerSourceDeps, layer: LayerRecord): ByteStream {
  if (layer.source.kind === 'registry') {
    yield* fromChunks(tarChunks(deps.registry.layerEntries(layer.source.recipe)));
    return;
  }
  const bytes = await deps.getBlob(layer.diffId);
  if (!bytes) throw new EngineError('System', `layer does not exist: ${layer.diffId}`);
  yield* bytesStream(bytes);
}

/** The entries of a layer. */
export async function layerEntries(deps: LayerSourceDeps, layer: LayerRecord): Promise<Entry[]> {
  if (layer.source.kind === 'registry') return deps.registry.layerEntries(layer.source.recipe);
  return readTar(await layerTar(deps, layer));
}
