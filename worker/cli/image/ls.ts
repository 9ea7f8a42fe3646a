/**
 * `docker image ls` / `docker images` (docker/cli cli/command/image/list.go
 * and formatter/image.go): one row per repository and tag, `<none>` rows for
 * dangling images, digests only with --digests, and the ambiguity hint for
 * `docker images ls`.
 */
import type { ImageSummary } from '../../engine/api-types.ts';
import { familiarName, parseNormalizedNamed } from '../../engine/reference.ts';
import type { CommandContext } from '../context.ts';
import { filtersOf } from '../filters.ts';
import { humanDuration } from '../../common/go-duration.ts';
import { FormatError, parseFormat, renderTable } from '../format/format.ts';
import { goTimeString } from '../format/go-time.ts';
import { truncateId } from '../format/stringid.ts';
import { humanSize, humanSizeWithPrecision } from '../../common/go-units.ts';
import { CliError } from '../context.ts';

const CREATED = '{{if .CreatedSince }}{{.CreatedSince}}{{else}}N/A{{end}}';
const DEFAULT_TABLE = `table {{.Repository}}\\t{{.Tag}}\\t{{.ID}}\\t${CREATED}\\t{{.Size}}`;
const DIGEST_TABLE = `table {{.Repository}}\\t{{.Tag}}\\t{{.Digest}}\\t{{.ID}}\\t${CREATED}\\t{{.Size}}`;
const QUIET = '{{.ID}}';

/** formatter/image.go's header map. */
export const IMAGE_HEADERS: Record<string, string> = {
  ID: 'IMAGE ID',
  Repository: 'REPOSITORY',
  Tag: 'TAG',
  Digest: 'DIGEST',
  CreatedSince: 'CREATED',
  CreatedAt: 'CREATED AT',
  Size: 'SIZE',
  Containers: 'CONTAINERS',
  VirtualSize: 'VIRTUAL SIZE',
  SharedSize: 'SHARED SIZE',
  UniqueSize: 'UNIQUE SIZE',
};

/** The image subcommands the ambiguity hint knows (list.go printAmbiguousHint). */
const SUBCOMMANDS = ['build', 'history', 'import', 'inspect', 'list', 'load', 'ls', 'prune', 'pull', 'push', 'rm', 'save', 'tag'];

/** One row's context: a method per column, as docker's imageContext. */
export class ImageRow {
  constructor(
    readonly i: ImageSummary,
    readonly repo: string,
    readonly tag: string,
    readonly digest: string,
    readonly trunc: boolean,
    readonly now: number,
  ) {}
  ID(): string {
    return this.trunc ? truncateId(this.i.Id) : this.i.Id;
  }
  Repository(): string {
    return this.repo;
  }
  Tag(): string {
    return this.tag;
  }
  Digest(): string {
    return this.digest;
  }
  CreatedSince(): string {
    return `${humanDuration(this.now - this.i.Created * 1000)} ago`;
  }
  CreatedAt(): string {
    return goTimeString(this.i.Created * 1000);
  }
  Size(): string {
    return humanSizeWithPrecision(this.i.Size, 3);
  }
  Containers(): string {
    return this.i.Containers === -1 ? 'N/A' : String(this.i.Containers);
  }
  VirtualSize(): string {
    return humanSize(this.i.Size);
  }
  SharedSize(): string {
    return this.i.SharedSize === -1 ? 'N/A' : humanSize(this.i.SharedSize);
  }
  UniqueSize(): string {
    return this.i.SharedSize === -1 ? 'N/A' : humanSize(this.i.Size - this.i.SharedSize);
  }
}

/** formatter/image.go imageFormat: the rows of one image. Repositories in sorted order (Go iterates a map). */
export function imageRows(img: ImageSummary, showDigests: boolean, trunc: boolean, now: number): ImageRow[] {
  const row = (repo: string, tag: string, digest: string) => new ImageRow(img, repo, tag, digest, trunc, now);
  if (img.RepoTags.length === 0 && img.RepoDigests.length === 0) return [row('<none>', '<none>', '<none>')];
  const repoTags = new Map<string, string[]>();
  const repoDigests = new Map<string, string[]>();
  for (const t of img.RepoTags) {
    const ref = parseNormalizedNamed(t);
    const name = familiarName(ref);
    repoTags.set(name, [...(repoTags.get(name) ?? []), ref.tag!]);
  }
  for (const d of img.RepoDigests) {
    const ref = parseNormalizedNamed(d);
    const name = familiarName(ref);
    repoDigests.set(name, [...(repoDigests.get(name) ?? []), ref.digest!]);
  }
  const rows: ImageRow[] = [];
  for (const [repo, tags] of [...repoTags].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const digests = showDigests ? (repoDigests.get(repo) ?? []) : [];
    repoDigests.delete(repo);
    for (const t of tags) {
      if (digests.length === 0) rows.push(row(repo, t, '<none>'));
      else for (const d of digests) rows.push(row(repo, t, d));
    }
  }
  for (const [repo, digests] of [...repoDigests].sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (showDigests) for (const d of digests) rows.push(row(repo, '<none>', d));
    else rows.push(row(repo, '<none>', ''));
  }
  return rows;
}

/** Runs `docker image ls`. */
export async function ls(ctx: CommandContext): Promise<number> {
  const quiet = ctx.flags.get<boolean>('quiet');
  const digests = ctx.flags.get<boolean>('digests');
  const noTrunc = ctx.flags.get<boolean>('no-trunc');
  const formatFlag = ctx.flags.get<string>('format');
  if (ctx.flags.get<boolean>('tree')) throw new CliError('"--tree" requires the containerd image store');
  const filters = filtersOf(ctx.flags.get<string[]>('filter'));
  const match = ctx.args[0];
  if (match !== undefined) (filters.reference ??= []).push(match);

  const images = await ctx.engine.imageList({ all: ctx.flags.get<boolean>('all'), filters });
  // NewImageFormat: `table` (or no format) picks quiet, digest or the default table.
  const source = formatFlag === '' || formatFlag === 'table' ? (quiet ? QUIET : digests ? DIGEST_TABLE : DEFAULT_TABLE) : formatFlag;
  const format = parseFormat(source, DEFAULT_TABLE);
  const now = ctx.engine.now();
  const rows = images.flatMap((img) => imageRows(img, digests, !noTrunc, now));
  try {
    ctx.out(renderTable(format, rows, IMAGE_HEADERS, { typeName: '*formatter.imageContext' }));
  } catch (err) {
    if (err instanceof FormatError) throw new CliError(err.message);
    throw err;
  }
  if (match !== undefined && images.length === 0 && ctx.invokedAs === 'docker images' && SUBCOMMANDS.includes(match)) {
    ctx.err(`\nNo images found matching "${match}": did you mean "docker image ${match}"?\n`);
  }
  return 0;
}
