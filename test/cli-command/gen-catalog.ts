/**
 * Writes worker/cli/command/catalog-*.ts from help text recorded from the real Docker CLI
 * 28.2.2, so the catalog is a typed table transcribed from the oracle rather than typed by
 * hand. Input: the unwrapped help made by `capture.sh --wide DIR` (a 2000-column pty, so
 * pflag only breaks usage lines where the usage itself has newlines), plus
 * fixtures/arity/*.txt for the positional-argument validators.
 *
 *   test/cli-command/capture.sh --wide /tmp/wide && npx tsx test/cli-command/gen-catalog.ts /tmp/wide
 *
 * What help cannot show is added from docker/cli v28.5.1 source below (hidden and
 * deprecated flags, daemon-dependent annotations, category-top order, interspersing).
 */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { defaultValueName } from '../../worker/cli/command/flag-usages.ts';
import type { CommandSpec, FlagSpec, FlagType } from '../../worker/cli/command/spec.ts';

const wideDir = process.argv[2] ?? '/tmp/wide';
const here = new URL('.', import.meta.url).pathname;
const outDir = join(here, '../../worker/cli/command');

/** pflag type names as help prints them → parse semantics. */
const typeByValueName: Record<string, FlagType> = {
  '': 'bool', string: 'string', int: 'int', uint: 'uint', uint16: 'uint16', uint32: 'uint32',
  float: 'float', decimal: 'decimal', duration: 'duration', bytes: 'bytes', filter: 'filter',
  list: 'list', strings: 'stringSlice', stringArray: 'stringArray', map: 'map', stringToString: 'map',
};

// docker/cli v28.5.1 cli/command/*/cmd.go "category-top" annotations.
const topOrder: Record<string, number> = {
  run: 1, exec: 2, ps: 3, build: 4, pull: 5, push: 6, images: 7, login: 8, logout: 9, search: 10, version: 10, info: 12,
};
// Flags hidden from help (MarkHidden / MarkDeprecated) in docker/cli v28.5.1.
const hiddenFlags: Record<string, FlagSpec[]> = {
  'container run': containerHidden(),
  'container create': containerHidden(),
  'container stop': [timeFlag()],
  'container restart': [timeFlag()],
  'container update': [{ name: 'kernel-memory', type: 'bytes', valueName: 'bytes', usage: 'Kernel memory limit (deprecated)', hidden: true }],
};
function containerHidden(): FlagSpec[] {
  return [
    { name: 'dns-opt', type: 'list', valueName: 'list', usage: 'Set DNS options', hidden: true },
    { name: 'net', type: 'value', valueName: 'network', usage: 'Connect a container to a network', hidden: true },
    { name: 'net-alias', type: 'list', valueName: 'list', usage: 'Add network-scoped alias for the container', hidden: true },
  ];
}
function timeFlag(): FlagSpec {
  return { name: 'time', type: 'int', valueName: 'int', usage: 'Seconds to wait before killing the container (deprecated: use --timeout)', deprecated: 'use --timeout instead' };
}
// flags.SetAnnotation(…, "experimental"|"ostype", …) in docker/cli v28.5.1.
const flagAnnotations: Record<string, Record<string, FlagSpec['annotations']>> = {
  'container run': { 'cpu-count': { ostype: 'windows' }, 'cpu-percent': { ostype: 'windows' }, 'io-maxbandwidth': { ostype: 'windows' }, 'io-maxiops': { ostype: 'windows' } },
  'container create': { 'cpu-count': { ostype: 'windows' }, 'cpu-percent': { ostype: 'windows' }, 'io-maxbandwidth': { ostype: 'windows' }, 'io-maxiops': { ostype: 'windows' } },
  'container start': { checkpoint: { experimental: true, ostype: 'linux' }, 'checkpoint-dir': { experimental: true, ostype: 'linux' } },
  'image build': { squash: { experimental: true } },
};
// flags.SetInterspersed(false) in docker/cli v28.5.1.
const noInterspersed = new Set(['container run', 'container create', 'container exec', 'container commit', 'container top', 'image tag', 'service create']);
// opts.NewListOpts(validator) in docker/cli v28.5.1 container/opts.go.
const containerValidators: Record<string, FlagSpec['validate']> = { attach: 'attach', dns: 'ip-address', 'add-host': 'extra-host', label: 'label' };
const flagValidators: Record<string, Record<string, FlagSpec['validate']>> = { 'container run': containerValidators, 'container create': containerValidators };
const commandAnnotations: Record<string, CommandSpec['annotations']> = { checkpoint: { experimental: true, ostype: 'linux' } };

interface Help { usage: string; desc: string; aliases?: string[]; flags: FlagSpec[]; experimental: boolean; subs: Map<string, string> }

