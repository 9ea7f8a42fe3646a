/** Node plumbing shared by the bin commands: the store and stdin lines. */
import type { Readable } from 'node:stream';
import { createInterface } from 'node:readline';
import { DirStore } from '../../worker/store/dir-store.ts';
import { MemoryStore } from '../../worker/store/memory-store.ts';
import type { Store } from '../../worker/store/store.ts';

/** A DirStore on `dir` (`--state DIR`), else a fresh in-memory store. */
export async function openStore(dir: string | undefined): Promise<Store> {
  return dir === undefined ? MemoryStore.open() : DirStore.open(dir);
}

/** The lines of a stream without their newlines (a final line without one included). */
export async function* readLines(input: Readable): AsyncGenerator<string> {
  const rl = createInterface({ input, crlfDelay: Infinity, terminal: false });
  for await (const line of rl) yield line;
}
