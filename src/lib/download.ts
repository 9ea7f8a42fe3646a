/**
 * Saving and opening lab files in the browser: a download through an
 * object URL, and the bytes of a file the learner picked.
 */

/** Offers `bytes` as a download named `name`. */
export function downloadBytes(bytes: Uint8Array, name: string, type = 'application/x-tar'): void {
  const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type }));
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

/** Reads a picked file. */
export async function fileBytes(file: File): Promise<Uint8Array> {
  return new Uint8Array(await file.arrayBuffer());
}
