/**
 * The state file of a DirStore directory (`state.json`): every metadata record
 * plus the index of stored blobs, in one JSON document. Replacing this one
 * file by rename is a DirStore commit's single atomic step.
 *
 *     {"format":1,
 *      "collections":{"images":{"<key>":<record>,...},...},
 *      "blobs":{"sha256:<hex>":<byte length>,...}}
 *
 * The blob index makes the state file the only truth: a blob file it does
 * not list is debris of an interrupted commit and is removed at open.
 */
import { COLLECTIONS } from './store.ts';
import type { Collection } from './store.ts';
import { isDigest } from './batch.ts';

/** Version of the state file layout; a change needs a migration in {@link parseState}. */
export const STATE_FORMAT = 1;

/** Records as their JSON text (kept as text so a commit re-serializes only what changed). */
export type RecordTexts = Record<Collection, Map<string, string>>;

/** The contents of one state file. */
export interface DirState {
  records: RecordTexts;
  /** Stored blobs: digest → byte length. */
  blobs: Map<string, number>;
}

/** An empty state: no records, no blobs. */
export function emptyState(): DirState {
  const records = Object.fromEntries(COLLECTIONS.map((c) => [c, new Map<string, string>()])) as RecordTexts;
  return { records, blobs: new Map() };
}

/** Serializes a state, reusing each record's stored JSON text. */
export function serializeState(state: DirState): string {
  const collections = COLLECTIONS.map((collection) => {
    const entries = [...state.records[collection]].map(([key, text]) => `${JSON.stringify(key)}:${text}`);
    return `${JSON.stringify(collection)}:{${entries.join(',')}}`;
  });
  const blobs = [...state.blobs].map(([digest, size]) => `${JSON.stringify(digest)}:${size}`);
  return `{"format":${STATE_FORMAT},"collections":{${collections.join(',')}},"blobs":{${blobs.join(',')}}}\n`;
}

/** Parses a state file; throws naming `path` when it is not one this build can read. */
export function parseState(text: string, path: string): DirState {
  const damaged = (why: string) => new Error(`state file ${path} is damaged: ${why}`);
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (error) {
    throw damaged((error as Error).message);
  }
  if (!isObject(doc)) throw damaged('not a JSON object');
  if (doc.format !== STATE_FORMAT) throw damaged(`unsupported format ${JSON.stringify(doc.format)}`);
  const state = emptyState();
  const collections = doc.collections;
  if (!isObject(collections)) throw damaged('no collections');
  for (const collection of COLLECTIONS) {
    const records = collections[collection] ?? {};
    if (!isObject(records)) throw damaged(`collection ${collection} is not an object`);
    for (const [key, value] of Object.entries(records)) state.records[collection].set(key, JSON.stringify(value));
  }
  const blobs = doc.blobs;
  if (!isObject(blobs)) throw damaged('no blob index');
  for (const [digest, size] of Object.entries(blobs)) {
    if (!isDigest(digest) || typeof size !== 'number') throw damaged(`bad blob entry ${digest}`);
    state.blobs.set(digest, size);
  }
  return state;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
