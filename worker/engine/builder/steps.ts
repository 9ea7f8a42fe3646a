/**
 * The filesystem steps both builders share: RUN (the command line with the
 * stage's shell, build args and ENV; a heredoc becomes the script the shell
 * reads), COPY/ADD (sources from the context, another stage or an image)
 * and WORKDIR's mkdir. Each returns the layer its overlay's writable layer
 * holds; the builders decide how it is recorded.
 */
import type { Entry } from '../layer/entry.ts';
import { describeLayer } from '../layer/layer.ts';
import { tarBytes } from '../layer/tar-write.ts';
import type { ProgramRunner } from '../containers/runtime.ts';
import { DEFAULT_PATH } from '../containers/runtime.ts';
import type { Tree } from '../containers/tree.ts';
import { clean, selectSources, sourcesChecksum, type Source } from './context.ts';
import { copyTargets, resolveChown } from './copy.ts';
import { legacySourceHash } from './legacy-hash.ts';
import { commandLine, expand } from './dispatch.ts';
import type { Instruction } from './dockerfile/instructions.ts';
import type { Heredoc } from './dockerfile/parser.ts';
import { processWord } from './dockerfile/lex.ts';
import type { LayerInfo, StageState } from './stage.ts';
import { envMap } from './words.ts';

type Run = Extract<Instruction, { kind: 'run' }>;
type Copy = Extract<Instruction, { kind: 'copy' | 'add' }>;

/** The process a RUN starts and how each builder names it. */
export interface RunCommand {
  argv: string[];
  /** `|1 V=1 ` prefix (empty without build args). */
  argsPrefix: string;
  args: Array<[string, string]>;
  /** The command as the BuildKit vertex shows it (variables expanded, quotes kept). */
  display: string;
}