function parseHelp(text: string): Help {
  const lines = text.replace(/^DEPRECATED:[^]*?\n\n/, '').split('\n');
  let i = 0;
  const usage: string[] = [lines[i++].replace(/^Usage: {2}/, '')];
  while (lines[i].startsWith('\t')) usage.push(lines[i++]);
  i++;
  const desc: string[] = [];
  while (i < lines.length && !/^(EXPERIMENTAL|Aliases|Options|Global Options|Examples|[A-Za-z ]*Commands):$/.test(lines[i])) desc.push(lines[i++]);
  const h: Help = { usage: usage.join('\n'), desc: desc.join('\n').trim(), flags: [], experimental: false, subs: new Map() };
  for (; i < lines.length; i++) {
    const line = lines[i];
    if (line === 'EXPERIMENTAL:') h.experimental = true;
    else if (line === 'Aliases:') h.aliases = lines[++i].trim().split(', ').map((a) => a.replace(/^docker /, ''));
    else if (line === 'Options:' || line === 'Global Options:') {
      while (lines[i + 1]?.startsWith('  ')) {
        const m = /^ {2}(?:-(\S), | {4})--([\w-]+)( \S+)? {3,}(.*)$/.exec(lines[++i]);
        if (!m) throw new Error(`bad flag line: ${lines[i]}`);
        const col = lines[i].length - m[4].length;
        const usageLines = [m[4]];
        while (lines[i + 1] && lines[i + 1].length > col && lines[i + 1].slice(0, col).trim() === '') usageLines.push(lines[++i].slice(col));
        h.flags.push(flagOf(m[1], m[2], (m[3] ?? '').trim(), usageLines.join('\n')));
      }
    } else if (/Commands:$/.test(line)) {
      while (lines[i + 1]?.startsWith('  ')) {
        const m = /^ {2}(\S+?)\*? +(.*)$/.exec(lines[++i]);
        if (m) h.subs.set(m[1], m[2]);
      }
    }
  }
  return h;
}

function flagOf(shorthand: string | undefined, name: string, valueName: string, usage: string): FlagSpec {
  const type = typeByValueName[valueName] ?? 'value';
  const f: FlagSpec = { name, type, usage, valueName };
  if (shorthand) f.shorthand = shorthand;
  // pflag appends ` (default %q)` for strings and ` (default %s)` otherwise, only for non-zero defaults.
  const m = type === 'string' ? /^([^]*) \(default "(.*)"\)$/.exec(usage) : /^([^]*) \(default (\S+)\)$/.exec(usage);
  if (m && (type !== 'bool' || m[2] === 'true')) {
    f.usage = m[1];
    f.default = type === 'string' ? JSON.parse(`"${m[2]}"`) : m[2];
  }
  return f;
}

/** Arity from the recorded no-argument and twelve-argument runs. */
function arityOf(file: string): CommandSpec['args'] {
  const text = readFileSync(file, 'utf8');
  if (/accepts no arguments/.test(text)) return { none: true };
  const c = /accepts (\d+) arg\(s\), received/.exec(text);
  if (c) return { exact: +c[1], cobra: true };
  let m = /requires at least (\d+) and at most (\d+) argument/.exec(text);
  if (m) return { min: +m[1], max: +m[2] };
  m = /requires (\d+) argument/.exec(text);
  if (m) return { exact: +m[1] };
  const args: CommandSpec['args'] = {};
  m = /requires at least (\d+) argument/.exec(text);
  if (m) args.min = +m[1];
  m = /requires at most (\d+) argument/.exec(text);
  if (m) args.max = +m[1];
  return args;
}

/**
 * A management command's cobra Use ('image', 'volume COMMAND', 'stack [OPTIONS]'): help
 * never shows it, the unknown-sub-command error does (its "Usage:" is cobra's UseLine).
 */
function groupUse(path: string): string {
  const text = readFileSync(join(here, 'fixtures/arity', `${path.split(' ').join('.')}.txt`), 'utf8');
  const m = new RegExp(`unknown command: docker ${path} a1\\n\\nUsage: {2}docker (.*)\\n`).exec(text);
  if (!m) throw new Error(`no unknown-command usage recorded for ${path}`);
  return m[1].slice(path.length - path.split(' ').at(-1)!.length);
}

const helps = new Map<string, Help>();
for (const f of readdirSync(wideDir)) helps.set(f === '_root.txt' ? '' : f.slice(0, -4).split('.').join(' '), parseHelp(readFileSync(join(wideDir, f), 'utf8')));
const root = helps.get('')!;
const rootText = readFileSync(join(wideDir, '_root.txt'), 'utf8');
const section = (title: string) => new Set([...(rootText.split(`${title}:\n`)[1] ?? '').split('\n\n')[0].matchAll(/^ {2}(\S+)/gm)].map((m) => m[1]));
const common = section('Common Commands');
const swarm = section('Swarm Commands');

