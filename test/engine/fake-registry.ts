/**
 * A small registry for engine tests: real layers (tar bytes hashed by the
 * engine's own code), real canonical configs, Docker's error words. Test
 * double for the simulated Hub, so engine tests don't depend on its catalog.
 */
import { EngineError } from '../../worker/engine/errors.ts';
import { digestOf } from '../../worker/engine/digest.ts';
import { canonicalConfigBytes, type ImageConfig } from '../../worker/engine/image-config.ts';
import type { Entry } from '../../worker/engine/layer/entry.ts';
import { describeLayer } from '../../worker/engine/layer/layer.ts';
import type { RegistryClient, RemoteImage } from '../../worker/engine/registry-client.ts';
import type { Json } from '../../worker/store/store.ts';

/** A text file entry. */
export function file(path: string, text: string): Entry {
  return { path, type: 'file', mode: 0o644, uid: 0, gid: 0, mtime: 1_700_000_000, size: new TextEncoder().encode(text).length, content: { kind: 'text', text } };
}

/** A remote image made of the given layers (each a list of entries). */
export function makeImage(layers: Entry[][], created: string, cmd: string[] = ['/bin/sh']): RemoteImage & { entries: Entry[][] } {
  const described = layers.map((entries) => ({ entries, ...describeLayer(entries) }));
  const config: ImageConfig = {
    created,
    architecture: 'amd64',
    os: 'linux',
    config: { Env: ['PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'], Cmd: cmd },
    rootfs: { type: 'layers', diff_ids: described.map((l) => l.diffId) },
    history: [
      ...described.map((_, i) => ({ created, created_by: `ADD layer${i}.tar / # buildkit`, comment: 'buildkit.dockerfile.v0' })),
      { created, created_by: `CMD ${JSON.stringify(cmd)}`, comment: 'buildkit.dockerfile.v0', empty_layer: true },
    ],
  };
  const configBytes = canonicalConfigBytes(config);
  const configDigest = digestOf(configBytes);
  const manifest = new TextEncoder().encode(JSON.stringify({ schemaVersion: 2, config: configDigest, layers: described.map((l) => l.diffId) }));
  return {
    manifestDigest: digestOf(manifest),
    config,
    configBytes,
    configDigest,
    layers: described.map((l) => ({ diffId: l.diffId, size: l.size, tarSize: l.tarSize, recipe: { layer: l.diffId } })),
    entries: described.map((l) => l.entries),
  };
}

/** A registry serving `repository:tag` → image. */
export class FakeRegistry implements RegistryClient {
  readonly images = new Map<string, RemoteImage>();

  add(repository: string, tag: string, image: RemoteImage & { entries?: Entry[][] }): this {
    this.images.set(`${repository}:${tag}`, image);
    image.entries?.forEach((e, i) => this.layers.set(image.layers[i]!.diffId, e));
    return this;
  }

  resolve(repository: string, reference: string): RemoteImage {
    const found = reference.startsWith('sha256:')
      ? [...this.images].find(([k, v]) => k.startsWith(`${repository}:`) && v.manifestDigest === reference)?.[1]
      : this.images.get(`${repository}:${reference}`);
    if (found) return found;
    const short = repository.replace(/^docker\.io\/(library\/)?/, '');
    if (!this.tags(repository).length) {
      throw new EngineError('NotFound', `pull access denied for ${short}, repository does not exist or may require 'docker login': denied: requested access to the resource is denied`);
    }
    throw new EngineError('NotFound', `manifest for ${short}:${reference} not found: manifest unknown: manifest unknown`);
  }

  /** Recipes are `{ test: i, image }`: the i-th layer of one of the served images. */
  layerEntries(recipe: Json): Entry[] {
    const r = recipe as { layer: string };
    const entries = this.layers.get(r.layer);
    if (!entries) throw new Error(`unknown recipe ${JSON.stringify(recipe)}`);
    return entries;
  }

  /** Entries of every served layer, by diffID. */
  readonly layers = new Map<string, Entry[]>();

  tags(repository: string): string[] {
    return [...this.images.keys()].filter((k) => k.startsWith(`${repository}:`)).map((k) => k.slice(repository.length + 1)).sort();
  }
}

const base = [file('etc/os-release', 'NAME="Alpine Linux"\nID=alpine\n'), file('bin/busybox', 'x'.repeat(1000))];

/** A registry with alpine (one layer), app (alpine + one layer) and hello-world. */
export function standardRegistry(): FakeRegistry {
  const alpine = makeImage([base], '2025-07-15T11:32:33Z');
  const app = makeImage([base, [file('app/index.js', 'console.log(1)\n')]], '2025-08-01T10:00:00Z', ['node', '/app/index.js']);
  const hello = makeImage([[file('hello', 'h'.repeat(10072))]], '2025-08-08T19:05:17Z', ['/hello']);
  return new FakeRegistry()
    .add('docker.io/library/alpine', 'latest', alpine)
    .add('docker.io/library/alpine', '3.22', alpine)
    .add('docker.io/library/app', 'latest', app)
    .add('docker.io/library/hello-world', 'latest', hello);
}
