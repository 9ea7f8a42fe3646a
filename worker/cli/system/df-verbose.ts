/**
 * `docker system df -v` (docker/cli formatter/disk_usage.go verboseWrite):
 * with the default format (`table`), four tables, each with its own
 * default columns: images (the first tag only, SHARED SIZE and UNIQUE SIZE),
 * containers (as `ps -a -s` shows them, without the virtual size), local
 * volumes and build cache records (oldest use first, after the `Build cache
 * usage:` line). Any other format is one template run against the whole
 * (`.Images`, `.Containers`, `.Volumes`, `.BuildCache`; type
 * `*formatter.diskUsageContext`), without a trailing newline, so `table …`
 * has no `.Type` to show. Recorded from CLI 28.2.2 against Engine 26.1
 * (golden scenario system-df-verbose).
 */
import type { DiskUsage, DfCache } from '../../engine-api/types.ts';
import { familiarName, parseNormalizedNamed } from '../../engine/reference.ts';
import { CONTAINER_HEADERS, ContainerRow } from '../container/ls.ts';
import { IMAGE_HEADERS, ImageRow } from '../image/ls.ts';
import { humanDuration } from '../../common/go-duration.ts';
import { contextJson, FormatError, parseFormat, renderTable, TABLE_FORMAT_KEY } from '../format/format.ts';
import { goTimeString } from '../format/go-time.ts';
import { GoStruct } from '../format/go-value.ts';
import { truncateId } from '../format/stringid.ts';
import { parseTemplate, TemplateError } from '../format/template/index.ts';
import { humanSize, humanSizeWithPrecision } from '../../common/go-units.ts';

const IMAGES_TABLE = 'table {{.Repository}}\\t{{.Tag}}\\t{{.ID}}\\t{{.CreatedSince}}\\t{{.Size}}\\t{{.SharedSize}}\\t{{.UniqueSize}}\\t{{.Containers}}';
const CONTAINERS_TABLE = 'table {{.ID}}\\t{{.Image}}\\t{{.Command}}\\t{{.LocalVolumes}}\\t{{.Size}}\\t{{.RunningFor}}\\t{{.Status}}\\t{{.Names}}';
const VOLUMES_TABLE = 'table {{.Name}}\\t{{.Links}}\\t{{.Size}}';
const CACHE_TABLE = 'table {{.ID}}\\t{{.CacheType}}\\t{{.Size}}\\t{{.CreatedSince}}\\t{{.LastUsedSince}}\\t{{.UsageCount}}\\t{{.Shared}}';

const VOLUME_HEADERS: Record<string, string> = { Name: 'VOLUME NAME', Links: 'LINKS', Size: 'SIZE' };
const CACHE_HEADERS: Record<string, string> = {
  ID: 'CACHE ID', Parent: 'PARENT', CacheType: 'CACHE TYPE', Size: 'SIZE', CreatedSince: 'CREATED', LastUsedSince: 'LAST USED', UsageCount: 'USAGE', InUse: 'IN USE', Shared: 'SHARED', Description: 'DESCRIPTION',
};

/**
 * A build cache record's context (formatter.buildCacheContext). BuildKit's
 * record IDs are 25 random base-36 characters; the simulator's records are
 * its held layers, so the ID is derived from the layer's ChainID.
 */
