/**
 * `GET /images/{name}/json` as Docker 28.5 (API 1.51, classic overlay2 store)
 * returns it: Parent/Comment/DockerVersion/Author kept, no Container or
 * ContainerConfig (gone since API 1.45), and Config re-assembled as a map
 * with alphabetical keys that always holds Cmd, Entrypoint, Env, Labels,
 * OnBuild, User, Volumes and WorkingDir, emitted last because of Go struct
 * embedding (docker-reference §6).
 */
import { digestOf } from '../digest.ts';
import { encodeUtf8 } from '../layer/utf8.ts';
import type { ImageConfig } from '../image-config.ts';
import { familiarString, parseStored } from '../reference.ts';
import type { EngineState, ImageRecord } from '../state.ts';
import { chainIds } from './chain.ts';
import { referencesTo } from './lookup.ts';
import { imageSize } from './size.ts';

/** Go's zero time, which Docker prints for images never tagged locally. */
export const ZERO_TIME = '0001-01-01T00:00:00Z';



/** The inspect object of an image, keys in the daemon's order. */
export function inspectImage(state: EngineState, image: ImageRecord): Record<string, unknown> {
  const refs = referencesTo(state, image.id).map(parseStored);
  const cfg = image.config;
  const history = cfg.history ?? [];
  const out: Record<string, unknown> = {
    Id: image.id,
    RepoTags: refs.filter((r) => r.tag !== undefined).map(familiarString),
    RepoDigests: refs.filter((r) => r.digest !== undefined).map(familiarString),
    Parent: image.parent,
    // moby image_inspect.go: the image comment, else the last history entry's.
    Comment: cfg.comment || (history.length > 0 ? history[history.length - 1]!.comment ?? '' : ''),
  };
  if (cfg.created) out.Created = cfg.created;
  out.DockerVersion = cfg.docker_version ?? image.dockerVersion ?? '';
  out.Author = cfg.author ?? '';
  out.Architecture = cfg.architecture;
  if (cfg.variant) out.Variant = cfg.variant;
  out.Os = cfg.os;
  if (cfg['os.version']) out.OsVersion = cfg['os.version'];
  out.Size = imageSize(state, image);
  out.GraphDriver = graphDriver(cfg.rootfs.diff_ids);
  out.RootFS = { Type: 'layers', Layers: [...cfg.rootfs.diff_ids] };
  out.Metadata = { LastTagTime: image.lastTagTime ?? ZERO_TIME };
  out.Config = configMap(cfg);
  return out;
}

/** The 28.3+ Config map: fixed keys plus the optional ones that are set, alphabetical. */
function configMap(cfg: ImageConfig): Record<string, unknown> {
  const c = cfg.config ?? {};
  const map: Record<string, unknown> = {
    Cmd: c.Cmd ?? null,
    Entrypoint: c.Entrypoint ?? null,
    Env: c.Env ?? null,
    Labels: c.Labels ?? null,
    OnBuild: c.OnBuild ?? null,
    User: c.User ?? '',
    Volumes: c.Volumes ?? null,
    WorkingDir: c.WorkingDir ?? '',
  };
  if (c.ArgsEscaped) map.ArgsEscaped = true;
  if (c.ExposedPorts) map.ExposedPorts = c.ExposedPorts;
  if (c.StopSignal) map.StopSignal = c.StopSignal;
  if (c.Healthcheck) map.Healthcheck = c.Healthcheck;
  if (c.Shell) map.Shell = c.Shell;
  return Object.fromEntries(Object.entries(map).sort(([a], [b]) => (a < b ? -1 : 1)));
}

/**
 * overlay2's GraphDriver data. Real cache IDs are random per layer; ours are
 * derived from the ChainID so a layer's directory is stable across reloads.
 */
function graphDriver(diffIds: readonly string[]): Record<string, unknown> {
  const root = '/var/lib/docker/overlay2';
  const dirs = chainIds(diffIds).map((c) => `${root}/${digestOf(encodeUtf8(`cache ${c}`)).slice(7)}`);
  const top = dirs[dirs.length - 1];
  const data: Record<string, string> = {};
  if (dirs.length > 1) data.LowerDir = dirs.slice(0, -1).reverse().map((d) => `${d}/diff`).join(':');
  if (top) {
    data.MergedDir = `${top}/merged`;
    data.UpperDir = `${top}/diff`;
    data.WorkDir = `${top}/work`;
  }
  return { Data: top ? data : null, Name: 'overlay2' };
}
