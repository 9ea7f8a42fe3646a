/**
 * The streaming tar writer and reader (worker/engine/layer/tar-stream.ts)
 * against the whole-buffer ones they replace: the same bytes written, the
 * same members and errors read, whatever the chunking of the input.
 */
import { describe, expect, it } from 'vitest';
import type { Entry } from '../../worker/engine/layer/entry.ts';
import { readTar, TarFormatError } from '../../worker/engine/layer/tar-read.ts';
import { bytesStream, cleanName, collectBytes, readTarStream, tarStream } from '../../worker/engine/layer/tar-stream.ts';
import { tarBytes, tarLength } from '../../worker/engine/layer/tar-write.ts';
import { encodeUtf8 } from '../../worker/engine/layer/utf8.ts';

const long = `${'deep/'.repeat(30)}file.txt`;
const ENTRIES: Entry[] = [
  { path: 'etc', type: 'dir', mode: 0o755, uid: 0, gid: 0, mtime: 1700000000, size: 0 },
  { path: 'etc/hostname', type: 'file', mode: 0o644, uid: 0, gid: 0, mtime: 1700000000, size: 9, content: { kind: 'text', text: 'layerlab\n' } },
  { path: 'bin/big', type: 'file', mode: 0o755, uid: 0, gid: 0, mtime: 1700000000, size: 100_001, content: { kind: 'filler', seed: 7, program: 'big' } },
  { path: 'bin/link', type: 'symlink', mode: 0o777, uid: 0, gid: 0, mtime: 1700000000, size: 0, linkname: 'big' },
  { path: 'bin/hard', type: 'hardlink', mode: 0o755, uid: 0, gid: 0, mtime: 1700000000, size: 0, linkname: 'bin/big' },
  { path: long, type: 'file', mode: 0o600, uid: 1000, gid: 1000, mtime: 1700000001, size: 5, content: { kind: 'bytes', bytes: encodeUtf8('hello') }, uname: 'learner', gname: 'learner' },
  { path: 'empty', type: 'file', mode: 0o644, uid: 0, gid: 0, mtime: 0, size: 0 },
];

/** `bytes` in chunks of `size` (views). */
async function* chunked(bytes: Uint8Array, size: number): AsyncGenerator<Uint8Array> {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

/** The members of a stream as Entry[] (the shape readTar returns), reading every body. */
async function streamEntries(stream: AsyncIterable<Uint8Array>): Promise<Entry[]> {
  const out: Entry[] = [];
  for await (const { header, body } of readTarStream(stream)) {
    const bytes = await collectBytes(body);
    if (!header.type || cleanName(header.name) === '') continue;
    const e: Entry = { path: cleanName(header.name), type: header.type, mode: header.mode, uid: header.uid, gid: header.gid, mtime: header.mtime, size: header.type === 'file' ? header.size : 0 };
    if (header.type === 'symlink') e.linkname = header.linkname;
    if (header.type === 'hardlink') e.linkname = cleanName(header.linkname);
    if (header.uname) e.uname = header.uname;
    if (header.gname) e.gname = header.gname;
    if (header.type === 'file') e.content = { kind: 'bytes', bytes };
    out.push(e);
  }
  return out;
}

describe('tarStream', () => {
  it('writes the bytes tarBytes writes, in chunks of exactly the size asked (the last shorter)', async () => {
    const whole = tarBytes(ENTRIES);
    for (const size of [512, 1000, 1 << 20]) {
      const chunks: number[] = [];
      const parts: Uint8Array[] = [];
      for await (const c of tarStream(ENTRIES.map((entry) => ({ entry })), size)) {
        chunks.push(c.length);
        parts.push(c);
      }
      expect(await collectBytes(bytesOf(parts))).toEqual(whole);
      expect(chunks.slice(0, -1).every((n) => n === size)).toBe(true);
      expect(chunks.at(-1)! <= size).toBe(true);
    }
    expect(tarLength(ENTRIES)).toBe(whole.length);
  });

  it('takes a file body from a stream of any chunking, and refuses one of the wrong length', async () => {
    const hello = ENTRIES[5]!;
    const viaBody = tarStream([{ entry: { ...hello, content: undefined }, body: () => chunked(encodeUtf8('hello'), 2) }]);
    expect(await collectBytes(viaBody)).toEqual(tarBytes([hello]));
    const short = tarStream([{ entry: { ...hello, content: undefined }, body: () => chunked(encodeUtf8('hell'), 2) }]);
    await expect(collectBytes(short)).rejects.toThrow('archive/tar: missed writing 1 bytes');
  });
});

function bytesOf(parts: Uint8Array[]): AsyncIterable<Uint8Array> {
  return (async function* () {
    yield* parts;
  })();
}

describe('readTarStream', () => {
  const whole = tarBytes(ENTRIES);

  it('reads what readTar reads, whatever the chunk sizes of its input', async () => {
    const expected = readTar(whole);
    for (const size of [1, 7, 511, 512, 513, 4096, 1 << 20]) expect(await streamEntries(chunked(whole, size))).toEqual(expected);
  });

  it('skips the bodies a consumer does not read', async () => {
    const names: string[] = [];
    for await (const { header } of readTarStream(chunked(whole, 1000))) names.push(header.name);
    expect(names).toEqual(['etc/', 'etc/hostname', 'bin/big', 'bin/link', 'bin/hard', long, 'empty']);
  });

  it('fails as Go archive/tar does: a cut header or body is unexpected EOF, garbage an invalid header', async () => {
    const read = (bytes: Uint8Array) => streamEntries(chunked(bytes, 300));
    await expect(read(whole.subarray(0, 700))).rejects.toThrow(new TarFormatError('unexpected EOF'));
    await expect(read(whole.subarray(0, 2000))).rejects.toThrow(new TarFormatError('unexpected EOF'));
    await expect(read(encodeUtf8('not a tar archive at all\n'.repeat(30)))).rejects.toThrow(new TarFormatError('archive/tar: invalid tar header'));
    expect(() => readTar(whole.subarray(0, 700))).toThrow(new TarFormatError('unexpected EOF'));
    expect(await streamEntries(bytesStream(new Uint8Array(0)))).toEqual([]);
  });
});
