/**
 * Saving and opening lab files in the browser without one buffer of their
 * size (issue 12): an export arrives in pieces that become a Blob of parts
 * (Chromium keeps big Blobs on disk, not in the tab's memory), downloaded
 * through an object URL; an import is read from the File's stream.
 */
import { callback } from './lab-client.ts';
import type { ChunkSink, ChunkSource } from '../../worker/api.ts';

/** Collects the pieces of a file the worker writes; `blob()` gives the file once they are all in. */
export function blobSink(type = 'application/x-tar'): { write: ChunkSink; blob: () => Blob } {
  const parts: Blob[] = [];
  // Each piece becomes a small Blob at once, so the page holds no list of buffers.
  const write = callback((chunk: Uint8Array) => void parts.push(new Blob([chunk as BlobPart])));
  return { write, blob: () => new Blob(parts, { type }) };
}

/** Offers `blob` as a download named `name`. */
export function downloadBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The export's file name: `layerlab-lab-2026-11-24.tar`. */
export function exportName(now: Date): string {
  return `layerlab-lab-${now.toISOString().slice(0, 10)}.tar`;
}

/** A picked file read piece by piece, for the worker to pull. */
export function fileSource(file: Blob): ChunkSource {
  const reader = file.stream().getReader();
  return callback(async () => {
    const { done, value } = await reader.read();
    return done ? null : value;
  });
}
