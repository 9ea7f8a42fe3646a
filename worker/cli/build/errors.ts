/**
 * How buildx prints a failed build (docker/buildx commands/build.go and
 * buildkit errdefs Source.Print): the failed vertex and its logs between
 * `------` rules, the Dockerfile excerpt around the failing instruction
 * (`>>>` marks its lines, padded by up to four lines of context), then
 * `ERROR: failed to build: failed to solve: <message>` (buildx 0.25+, the
 * version Docker 28.5 bundles).
 */
import type { BuildError } from '../../engine/builder/types.ts';

/** buildkit errdefs Source.Print: the excerpt of the Dockerfile lines an error points at. */
export function dockerfileExcerpt(name: string, text: string, range: [number, number]): string {
  const lines = text.split('\n');
  let [start, end] = range;
  const line = start;
  if (start > lines.length || start < 1) return '';
  if (end > lines.length) end = lines.length;
  const pad = end === start ? 4 : 2;
  for (let p = 0; p < pad; ) {
    if (start > 1) {
      start--;
      p++;
    }
    if (end !== lines.length) {
      end++;
      p++;
    }
    p++;
  }
  let out = `${name}:${line}\n--------------------\n`;
  for (let i = start; i <= end; i++) {
    const mark = i >= range[0] && i <= range[1] ? '>>> ' : '    ';
    out += `${String(i).padStart(4)} | ${mark}${lines[i - 1]}\n`;
  }
  return out + '--------------------\n';
}

/** Everything buildx prints on stderr after the progress for a failed build. */
export function buildkitFailure(err: BuildError): string {
  let out = '';
  if (err.data.vertex !== undefined) {
    out += `------\n > ${err.data.vertex}:\n`;
    for (const l of err.data.logs ?? []) out += `${l}\n`;
    out += '------\n';
  }
  if (err.data.lines && err.data.dockerfile) out += dockerfileExcerpt(err.data.dockerfile.name.split('/').pop()!, err.data.dockerfile.text, err.data.lines);
  return out + `ERROR: failed to build: failed to solve: ${err.message}\n`;
}
