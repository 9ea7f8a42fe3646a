/**
 * Parser nodes → typed instructions grouped into stages: a port of BuildKit's
 * frontend/dockerfile/instructions/parse.go (flags per instruction as
 * bflag.go checks them, argument counts, stage names) with its error texts.
 * Variables are not expanded here: both builders expand them while
 * dispatching, when the ARG and ENV values in scope are known.
 */
import { healthInterval, healthRetries } from './values.ts';
import type { Heredoc, Node } from './parser.ts';

/** An instruction error reported as `dockerfile parse error on line N: <msg>` (instructions.parseError). */
export class InstructionError extends Error {
  constructor(readonly inner: string, readonly node: Node) {
    super(`dockerfile parse error on line ${node.startLine}: ${inner}`);
  }
}

/** A key=value pair of ENV/LABEL. */
export interface KeyValue {
  key: string;
  value: string;
}

/** ARG's name with its optional default. */
export interface ArgDef {
  key: string;
  value?: string;
}

/** Fields every instruction has. */
interface Base {
  node: Node;
  /** Parsed `--name=value` flags. */
  flags: Record<string, string>;
}

/** A typed instruction. */
export type Instruction = Base &
  (
    | { kind: 'run'; args: string[]; json: boolean; heredocs: Heredoc[] }
    | { kind: 'cmd' | 'entrypoint'; args: string[]; json: boolean }
    | { kind: 'env' | 'label'; pairs: KeyValue[] }
    | { kind: 'arg'; args: ArgDef[] }
    | { kind: 'expose'; ports: string[] }
    | { kind: 'workdir' | 'user' | 'stopsignal' | 'maintainer'; value: string }
    | { kind: 'volume'; volumes: string[] }
    | { kind: 'copy' | 'add'; sources: string[]; dest: string; heredocs: Heredoc[] }
    | { kind: 'shell'; shell: string[] }
    | { kind: 'healthcheck'; test: string[] | 'NONE'; json: boolean }
    | { kind: 'onbuild'; expression: string }
  );

/** One `FROM` and the instructions after it. */
export interface Stage {
  /** The image or stage name as written (variables unexpanded). */
  baseName: string;
  /** `AS name`, lower-cased; '' when unnamed. */
  name: string;
  platform: string;
  node: Node;
  commands: Instruction[];
}

/** Flags each instruction accepts (their bflag definitions). */
const FLAGS: Record<string, string[]> = {
  from: ['platform'],
  run: ['mount', 'network', 'security'],
  copy: ['from', 'chown', 'chmod', 'link', 'parents', 'exclude'],
  add: ['chown', 'chmod', 'link', 'checksum', 'keep-git-dir', 'exclude', 'unpack'],
  healthcheck: ['interval', 'timeout', 'start-period', 'start-interval', 'retries'],
};

const NAMES = ['add', 'arg', 'cmd', 'copy', 'entrypoint', 'env', 'expose', 'from', 'healthcheck', 'label', 'maintainer', 'onbuild', 'run', 'shell', 'stopsignal', 'user', 'volume', 'workdir'];

/** buildkit util/suggest: the closest name within distance 2, case matched to the input. */
export function suggest(value: string, options: readonly string[]): string | undefined {
  const v = value.toLowerCase();
  let best: string | undefined;
  let min = 3;
  for (const o of options) {
    const d = levenshtein(v, o.toLowerCase());
    if (d === 0) return undefined;
    if (d < min) {
      min = d;
      best = value === value.toLowerCase() ? o.toLowerCase() : value === value.toUpperCase() ? o.toUpperCase() : o;
    }
  }
  return best;
}

function levenshtein(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length]!;
}

function parseFlags(kind: string, raw: string[]): Record<string, string> {
  const allowed = FLAGS[kind] ?? [];
  const out: Record<string, string> = {};
  for (const a of raw) {
    if (!a.startsWith('--')) throw new Error(`arg should start with -- : ${a}`);
    const eq = a.indexOf('=');
    const name = (eq < 0 ? a.slice(2) : a.slice(2, eq)).toLowerCase();
    if (!allowed.includes(name)) throw new Error(`unknown flag: ${name}`);
    if (name in out && name !== 'mount' && name !== 'exclude') throw new Error(`duplicate flag specified: ${name}`);
    if (eq < 0 && name !== 'link' && name !== 'parents' && name !== 'keep-git-dir' && name !== 'unpack') throw new Error(`missing a value on flag: ${name}`);
    out[name] = eq < 0 ? 'true' : a.slice(eq + 1);
  }
  return out;
}

const atLeastOne = (c: string) => `${c} requires at least one argument`;
const exactlyOne = (c: string) => `${c} requires exactly one argument`;

function pairs(args: string[], cmd: string): KeyValue[] {
  if (args.length === 0) throw new Error(atLeastOne(cmd));
  if (args.length % 3 !== 0) throw new Error(`Bad input to ${cmd}, too many arguments`);
  const out: KeyValue[] = [];
  for (let j = 0; j < args.length; j += 3) {
    if (args[j]!.length === 0) throw new Error(`${cmd} names can not be blank`);
    out.push({ key: args[j]!, value: args[j + 1]! });
  }
  return out;
}

