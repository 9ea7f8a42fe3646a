/**
 * A container's mounts as the daemon registers them at create
 * (moby daemon/volumes.go registerMountPoints, volume/mounts/linux_parser.go):
 * the image's and `-v /path` anonymous volumes (Config.Volumes), `-v` binds
 * (HostConfig.Binds: `source:target[:mode]`, a source that is an absolute
 * path being a bind, anything else a volume name) and `--mount` specs
 * (HostConfig.Mounts). Named volumes that do not exist yet are created;
 * errors are the daemon's words (recorded from Engine 26.1).
 */
import { EngineError } from '../errors.ts';
import type { Draft } from '../state.ts';
import { createVolume, mountpointOf } from '../volumes/volumes.ts';
import type { MountSpec } from '../../engine-api/types.ts';
export type { MountSpec };

/** One mount of a container as stored. */
export type ContainerMount = {
  type: 'volume' | 'bind' | 'tmpfs';
  /** The volume's name (volumes). */
  name?: string;
  /** The host path (binds). */
  source?: string;
  /** Absolute path in the container. */
  target: string;
  mode: string;
  rw: boolean;
  /** Don't fill an empty volume from the image (`nocopy`, `volume-nocopy`). */
  nocopy?: boolean;
  /** Made for this container (`-v /path`, `--mount` without source, an image VOLUME): `rm -v` and `--rm` remove it. */
  anonymous?: boolean;
  /** A `--tmpfs` mount: in HostConfig.Tmpfs only, not in inspect's Mounts (a `--mount type=tmpfs` is listed). */
  unlisted?: boolean;
  /** tmpfs options as given (`mode=1770,size=64m`). */
  options?: string;
};

/** What inspect shows for a mount (types.MountPoint), keys in the API's order. */
export function mountPointJson(m: ContainerMount): Record<string, unknown> {
  if (m.type === 'tmpfs') return { Type: 'tmpfs', Source: '', Destination: m.target, Mode: '', RW: m.rw, Propagation: '' };
  if (m.type === 'bind') return { Type: 'bind', Source: m.source, Destination: m.target, Mode: m.mode, RW: m.rw, Propagation: 'rprivate' };
  return { Type: 'volume', Name: m.name, Source: mountpointOf(m.name!), Destination: m.target, Driver: 'local', Mode: m.mode, RW: m.rw, Propagation: '' };
}

const MODES = new Set(['rw', 'ro', 'z', 'Z', 'nocopy', 'shared', 'rshared', 'slave', 'rslave', 'private', 'rprivate', 'consistent', 'cached', 'delegated']);

/** linuxValidMountMode: comma-separated flags, at most one of each kind. */
function validMode(mode: string): boolean {
  if (mode === '') return true;
  const kinds = new Map<string, number>();
  const kind = (m: string): string =>
    m === 'rw' || m === 'ro' ? 'rw' : m === 'z' || m === 'Z' ? 'label' : m === 'nocopy' ? 'copy' : ['consistent', 'cached', 'delegated'].includes(m) ? 'consistency' : 'propagation';
  for (const m of mode.split(',')) {
    if (!MODES.has(m)) return false;
    const k = kind(m);
    kinds.set(k, (kinds.get(k) ?? 0) + 1);
    if (kinds.get(k)! > 1) return false;
  }
  return true;
}

const invalidSpec = (raw: string) => `invalid volume specification: '${raw}'`;
const mountConfig = (type: string, why: string) => `invalid mount config for type "${type}": ${why}`;

/** The target checks of validateMountConfig; returns the reason or undefined. */
function targetProblem(target: string | undefined): string | undefined {
  if (!target) return 'field Target must not be empty';
  if (target === '/') return "invalid specification: destination can't be '/'";
  if (!target.startsWith('/')) return `invalid mount path: '${target}' mount path must be absolute`;
  return undefined;
}

/** Lexically cleaned absolute path (Go filepath.Clean). */
export function cleanPath(p: string): string {
  const out: string[] = [];
  for (const part of p.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') out.pop();
    else out.push(part);
  }
  return '/' + out.join('/');
}

/**
 * The mounts of a new container, in the daemon's order: Config.Volumes not
 * covered by a bind, then Binds, then Mounts. Creates the volumes they name
 * (or anonymous ones) in the draft.
 */