/** Whether a COPY/ADD source word is one of the instruction's heredocs (`<<EOT`, `<<-"EOT"`), not a path. */
export function isHeredocSource(raw: string, heredocs: readonly Heredoc[]): boolean {
  const m = /^<<-?(["']?)(\w+)\1$/.exec(raw);
  return m !== null && heredocs.some((h) => h.name === m[2]);
}

/**
 * dockerfile2llb's summarizeHeredoc: the first line of a heredoc RUN's
 * script, with `...` when it has more, shown after the vertex name.
 */
export function summarizeHeredoc(doc: string): string {
  const lines = doc.trim().replace(/\r\n/g, '\n').split('\n');
  return lines.length > 1 ? `${lines[0]}...` : lines[0]!;
}

/** The RUN command line of a step. */
export function runCommand(st: StageState, ins: Run, buildArgs: ReadonlyMap<string, string>, escape: string): RunCommand {
  let argv: string[];
  if (ins.heredocs.length > 0 && !ins.json) {
    // A heredoc RUN: the first heredoc is the script fed to the shell (dockerfile2llb runs `shell -c <script>` when the command is just `<<EOF`).
    const doc = ins.heredocs[0]!;
    const body = doc.chomp ? doc.content.replace(/^\t+/gm, '') : doc.content;
    const rest = ins.args.join(' ').replace(/<<-?\s*["']?\w+["']?/, '').trim();
    argv = rest === '' ? [...(st.config.Shell ?? ['/bin/sh', '-c']), body] : commandLine(st, [`${rest} <<${doc.name}\n${body}${doc.name}`], false);
  } else argv = commandLine(st, ins.args, ins.json);
  const args = st.runArgs(buildArgs);
  const argsPrefix = args.length > 0 ? `|${args.length} ${args.map(([k, v]) => `${k}=${v}`).join(' ')} ` : '';
  const vars = st.scope(buildArgs);
  const shown = ins.json ? ins.node.original.replace(/^\s*\S+\s*/, '') : ins.args.join(' ');
  let display = processWord(shown, (k) => vars.get(k), { escapeToken: escape, rawQuotes: true, skipUnsetEnv: true });
  // A RUN that is just one heredoc runs its script; the vertex names the script's first line.
  if (!ins.json && ins.heredocs.length === 1 && ins.args.length === 1 && isHeredocSource(ins.args[0]!.trim(), ins.heredocs)) display += ` (${summarizeHeredoc(ins.heredocs[0]!.content)})`;
  return { argv, argsPrefix, args, display: display.replace(/\\/g, '\\') };
}

/** Runs a RUN step over the stage's filesystem. */
export async function runStep(
  st: StageState,
  cmd: RunCommand,
  runner: ProgramRunner,
  io: { now: () => number; random: () => number; hostname: string; noNetwork?: boolean; out: (text: string) => void },
): Promise<{ exitCode: number; layer: Entry[]; execError?: string }> {
  const fs = await st.fs();
  const env: Record<string, string> = { PATH: DEFAULT_PATH, HOSTNAME: io.hostname };
  for (const [k, v] of envMap(st.config.Env ?? [])) env[k] = v;
  for (const [k, v] of cmd.args) if (!(k in env)) env[k] = v;
  if (env.HOME === undefined) env.HOME = !st.config.User || st.config.User.startsWith('root') || st.config.User.startsWith('0') ? '/root' : '/';
  return fs.run(runner, { argv: cmd.argv, env, cwd: st.config.WorkingDir || '/', user: st.config.User || 'root', hostname: io.hostname, ...(io.noNetwork ? { noNetwork: true } : {}), now: io.now, random: io.random, stdout: io.out, stderr: io.out });
}

/** Where COPY --from reads: another stage's filesystem or an image's. */
export type FromTree = (name: string) => Promise<Tree>;

/** A COPY/ADD's sources and the layer it writes. */
export interface CopyResult {
  layer: Entry[];
  checksum: string;
  /** moby's source label: `file:<hash>`, `dir:<hash>` or `multi:<hash>`. */
  label: string;
  /** BuildKit's history and vertex text: `COPY hello.txt /app/`. */
  text: string;
  /** Files sent from the context (for the `load build context` size). */
  sent: Source[];
}

/** A missing COPY source, with the words of each builder. */
export class MissingSourceError extends Error {
  constructor(readonly source: string) {
    super(source);
  }
}

/** Computes a COPY/ADD. */
export async function copyStep(st: StageState, ins: Copy, vars: Map<string, string>, escape: string, context: Tree, fromTree: FromTree, now: () => number): Promise<CopyResult> {
  const x = (w: string) => expand(w, vars, escape);
  const from = ins.flags.from ? x(ins.flags.from) : undefined;
  const tree = from !== undefined ? await fromTree(from) : context;
  const groups: Array<{ arg: string; sources: Source[]; dir: boolean }> = [];
  for (const raw of ins.sources) {
    if (isHeredocSource(raw, ins.heredocs)) continue;
    const arg = x(raw);
    if (ins.kind === 'add' && /^https?:\/\//.test(arg)) {
      const host = new URL(arg).host;
      throw new Error(`failed to load cache key: Get "${arg}": dial tcp: lookup ${host}: no such host`);
    }
    const sources = selectSources(tree, arg);
    if (!sources) throw new MissingSourceError(arg);
    const path = clean(arg);
    groups.push({ arg, sources, dir: path === '' || tree.get(path)?.type === 'dir' });
  }
  for (const doc of ins.heredocs) {
    const content = doc.chomp ? doc.content.replace(/^\t+/gm, '') : doc.content;
    const text = doc.expand ? x(content) : content;
    const bytes = new TextEncoder().encode(text);
    groups.push({ arg: doc.name, dir: false, sources: [{ rel: doc.name, entry: { path: doc.name, type: 'file', mode: 0o644, uid: 0, gid: 0, mtime: 0, size: bytes.length, content: { kind: 'bytes', bytes } } }] });
  }
  const fs = await st.fs();
  const owner = ins.flags.chown ? resolveChown(x(ins.flags.chown), fs.tree) : undefined;
  const dest = x(ins.dest);
  const targets = copyTargets(groups, dest, st.config.WorkingDir ?? '', (p) => fs.isDir(p), { ...(ins.flags.chown ? { chown: ins.flags.chown } : {}), ...(ins.flags.chmod ? { chmod: ins.flags.chmod } : {}), unpack: ins.kind === 'add' }, owner);
  // Directories the copy creates or touches get the newest copied mtime, not the clock: the same
  // sources give the same layer bytes, so a re-run COPY (after a reload) keeps the later steps' cache.
  const stamp = targets.reduce((m, t) => Math.max(m, t.mtime), 0) * 1000 || now();
  const layer = await fs.place(targets, () => stamp);
  const all = groups.flatMap((g) => g.sources);
  const checksum = sourcesChecksum(all);
  const label = legacySourceHash(tree, groups.filter((g) => !ins.heredocs.some((h) => h.name === g.arg)).map((g) => g.arg), from === undefined);
  const flags = Object.entries(ins.flags).map(([k, v]) => (v === 'true' && (k === 'link' || k === 'parents') ? `--${k}` : `--${k}=${v}`));
  const text = [ins.kind.toUpperCase(), ...flags, ...ins.sources.map(x), dest].join(' ');
  return { layer, checksum, label, text, sent: from === undefined ? all : [] };
}

/** Describes a built layer for the stage (DiffID of exactly its tar bytes). */
export function layerInfo(entries: Entry[]): LayerInfo {
  const tar = tarBytes(entries);
  const d = describeLayer(entries);
  return { diffId: d.diffId, size: d.size, tarSize: d.tarSize, source: { kind: 'blob' }, entries, tar };
}