/** Parses one node (instructions.ParseInstruction); unknown words get buildkit's suggestion. */
export function parseInstruction(node: Node): Instruction | { kind: 'from'; stage: Stage } {
  const kind = node.value.toLowerCase();
  const args = node.next;
  if (!NAMES.includes(kind)) {
    const s = suggest(node.value, NAMES);
    throw new Error(`unknown instruction: ${node.value}${s ? ` (did you mean ${s}?)` : ''}`);
  }
  const flags = parseFlags(kind, node.flags);
  const base = { node, flags };
  switch (kind) {
    case 'from': {
      let name = '';
      if (args.length === 3 && args[1]!.toLowerCase() === 'as') {
        name = args[2]!.toLowerCase();
        if (!/^[a-z][a-z0-9-_.]*$/.test(name)) throw new Error(`invalid name for build stage: "${args[2]}", name can't start with a number or contain symbols`);
      } else if (args.length !== 1) throw new Error('FROM requires either one or three arguments');
      return { kind: 'from', stage: { baseName: args[0]!, name, platform: flags.platform ?? '', node, commands: [] } };
    }
    case 'run':
      if (args.length === 0 && node.heredocs.length === 0) throw new Error(atLeastOne('RUN'));
      return { ...base, kind: 'run', args, json: node.json, heredocs: node.heredocs };
    case 'cmd':
    case 'entrypoint':
      return { ...base, kind, args, json: node.json };
    case 'env':
    case 'label':
      return { ...base, kind, pairs: pairs(args, kind.toUpperCase()) };
    case 'arg':
      if (args.length === 0) throw new Error(atLeastOne('ARG'));
      return {
        ...base,
        kind: 'arg',
        args: args.map((a) => {
          const eq = a.indexOf('=');
          if (eq === 0) throw new Error('ARG names can not be blank');
          return eq < 0 ? { key: a } : { key: a.slice(0, eq), value: a.slice(eq + 1) };
        }),
      };
    case 'expose':
      if (args.length === 0) throw new Error(atLeastOne('EXPOSE'));
      return { ...base, kind: 'expose', ports: args };
    case 'workdir':
    case 'user':
    case 'stopsignal':
    case 'maintainer':
      if (args.length !== 1) throw new Error(exactlyOne(kind.toUpperCase()));
      return { ...base, kind, value: args[0]! };
    case 'volume':
      if (args.length === 0) throw new Error(atLeastOne('VOLUME'));
      if (args.some((v) => v.trim() === '')) throw new Error('VOLUME specified can not be an empty string');
      return { ...base, kind: 'volume', volumes: args };
    case 'copy':
    case 'add': {
      const name = kind.toUpperCase();
      if (args.length < 2 && node.heredocs.length === 0) {
        if (args.length === 0) throw new Error(atLeastOne(name));
        throw new Error(`${name} requires at least two arguments, but only one was provided. Destination could not be determined`);
      }
      return { ...base, kind, sources: args.slice(0, -1), dest: args[args.length - 1]!, heredocs: node.heredocs };
    }
    case 'shell':
      if (args.length === 0) throw new Error(atLeastOne('SHELL'));
      if (!node.json) throw new Error(`SHELL requires the arguments to be in JSON form`);
      return { ...base, kind: 'shell', shell: args };
    case 'healthcheck': {
      if (args.length === 0) throw new Error(atLeastOne('HEALTHCHECK'));
      const typ = args[0]!.toUpperCase();
      if (typ === 'NONE') {
        if (args.length > 1) throw new Error('HEALTHCHECK NONE takes no arguments');
        return { ...base, kind: 'healthcheck', test: 'NONE', json: false };
      }
      if (typ !== 'CMD') throw new Error(`Unknown type "${typ}" in HEALTHCHECK (try CMD)`);
      if (args.length < 2) throw new Error('Missing command after HEALTHCHECK CMD');
      // Parsed with the instruction (instructions.parseHealthcheck), so a bad value is a parse error before any step.
      for (const f of ['interval', 'timeout', 'start-period', 'start-interval']) healthInterval(f, flags[f]);
      healthRetries(flags.retries);
      return { ...base, kind: 'healthcheck', test: args.slice(1), json: node.json };
    }
    case 'onbuild': {
      const sub = node.sub;
      if (!sub) throw new Error(atLeastOne('ONBUILD'));
      const trigger = sub.value.toUpperCase();
      if (trigger === 'ONBUILD') throw new Error('Chaining ONBUILD via `ONBUILD ONBUILD` isn\'t allowed');
      if (trigger === 'MAINTAINER' || trigger === 'FROM') throw new Error(`${trigger} isn't allowed as an ONBUILD trigger`);
      return { ...base, kind: 'onbuild', expression: node.original.replace(/^\s*ONBUILD\s*/i, '') };
    }
    default:
      throw new Error(`unknown instruction: ${node.value}`);
  }
}

/** instructions.Parse: stages and the ARGs before the first FROM. */
export function parseStages(nodes: readonly Node[]): { stages: Stage[]; metaArgs: Array<Extract<Instruction, { kind: 'arg' }>> } {
  const stages: Stage[] = [];
  const metaArgs: Array<Extract<Instruction, { kind: 'arg' }>> = [];
  for (const n of nodes) {
    let ins: ReturnType<typeof parseInstruction>;
    try {
      ins = parseInstruction(n);
    } catch (err) {
      throw new InstructionError((err as Error).message, n);
    }
    if (ins.kind === 'from') stages.push(ins.stage);
    else if (stages.length === 0 && ins.kind === 'arg') metaArgs.push(ins);
    else if (stages.length === 0) throw new LocatedError('no build stage in current context', n);
    else stages[stages.length - 1]!.commands.push(ins);
  }
  return { stages, metaArgs };
}

/** An error that BuildKit reports with the Dockerfile excerpt of its node but no `parse error` prefix. */
export class LocatedError extends Error {
  constructor(message: string, readonly node: Node) {
    super(message);
  }
}