export function registerMounts(
  draft: Draft,
  req: { volumes: readonly string[]; binds: readonly string[]; mounts: readonly MountSpec[]; tmpfs?: Readonly<Record<string, string>> },
  now: number,
  random: () => number,
): ContainerMount[] {
  const out: ContainerMount[] = [];
  const taken = new Set<string>();
  const add = (m: ContainerMount): void => {
    const target = cleanPath(m.target);
    if (taken.has(target)) throw new EngineError('InvalidParameter', `Duplicate mount point: ${target}`);
    taken.add(target);
    out.push({ ...m, target });
  };
  const parsedBinds = req.binds.map(parseBind);
  const parsedMounts = req.mounts.map(parseMountSpec);
  const parsedTmpfs = Object.entries(req.tmpfs ?? {}).map(([target, options]): ContainerMount => {
    const problem = targetProblem(target);
    if (problem) throw new EngineError('InvalidParameter', problem);
    return { type: 'tmpfs', target, mode: '', rw: !options.split(',').includes('ro'), unlisted: true, ...(options ? { options } : {}) };
  });
  const explicit = new Set([...parsedBinds, ...parsedMounts, ...parsedTmpfs].map((m) => cleanPath(m.target)));
  for (const m of [...parsedBinds, ...parsedMounts, ...parsedTmpfs]) {
    if (m.type === 'volume') {
      const v = createVolume(draft, m.name ? { name: m.name } : {}, now, random);
      add({ ...m, name: v.name, ...(m.name ? {} : { anonymous: true }) });
    } else add(m);
  }
  // Listed last: inspect's order is a Go map's (random); this is the order Engine 26.1 showed for `-v v:/a -v /h:/b -v /c`.
  for (const target of req.volumes) {
    if (explicit.has(cleanPath(target))) continue;
    const problem = targetProblem(target);
    if (problem) throw new EngineError('InvalidParameter', `${invalidSpec(target)}: ${mountConfig('volume', problem)}`);
    const v = createVolume(draft, {}, now, random);
    add({ type: 'volume', name: v.name, target, mode: '', rw: true, anonymous: true });
  }
  return out;
}

/** ParseMountRaw for one `-v` value that has a source (`src:dst[:mode]`). */
export function parseBind(raw: string): ContainerMount {
  const parts = raw.split(':');
  let source: string;
  let target: string;
  let mode = '';
  if (parts.length === 2) {
    if (validMode(parts[1]!)) throw new EngineError('InvalidParameter', invalidSpec(raw));
    [source, target] = parts as [string, string];
  } else if (parts.length === 3) [source, target, mode] = parts as [string, string, string];
  else throw new EngineError('InvalidParameter', invalidSpec(raw));
  if (!validMode(mode)) throw new EngineError('InvalidParameter', `invalid mode: ${mode}`);
  const flags = mode.split(',');
  const rw = !flags.includes('ro');
  const type = source.startsWith('/') ? 'bind' : 'volume';
  const problem = targetProblem(target) ?? (type === 'bind' && source === '' ? 'field Source must not be empty' : undefined);
  if (problem) throw new EngineError('InvalidParameter', `${invalidSpec(raw)}: ${mountConfig(type, problem)}`);
  if (type === 'bind') return { type, source: cleanPath(source), target, mode, rw };
  // setBindModeIfNull: a named local volume without a mode is labelled "z".
  return { type, name: source, target, mode: mode || 'z', rw, ...(flags.includes('nocopy') ? { nocopy: true } : {}) };
}

/** validateMountConfig for one `--mount` spec. */
export function parseMountSpec(spec: MountSpec): ContainerMount {
  const type = spec.Type;
  if (type !== 'bind' && type !== 'volume' && type !== 'tmpfs') {
    if (type === 'npipe' || type === 'cluster' || type === 'image') {
      throw new EngineError('InvalidParameter', `mounts of type "${type}" are not simulated in Layerlab yet; use type=volume, bind or tmpfs`);
    }
    throw new EngineError('InvalidParameter', mountConfig(type, 'mount type unknown'));
  }
  const problem = targetProblem(spec.Target);
  if (problem) throw new EngineError('InvalidParameter', mountConfig(type, problem));
  const rw = !spec.ReadOnly;
  if (type === 'tmpfs') {
    if (spec.Source) throw new EngineError('InvalidParameter', mountConfig(type, 'field Source must not be specified'));
    return { type, target: spec.Target!, mode: '', rw };
  }
  if (type === 'bind') {
    if (!spec.Source) throw new EngineError('InvalidParameter', mountConfig(type, 'field Source must not be empty'));
    if (!spec.Source.startsWith('/')) throw new EngineError('InvalidParameter', mountConfig(type, `invalid mount path: '${spec.Source}' mount path must be absolute`));
    return { type, source: cleanPath(spec.Source), target: spec.Target!, mode: '', rw };
  }
  const m: ContainerMount = { type, target: spec.Target!, mode: 'z', rw };
  if (spec.Source) m.name = spec.Source;
  if (spec.VolumeOptions?.NoCopy) m.nocopy = true;
  return m;
}
