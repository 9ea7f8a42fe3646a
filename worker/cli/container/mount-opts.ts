/**
 * The CLI side of `-v`, `--mount` and `--restart` (docker/cli
 * cli/command/container/opts.go, opts/mount.go, opts.ParseRestartPolicy):
 * a `-v` with a source goes to HostConfig.Binds (a relative host path that
 * starts with `.` made absolute against the working directory), a `-v /path`
 * alone to Config.Volumes; `--mount` is read as CSV `key=value` fields.
 * The daemon validates the rest (engine/containers/mounts.ts).
 */
import type { MountSpec, RestartPolicy } from '../../engine-api/types.ts';
import { CliError, type CommandContext } from '../context.ts';
import { badFlag } from './errors.ts';

/** Where `-v` values go in the create request. */
export interface VolumeFlags {
  binds: string[];
  volumes: Record<string, Record<string, never>>;
}

/** Splits `-v` values as the CLI does (compose loader.ParseVolume decides whether there is a source). */
export function volumeFlags(values: readonly string[], resolve: (path: string) => string): VolumeFlags {
  const binds: string[] = [];
  const volumes: Record<string, Record<string, never>> = {};
  for (const v of values) {
    const colon = v.indexOf(':');
    if (colon < 0) {
      volumes[v] = {};
      continue;
    }
    const host = v.slice(0, colon);
    binds.push(!host.startsWith('/') && host.startsWith('.') ? `${resolve(host)}${v.slice(colon)}` : v);
  }
  return { binds, volumes };
}

/** Splits one CSV record (Go encoding/csv, one line): quoted fields may hold commas. */
function csvFields(value: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < value.length; i++) {
    const ch = value[i]!;
    if (quoted) {
      if (ch === '"' && value[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cur += ch;
    } else if (ch === '"' && cur === '') quoted = true;
    else if (ch === ',') {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

/** Go strconv.ParseBool. */
function parseBool(v: string): boolean | undefined {
  if (['1', 't', 'T', 'true', 'TRUE', 'True'].includes(v)) return true;
  if (['0', 'f', 'F', 'false', 'FALSE', 'False'].includes(v)) return false;
  return undefined;
}

/** Keys of `--mount` that Docker knows but Layerlab does not simulate. */
const UNSIMULATED = new Set(['consistency', 'bind-propagation', 'bind-nonrecursive', 'bind-recursive', 'bind-create-src', 'volume-driver', 'volume-label', 'volume-opt', 'volume-subpath', 'tmpfs-size', 'tmpfs-mode', 'image-subpath']);

/** One `--mount` value as opts.MountOpt.Set reads it; throws docker's flag error. */
export function parseMount(ctx: CommandContext, value: string): MountSpec {
  const fail = (why: string) => badFlag(ctx, '--mount', value, why);
  const m: MountSpec = { Type: 'volume' };
  for (const field of csvFields(value)) {
    const eq = field.indexOf('=');
    const key = (eq < 0 ? field : field.slice(0, eq)).toLowerCase();
    const val = eq < 0 ? undefined : field.slice(eq + 1);
    if (UNSIMULATED.has(key)) throw new CliError(`docker: --mount option ${key} is not simulated in Layerlab yet; run the command without it.`, 125);
    if (val === undefined) {
      if (key === 'readonly' || key === 'ro') m.ReadOnly = true;
      else if (key === 'volume-nocopy') m.VolumeOptions = { NoCopy: true };
      else throw fail(`invalid field '${field}' must be a key=value pair`);
      continue;
    }
    switch (key) {
      case 'type':
        m.Type = val.toLowerCase();
        break;
      case 'source':
      case 'src':
        m.Source = !val.startsWith('/') && val.startsWith('.') ? ctx.io.fs.resolve(val) : val;
        break;
      case 'target':
      case 'dst':
      case 'destination':
        m.Target = val;
        break;
      case 'readonly':
      case 'ro': {
        const b = parseBool(val);
        if (b === undefined) throw fail(`invalid value for ${key}: ${val}`);
        m.ReadOnly = b;
        break;
      }
      case 'volume-nocopy': {
        const b = parseBool(val);
        if (b === undefined) throw fail(`invalid value for volume-nocopy: ${val}`);
        m.VolumeOptions = { NoCopy: b };
        break;
      }
      default:
        throw fail(`unexpected key '${key}' in '${field}'`);
    }
  }
  if (m.Type === '') throw fail('type is required');
  if (!m.Target) throw fail('target is required');
  if (m.VolumeOptions && m.Type !== 'volume') throw fail(`cannot mix 'volume-*' options with mount type '${m.Type}'`);
  // The API omits false and empty fields (omitempty), as inspect shows them.
  if (m.ReadOnly === false) delete m.ReadOnly;
  if (m.VolumeOptions && !m.VolumeOptions.NoCopy) delete m.VolumeOptions;
  return m;
}

/** opts.ParseRestartPolicy: `name[:count]`; the daemon checks the name. */
export function parseRestart(value: string): Partial<RestartPolicy> {
  if (value === '') return { Name: 'no', MaximumRetryCount: 0 };
  const colon = value.indexOf(':');
  const name = colon < 0 ? value : value.slice(0, colon);
  if (colon < 0) return { Name: name as RestartPolicy['Name'], MaximumRetryCount: 0 };
  const count = value.slice(colon + 1);
  if (!/^[+-]?[0-9]+$/.test(count)) throw new Error('invalid restart policy format: maximum retry count must be an integer');
  return { Name: name as RestartPolicy['Name'], MaximumRetryCount: Number(count) };
}
