/**
 * The build context as docker/cli sends it (cli/command/image/build.go):
 * the context directory checked first (`unable to prepare context: path
 * "x" not found`), the Dockerfile located (`-f` relative to the current
 * directory, default `<context>/Dockerfile`), then the directory packed as
 * an uncompressed tar (archive.TarWithOptions: walk order, no entry for the
 * root, owner forced to 0:0, .dockerignore exclusions applied, the
 * Dockerfile and .dockerignore always kept).
 */
import type { Entry } from '../../engine/layer/entry.ts';
import { tarBytes } from '../../engine/layer/tar-write.ts';
import type { CliFs } from '../io.ts';
import { CliError } from '../context.ts';
import { IgnoreMatcher, readIgnoreFile } from './dockerignore.ts';

/** What the CLI sends to the daemon. */
export interface PreparedContext {
  tar: Uint8Array;
  /** The Dockerfile's path inside the context, or undefined when it lives outside (sent as text). */
  dockerfile: string;
  dockerfileText?: string;
}

/** A prepare-context error, printed as each builder's CLI prints it. */
export class PrepareError extends CliError {}

function relTo(base: string, path: string): string | undefined {
  if (path === base) return '';
  const b = base.endsWith('/') ? base : base + '/';
  return path.startsWith(b) ? path.slice(b.length) : undefined;
}

/** Packs the context directory; `dockerfileFlag` is `-f` as given ('' for the default). */
export async function prepareContext(fs: CliFs, contextArg: string, dockerfileFlag: string, legacy: boolean, dockerfileFromStdin = false): Promise<PreparedContext> {
  const dir = fs.resolve(contextArg);
  if (!(await fs.exists(dir)) || (await fs.stat(dir)).type !== 'directory') throw new PrepareError(`unable to prepare context: path "${contextArg}" not found`);
  const dfPath = dockerfileFlag ? fs.resolve(dockerfileFlag) : `${dir.replace(/\/$/, '')}/Dockerfile`;
  const rel = relTo(dir, dfPath);
  let dockerfileText: string | undefined;
  if (dockerfileFromStdin) {
    // The Dockerfile is read from stdin; a file of that name in the context is sent like any other.
  } else if (!(await fs.exists(dfPath))) {
    // filepath.EvalSymlinks stops at the first path component that does not exist.
    let missing = dfPath;
    const parts = dfPath.split('/');
    for (let i = 2; i <= parts.length; i++) {
      const prefix = parts.slice(0, i).join('/');
      if (!(await fs.exists(prefix))) {
        missing = prefix;
        break;
      }
    }
    if (legacy) throw new PrepareError(`unable to prepare context: unable to evaluate symlinks in Dockerfile path: lstat ${missing}: no such file or directory`);
  } else if (rel === undefined) dockerfileText = new TextDecoder().decode(await fs.readFile(dfPath));
  let patterns: string[] = [];
  if (await fs.exists(`${dir}/.dockerignore`)) patterns = readIgnoreFile(new TextDecoder().decode(await fs.readFile(`${dir}/.dockerignore`)));
  // build.TrimBuildFilesFromExcludes: the Dockerfile and .dockerignore are always sent.
  const keep = new Set(['.dockerignore', ...(rel ? [rel] : [])]);
  const matcher = new IgnoreMatcher(patterns);
  const entries: Entry[] = [];
  const walk = async (abs: string, relDir: string): Promise<void> => {
    for (const name of await fs.readdir(abs)) {
      const path = relDir ? `${relDir}/${name}` : name;
      const full = `${abs}/${name}`;
      const st = await fs.stat(full);
      const excluded = !keep.has(path) && matcher.excludes(path);
      if (excluded && (st.type !== 'directory' || !matcher.hasExceptions)) continue;
      const mtime = Math.floor(st.mtime.getTime() / 1000);
      const base = { path, mode: st.mode, uid: 0, gid: 0, mtime, size: 0 };
      if (st.type === 'directory') {
        if (!excluded) entries.push({ ...base, type: 'dir' });
        await walk(full, path);
      } else if (st.type === 'symlink') entries.push({ ...base, type: 'symlink', linkname: await fs.readlink(full) });
      else {
        const bytes = await fs.readFile(full);
        entries.push({ ...base, type: 'file', size: bytes.length, content: { kind: 'bytes', bytes } });
      }
    }
  };
  await walk(dir.replace(/\/$/, '') || '/', '');
  return { tar: tarBytes(entries), dockerfile: rel ?? (dockerfileFlag ? dockerfileFlag.split('/').pop()! : 'Dockerfile'), ...(dockerfileText !== undefined ? { dockerfileText } : {}) };
}
