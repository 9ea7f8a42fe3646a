/**
 * A learner session for builder tests: the real host shell, docker CLI,
 * simulated Hub and container programs, on a fixed clock (every duration
 * prints as 0.0s) and a seeded random source, with `lines` running command
 * lines in order. `mask` hides IDs, which differ from any recording.
 */
import { createSession, type LineResult } from '../../worker/session.ts';
import { MemoryStore } from '../../worker/store/memory-store.ts';

/** The fixed time of the builder tests: 2026-11-24T03:00:00Z. */
export const NOW = Date.parse('2026-11-24T03:00:00Z');

/** mulberry32: a repeatable uniform random source. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A session with alpine preloaded (more images on request). */
export async function builderSession(preload: string[] = ['alpine']) {
  const clock = { now: NOW };
  const session = await createSession({ store: await MemoryStore.open(), preload, clock: () => clock.now, random: seeded(7) });
  const line = (l: string): Promise<LineResult> => session.runLine(l);
  const lines = async (ls: string[]): Promise<LineResult[]> => {
    const out: LineResult[] = [];
    for (const l of ls) out.push(await line(l));
    return out;
  };
  return { session, clock, line, lines };
}

/** Replaces 64- and 12-hex IDs with placeholders numbered by first appearance. */
export function mask(text: string): string {
  const seen = new Map<string, string>();
  return text.replace(/\b[0-9a-f]{64}\b|\b[0-9a-f]{12}\b/g, (id) => {
    const key = id.slice(0, 12);
    if (!seen.has(key)) seen.set(key, `<id${seen.size + 1}>`);
    return seen.get(key)! + (id.length === 64 ? '…' : '');
  });
}

/** Writes a file in the session's current directory with printf-free quoting. */
export function writeLine(path: string, text: string): string {
  return `printf '%s' '${text.replace(/'/g, `'\\''`)}' > ${path}`;
}

/** An engine with alpine pulled and its container service, for builds driven through the API. */
export async function builderEngine() {
  const [{ Engine }, { hubRegistry }, { Lab }, { build }, { tarBytes }] = await Promise.all([
    import('../../worker/engine/engine.ts'),
    import('../../worker/registry/hub-client.ts'),
    import('../../worker/lab/lab.ts'),
    import('../../worker/engine/builder/build.ts'),
    import('../../worker/engine/layer/tar-write.ts'),
  ]);
  const clock = { now: NOW };
  const store = await MemoryStore.open();
  const engine = await Engine.open({ store, registry: hubRegistry(), clock: () => clock.now, random: seeded(11) });
  await engine.imagePull('alpine', 'latest', () => undefined);
  let deps = { engine, containers: await new Lab(engine).containers() };
  /** A page reload: a new engine on the same store (in-memory caches gone). */
  const reload = async () => {
    const again = await Engine.open({ store, registry: hubRegistry(), clock: () => clock.now, random: seeded(12) });
    deps = { engine: again, containers: await new Lab(again).containers() };
  };
  /** Builds a context of text files; `version` 1 = legacy, 2 = BuildKit. */
  const run = (files: Record<string, string>, opts: Partial<import('../../worker/engine/builder/types.ts').BuildOptions> = {}) => {
    const entries = Object.entries(files).map(([path, text]) => {
      const bytes = new TextEncoder().encode(text);
      return { path, type: 'file' as const, mode: 0o644, uid: 0, gid: 0, mtime: 1_700_000_000, size: bytes.length, content: { kind: 'bytes' as const, bytes } };
    });
    return build(deps, tarBytes(entries), { version: '2', tags: ['t:1'], ...opts }, {});
  };
  return { engine, clock, run, reload };
}
