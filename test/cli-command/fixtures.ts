/**
 * Reads the recordings made by capture.sh: help texts, usage-error cases and arity probes
 * of the real Docker CLI 28.2.2.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const dir = join(new URL('.', import.meta.url).pathname, 'fixtures');

/** One recorded invocation: argv (without `docker`) and what the CLI printed. */
export interface Recording {
  name: string;
  argv: string[];
  stdout: string;
  stderr: string;
  exitCode: number;
}

/** Help recordings: the command path words and the `--help` stdout. */
export function helpRecordings(): { path: string[]; text: string }[] {
  return readdirSync(join(dir, 'help'))
    .sort()
    .map((f) => ({ path: f === '_root.txt' ? [] : f.slice(0, -4).split('.'), text: readFileSync(join(dir, 'help', f), 'utf8') }));
}

/** Parses `argv\n--- stdout\n…--- stderr\n…--- exit N` blocks (arity files hold two, headed `=== docker …`). */
function parseBlocks(name: string, text: string): Recording[] {
  const re = /(?:^|\n)(?:=== docker ?)?(.*)\n--- stdout\n([^]*?)--- stderr\n([^]*?)--- exit (\d+)/g;
  return [...text.matchAll(re)].map((m) => ({
    name,
    argv: m[1].split(' ').filter((w) => w !== ''),
    stdout: m[2],
    stderr: m[3],
    exitCode: Number(m[4]),
  }));
}

/** Usage-error cases (error-cases.txt). */
export function errorRecordings(): Recording[] {
  return readdirSync(join(dir, 'errors'))
    .sort()
    .flatMap((f) => parseBlocks(f.slice(0, -4), readFileSync(join(dir, 'errors', f), 'utf8')));
}

/** Arity probes: each command with no arguments and with twelve. */
export function arityRecordings(): Recording[] {
  return readdirSync(join(dir, 'arity'))
    .sort()
    .flatMap((f) => parseBlocks(f.slice(0, -4), readFileSync(join(dir, 'arity', f), 'utf8')));
}

/**
 * The recordings come from CLI 28.2.2; the simulator is 28.5.1. The only help-visible
 * difference in docker/cli's source between the two tags: since v28.4.0 `-H/--host` is a
 * hostVar whose Type() is "string" (cli/flags/options.go), so Global Options reads
 * `-H, --host string` where 28.2.2 printed `-H, --host list` (same column: `--log-level
 * string` stays the widest).
 */
export function as28_5(s: string): string {
  return s.replace('  -H, --host list          Daemon', '  -H, --host string        Daemon');
}

/**
 * Without buildx, CLI 28.2.2 prints this banner before running any builder command. It
 * comes from the builder selection (cmd/docker/builder.go), not from the grammar, and the
 * simulated install has buildx, so the tests drop it from the recordings.
 */
export function withoutLegacyBuilderBanner(s: string): string {
  return s.replace(/^DEPRECATED: The legacy builder is deprecated[^]*?\n\n/, '');
}

/**
 * True when the recording shows an outcome of the grammar itself (help, usage or flag
 * error, version): parseDockerArgs must reproduce it exactly. Anything else (daemon
 * unreachable, prompts, context store) means the CLI accepted the argv and ran the command.
 */
export function isGrammarOutcome(r: Recording): boolean {
  const err = withoutLegacyBuilderBanner(r.stderr);
  return (
    /^\n?(docker: '|docker: unknown command|unknown flag|unknown shorthand|flag needs|invalid argument|bad flag syntax|Usage: |accepts \d+ arg|unknown help topic|Unable to parse logging level|conflicting options|Flag shorthand)/.test(err) ||
    /^(Usage: |Docker version|Flag shorthand)/.test(r.stdout)
  );
}
