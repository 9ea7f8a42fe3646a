/**
 * Archives stream with bounded memory (issue 12): `docker save` of node,
 * python:3.9-slim and nginx together (~1.2 GB) into a file, and `docker
 * load` of that file into an engine that holds none of their layers, keep
 * the process's JavaScript memory (heap + ArrayBuffers) far below the
 * archive's size; chunks are at most 1 MiB. A generous bound (300 MB), not a
 * timing. The file is a real one on disk (node:fs), so what is measured is
 * the engine's side of the stream only.
 */
import { createReadStream, mkdtempSync, openSync, writeSync, closeSync, statSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Engine } from '../../worker/engine/engine.ts';
import type { ByteStream } from '../../worker/engine/stream.ts';
import { hubRegistry } from '../../worker/registry/hub-client.ts';
import { MemoryStore } from '../../worker/store/memory-store.ts';
import type { JsonMessage } from '../../worker/engine/api-types.ts';

const BOUND = 300e6;
const dir = mkdtempSync(join(tmpdir(), 'archive-memory-'));
const file = join(dir, 'big.tar');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** JavaScript memory now: heap in use plus ArrayBuffers (typed arrays' backing stores). */
function used(): number {
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
}

async function pulled(images: string[]): Promise<Engine> {
  const engine = await Engine.open({ store: await MemoryStore.open(), registry: hubRegistry() });
  for (const image of images) {
    const [name, tag = 'latest'] = image.split(':') as [string, string?];
    await engine.imagePull(name, tag, () => undefined);
  }
  return engine;
}

describe('archives of the chapters’ largest images stream', () => {
  it('saves node + python:3.9-slim + nginx into a file with memory bounded, in chunks of at most 1 MiB', async () => {
    const engine = await pulled(['node', 'python:3.9-slim', 'nginx']);
    const before = used();
    let peak = 0;
    let max = 0;
    let chunks = 0;
    let bytes = 0;
    const fd = openSync(file, 'w');
    try {
      for await (const c of await engine.imageSave(['node', 'python:3.9-slim', 'nginx'])) {
        writeSync(fd, c);
        bytes += c.length;
        max = Math.max(max, c.length);
        chunks++;
        peak = Math.max(peak, used() - before);
      }
    } finally {
      closeSync(fd);
    }
    expect(bytes).toBe(statSync(file).size);
    expect(bytes).toBeGreaterThan(1e9);
    expect(max).toBe(1 << 20);
    expect(chunks).toBe(Math.ceil(bytes / (1 << 20)));
    expect(peak).toBeLessThan(BOUND);
  }, 600_000);

  it('loads that file into an engine without those layers with memory bounded, keeping no layer bytes', async () => {
    const engine = await pulled([]);
    const before = used();
    let peak = 0;
    const stream: ByteStream = (async function* () {
      for await (const c of createReadStream(file, { highWaterMark: 1 << 20 }) as AsyncIterable<Uint8Array>) {
        peak = Math.max(peak, used() - before);
        yield c;
      }
    })();
    const lines: string[] = [];
    await engine.imageLoad(stream, (m: JsonMessage) => m.stream && lines.push(m.stream));
    expect(lines).toEqual(['Loaded image: node:latest\n', 'Loaded image: python:3.9-slim\n', 'Loaded image: nginx:latest\n']);
    expect(peak).toBeLessThan(BOUND);
    // Every layer is the simulated Hub's: recorded by its recipe, no blob stored for it.
    expect([...engine.state.layers.values()].every((l) => l.source.kind === 'registry')).toBe(true);
  }, 600_000);
});