class BuildCacheRow {
  readonly #id: string;
  constructor(
    readonly v: DfCache,
    readonly trunc: boolean,
    readonly now: number,
  ) {
    this.#id = cacheId(v.id);
  }
  ID(): string {
    const id = this.trunc ? truncateId(this.#id) : this.#id;
    return this.v.inUse ? `${id}*` : id;
  }
  Parent(): string {
    return '';
  }
  CacheType(): string {
    return 'regular';
  }
  Description(): string {
    return '';
  }
  Size(): string {
    return humanSizeWithPrecision(this.v.size, 3);
  }
  CreatedAt(): string {
    return goTimeString(this.v.createdAt);
  }
  CreatedSince(): string {
    return `${humanDuration(this.now - this.v.createdAt)} ago`;
  }
  LastUsedAt(): string {
    return goTimeString(this.v.lastUsedAt);
  }
  LastUsedSince(): string {
    return `${humanDuration(this.now - this.v.lastUsedAt)} ago`;
  }
  UsageCount(): string {
    return String(this.v.usage);
  }
  InUse(): string {
    return String(this.v.inUse);
  }
  Shared(): string {
    return String(this.v.shared);
  }
}

/** 25 base-36 characters from a `sha256:` ChainID, the shape of BuildKit's identity.NewID(). */
function cacheId(chainId: string): string {
  let n = BigInt('0x' + chainId.replace(/^sha256:/, ''));
  let out = '';
  for (let i = 0; i < 25; i++) {
    out += (n % 36n).toString(36);
    n /= 36n;
  }
  return out;
}

/** The rows of the four tables; `trunc` as the format is a table or not. */
function contexts(du: DiskUsage, trunc: boolean, now: number) {
  const images = du.images.map((img) => {
    const i = img.summary;
    let repo = '<none>';
    let tag = '<none>';
    // Only the first tag, and none for a dangling image (formatter isDangling).
    const first = i.RepoTags[0];
    if (first !== undefined && first !== '<none>:<none>') {
      const ref = parseNormalizedNamed(first);
      if (ref.tag !== undefined) {
        repo = familiarName(ref);
        tag = ref.tag;
      }
    }
    return new ImageRow(i, repo, tag, '', trunc, now);
  });
  // The virtual size is not shown (verboseWrite zeroes SizeRootFs).
  const containers = du.summaries.map((c) => new ContainerRow({ ...c, SizeRootFs: 0 }, trunc, now));
  const cache = [...du.buildCache].sort((a, b) => a.lastUsedAt - b.lastUsedAt || (cacheId(a.id) < cacheId(b.id) ? -1 : 1)).map((c) => new BuildCacheRow(c, trunc, now));
  return { images, containers, volumes: [] as object[], cache };
}

/** Renders `docker system df -v` with the `--format` value given ('' = table). */
export function verboseDf(du: DiskUsage, format: string, now: number): string {
  if (format === '' || format === TABLE_FORMAT_KEY) {
    const { images, containers, volumes, cache } = contexts(du, true, now);
    const section = (table: string, rows: readonly object[], headers: Record<string, string>, typeName: string) => renderTable(parseFormat(table, table), rows, headers, { typeName });
    return (
      'Images space usage:\n\n' +
      section(IMAGES_TABLE, images, IMAGE_HEADERS, '*formatter.imageContext') +
      '\nContainers space usage:\n\n' +
      section(CONTAINERS_TABLE, containers, CONTAINER_HEADERS, '*formatter.ContainerContext') +
      '\nLocal Volumes space usage:\n\n' +
      section(VOLUMES_TABLE, volumes, VOLUME_HEADERS, '*formatter.volumeContext') +
      `\nBuild cache usage: ${humanSize(du.builderSize)}\n\n` +
      section(CACHE_TABLE, cache, CACHE_HEADERS, '*formatter.buildCacheContext')
    );
  }
  const { images, containers, volumes, cache } = contexts(du, false, now);
  const wrap = (rows: readonly object[], typeName: string) => rows.map((r) => new GoStruct(r, typeName, () => contextJson(r)));
  const whole = {
    Images: wrap(images, '*formatter.imageContext'),
    Containers: wrap(containers, '*formatter.ContainerContext'),
    Volumes: wrap(volumes, '*formatter.volumeContext'),
    BuildCache: wrap(cache, '*formatter.buildCacheContext'),
  };
  const list = (rows: readonly object[]) => `[${rows.map(contextJson).join(',')}]`;
  const json = () => `{"Images":${list(images)},"Containers":${list(containers)},"Volumes":${list(volumes)},"BuildCache":${list(cache)}}`;
  const parsed = parseFormat(format, format);
  let tmpl;
  try {
    tmpl = parseTemplate(parsed.template);
  } catch (e) {
    throw e instanceof TemplateError ? new FormatError(e) : e;
  }
  // tmpl.Execute's error is returned as is: no `template parsing error:` prefix.
  return tmpl.execute(new GoStruct(whole, '*formatter.diskUsageContext', json));
}