const specs = new Map<string, CommandSpec>();
for (const [path, h] of helps) {
  if (path === '') continue;
  const canonical = h.aliases?.[0] ?? path;
  if (canonical !== path) continue; // a second name of a command recorded under its canonical path
  const words = path.split(' ');
  const parent = words.slice(0, -1).join(' ');
  const isGroup = h.subs.size > 0 || /^\S+ COMMAND$/.test(h.usage);
  const short = helps.get(parent)!.subs.get(words.at(-1)!)!;
  const spec: CommandSpec = {
    path,
    use: isGroup ? groupUse(path) : h.usage.replace(`docker ${path}`, words.at(-1)!),
    aliases: [],
    short,
    args: isGroup ? { none: true } : arityOf(join(here, 'fixtures/arity', `${words.join('.')}.txt`)),
    flags: h.flags,
  };
  if (h.desc !== short) spec.long = h.desc;
  for (const alias of (h.aliases ?? []).slice(1)) {
    const aw = alias.split(' ');
    if (aw.length === words.length && aw.slice(0, -1).join(' ') === parent) spec.aliases.push(aw.at(-1)!);
    else if (aw.length === 1 && !spec.topLevel) spec.topLevel = alias;
    else (spec.extraPaths ??= []).push(alias);
  }
  const rootName = spec.topLevel ?? (words.length === 1 ? path : undefined);
  if (rootName) spec.group = common.has(rootName) ? 'common' : swarm.has(rootName) ? 'swarm' : isGroup ? 'management' : 'other';
  if (rootName && topOrder[rootName]) spec.topOrder = topOrder[rootName];
  if (isGroup) spec.isGroup = true;
  if (h.experimental) spec.experimentalCLI = true;
  if (commandAnnotations[path]) spec.annotations = commandAnnotations[path];
  if (noInterspersed.has(path)) spec.noInterspersed = true;
  for (const f of spec.flags) {
    const a = flagAnnotations[path]?.[f.name];
    if (a) f.annotations = a;
    const v = flagValidators[path]?.[f.name];
    if (v) f.validate = v;
  }
  spec.flags.push(...(hiddenFlags[path] ?? []));
  spec.flags.sort((a, b) => (a.name < b.name ? -1 : 1));
  specs.set(path, spec);
}

/**
 * The one help difference between the 28.2.2 oracle and 28.5.1 found in the source diff:
 * since v28.4.0 `-H/--host` is a hostVar (cli/flags/options.go) of Type() "string" that
 * rejects a second -H, where 28.2 had a ListOpts ("list").
 */
function hostFlag28_4(f: FlagSpec): FlagSpec {
  return { ...f, type: 'host', valueName: 'string' };
}

const q = (v: unknown) => JSON.stringify(v);
/** `{ exact: 1, cobra: true }` rather than JSON's quoted keys. */
const obj = (o: object) => (Object.keys(o).length ? `{ ${Object.entries(o).map(([k, v]) => `${k}: ${q(v)}`).join(', ')} }` : '{}');
function flagLiteral(f: FlagSpec): string {
  const parts = [`name: ${q(f.name)}`];
  if (f.shorthand) parts.push(`shorthand: ${q(f.shorthand)}`);
  parts.push(`type: ${q(f.type)}`);
  if (f.valueName !== defaultValueName(f.type)) parts.push(`valueName: ${q(f.valueName)}`);
  if (f.default !== undefined) parts.push(`default: ${q(f.default)}`);
  parts.push(`usage: ${q(f.usage)}`);
  if (f.hidden) parts.push('hidden: true');
  if (f.deprecated) parts.push(`deprecated: ${q(f.deprecated)}`);
  if (f.validate) parts.push(`validate: ${q(f.validate)}`);
  if (f.annotations) parts.push(`annotations: ${obj(f.annotations)}`);
  return `{ ${parts.join(', ')} }`;
}
function specLiteral(s: CommandSpec, shared?: { name: string; flags: Set<string> }): string {
  const out = [`  {`, `    path: ${q(s.path)},`, `    use: ${q(s.use)},`, `    aliases: ${q(s.aliases)},`, `    short: ${q(s.short)},`];
  if (s.long) out.push(`    long: ${q(s.long)},`);
  out.push(`    args: ${obj(s.args)},`);
  for (const k of ['topLevel', 'extraPaths', 'group', 'topOrder', 'isGroup', 'experimentalCLI', 'annotations', 'noInterspersed'] as const) {
    const v = s[k];
    if (v !== undefined) out.push(`    ${k}: ${typeof v === 'object' && !Array.isArray(v) ? obj(v) : q(v)},`);
  }
  const own = s.flags.filter((f) => !shared?.flags.has(flagLiteral(f)));
  const items = own.map((f) => `      ${flagLiteral(f)},`);
  if (shared) out.push(`    flags: sortFlags([`, `      ...${shared.name},`, ...items, `    ]),`);
  else if (items.length) out.push(`    flags: [`, ...items, `    ],`);
  else out.push(`    flags: [],`);
  out.push(`  },`);
  return out.join('\n');
}

const header = (what: string) => `/**
 * ${what}
 * GENERATED by test/cli-command/gen-catalog.ts from the help text of the real Docker CLI
 * 28.2.2 (see capture.sh); re-generate rather than edit. test/cli-command proves help
 * rendered from this table equals the recordings.
 */
`;
function writeCatalog(file: string, exportName: string, what: string, paths: string[], shared?: { name: string; flags: Set<string>; from: string; for: Set<string> }): void {
  const imports = [`import type { CommandSpec } from './spec.ts';`];
  if (shared) imports.push(`import { ${shared.name}, sortFlags } from '${shared.from}';`);
  const body = paths.map((p) => specLiteral(specs.get(p)!, shared?.for.has(p) ? shared : undefined)).join('\n');
  writeFileSync(join(outDir, file), `${header(what)}${imports.join('\n')}\n\n/** ${what} */\nexport const ${exportName}: CommandSpec[] = [\n${body}\n];\n`);
}

// run and create share ~100 container options (docker/cli container/opts.go addFlags).
const run = specs.get('container run')!.flags.map(flagLiteral);
const createFlags = new Set(specs.get('container create')!.flags.map(flagLiteral));
const sharedFlags = new Set(run.filter((l) => createFlags.has(l)));
writeFileSync(join(outDir, 'catalog-container-options.ts'), `${header('Flags shared by `docker container run` and `docker container create` (docker/cli container/opts.go).')}import type { FlagSpec } from './spec.ts';

/** Sorts flags by name like pflag's SortFlags, so shared and own flags interleave as help shows them. */
export function sortFlags(flags: FlagSpec[]): FlagSpec[] {
  return flags.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** The container options (docker/cli container/opts.go) both run and create accept. */
export const containerOptions: FlagSpec[] = [
${[...sharedFlags].map((l) => `  ${l},`).join('\n')}
];
`);

const all = [...specs.keys()];
const top = (p: string) => p.split(' ')[0];
const pick = (names: string[]) => all.filter((p) => names.includes(top(p)));
writeCatalog('catalog-image.ts', 'imageCommands', '`docker image` and its sub-commands.', pick(['image']));
writeCatalog('catalog-container.ts', 'containerCommands', '`docker container` and its sub-commands.', pick(['container']), {
  name: 'containerOptions', flags: sharedFlags, from: './catalog-container-options.ts', for: new Set(['container run', 'container create']),
});
const standalone = all.filter((p) => !p.includes(' ') && !specs.get(p)!.isGroup);
writeCatalog('catalog-system.ts', 'systemCommands', '`docker system` and its sub-commands, and the commands that exist only at top level.', [...pick(['system']), ...standalone]);
const swarmGroups = [...swarm];
writeCatalog('catalog-swarm.ts', 'swarmCommands', 'The Swarm management commands except service (config, node, secret, stack, swarm).', pick(swarmGroups.filter((g) => g !== 'service')));
writeCatalog('catalog-service.ts', 'serviceCommands', '`docker service` and its sub-commands (Swarm).', pick(['service']));
writeCatalog('catalog-other.ts', 'otherCommands', 'The management commands builder, checkpoint, context and manifest.', pick(['builder', 'checkpoint', 'context', 'manifest']));
writeCatalog('catalog-network.ts', 'networkCommands', 'The management commands network, plugin, trust and volume.', pick(['network', 'plugin', 'trust', 'volume']));
const written = new Set(['image', 'container', 'system', ...swarmGroups, 'builder', 'checkpoint', 'context', 'manifest', 'network', 'plugin', 'trust', 'volume']);
const unplaced = all.filter((p) => !written.has(top(p)) && !standalone.includes(p));
if (unplaced.length) throw new Error(`commands without a catalog file: ${unplaced.join(', ')}`);
writeFileSync(join(outDir, 'catalog-root.ts'), `${header('The root command `docker` and its global options (docker/cli cli/flags/options.go).')}import type { CommandSpec } from './spec.ts';

/** The root command: Use, description and the global options listed under "Global Options:". */
export const rootCommand: CommandSpec = {
  path: '',
  // cmd/docker/docker.go newDockerCommand: Use "docker [OPTIONS] COMMAND [ARG...]"; help shows it without [ARG...].
  use: 'docker [OPTIONS] COMMAND [ARG...]',
  aliases: [],
  short: ${q(root.desc)},
  args: {},
  flags: [
${root.flags.map((f) => `    ${flagLiteral(f.name === 'host' ? hostFlag28_4(f) : f)},`).join('\n')}
  ],
};
`);
console.log(`${specs.size} commands`);
