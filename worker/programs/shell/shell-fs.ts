/**
 * The view of the container filesystem that the just-bash interpreter gets. It is the
 * container's filesystem with two additions the interpreter needs to hand commands to
 * us: just-bash runs a registered command only when it finds it as /bin/<name> or
 * /usr/bin/<name>, and runs any other executable it finds on PATH as a bash script
 * (reading it with readFile). So:
 * - a simulated executable (exec marker) read as a script reads as one line that calls
 *   our dispatcher with the path: `/usr/bin/__layerlab_exec "$0" "$@"`;
 * - that dispatcher path (and the tail-call one) exists (and only for exists/stat), as do the shell builtins
 *   just-bash treats as commands (echo, printf, pwd, true, false), which ash and bash
 *   have built in, so deleting /bin/echo does not break echo.
 * Everything else (and every command's own file access) goes to the container as is.
 */
import type { FsStat, IFileSystem } from 'just-bash';
import { programOf } from '../../engine/layer/exec-marker.ts';
import { readPrefix } from '../resolve.ts';

/** The dispatcher's path inside the interpreter's view. */
export const DISPATCHER = '/usr/bin/__layerlab_exec';
/** The command a script's `exec cmd` becomes (run-shell.ts), so the program runs after the script's output is out. */
export const TAILCALL = '/usr/bin/__layerlab_tailcall';
/** Names both ash and bash run as builtins but just-bash looks up as commands. */
export const SHELL_BUILTINS = ['echo', 'printf', 'pwd', 'true', 'false'];
/** Builtins of ash, dash and bash that just-bash lacks; dispatch.ts defines them (and the view shows them as /bin/<name>). */
export const OWN_BUILTINS = ['umask', 'trap'];

const FAKE = new Set([DISPATCHER, TAILCALL, ...[...SHELL_BUILTINS, ...OWN_BUILTINS].map((n) => `/bin/${n}`)]);
// /dev/null is the kernel's device in every container (Docker mounts /dev); redirections
// to it must not create a file in the container's writable layer.
const NULL = '/dev/null';
const NULL_STAT: FsStat = { isFile: true, isDirectory: false, isSymbolicLink: false, mode: 0o20666, size: 0, mtime: new Date(0) };
const FAKE_STAT: FsStat = { isFile: true, isDirectory: false, isSymbolicLink: false, mode: 0o100755, size: 0, mtime: new Date(0) };

/**
 * Wraps `fs` for the interpreter (see the module comment). A delegating object, not a
 * Proxy or subclass: just-bash writes stub files for its commands into /bin and
 * /usr/bin of anything that is an InMemoryFs, which would overwrite the container's
 * executables.
 */
export function interpreterFs(fs: IFileSystem): IFileSystem {
  const view: IFileSystem = {
    readFile: async (path, options) => {
      if (path === NULL) return '';
      if (options === undefined && (await isMarked(fs, path))) return `${DISPATCHER} "$0" "$@"\n`;
      const text = await fs.readFile(path, options);
      return options === undefined ? withoutNounset(text) : text;
    },
    readFileBuffer: async (path) => (path === NULL ? new Uint8Array(0) : fs.readFileBuffer(path)),
    writeFile: async (path, content, options) => (path === NULL ? undefined : fs.writeFile(path, content, options)),
    appendFile: async (path, content, options) => (path === NULL ? undefined : fs.appendFile(path, content, options)),
    exists: async (path) => path === NULL || FAKE.has(path) || (await fs.exists(path)),
    stat: async (path) => {
      if (path === NULL) return NULL_STAT;
      try {
        return await fs.stat(path);
      } catch (e) {
        if (FAKE.has(path)) return FAKE_STAT;
        throw e;
      }
    },
    mkdir: (path, options) => fs.mkdir(path, options),
    readdir: (path) => fs.readdir(path),
    rm: (path, options) => fs.rm(path, options),
    cp: (src, dest, options) => fs.cp(src, dest, options),
    mv: (src, dest) => fs.mv(src, dest),
    resolvePath: (base, path) => fs.resolvePath(base, path),
    getAllPaths: () => fs.getAllPaths(),
    chmod: (path, mode) => fs.chmod(path, mode),
    symlink: (target, linkPath) => fs.symlink(target, linkPath),
    link: (existing, newPath) => fs.link(existing, newPath),
    readlink: (path) => fs.readlink(path),
    lstat: (path) => fs.lstat(path),
    realpath: (path) => fs.realpath(path),
    utimes: (path, atime, mtime) => fs.utimes(path, atime, mtime),
  };
  if (fs.readFileBytes) view.readFileBytes = async (path) => (path === NULL ? ('' as unknown as Awaited<ReturnType<NonNullable<IFileSystem['readFileBytes']>>>) : fs.readFileBytes!(path));
  if (fs.readdirWithFileTypes) view.readdirWithFileTypes = (path) => fs.readdirWithFileTypes!(path);
  return view;
}

/**
 * Works around a just-bash 3.4.2 bug: under `set -u`, `[ "${X:-}" ]` fails with
 * "X: unbound variable" although `:-` makes an unset X legal (POSIX). The images'
 * entrypoint hooks (nginx's 15-local-resolvers.envsh, 30-tune-worker-processes.sh) rely
 * on it, so scripts the shell reads run with -u dropped from their `set` lines.
 */
export function withoutNounset(script: string): string {
  // Options are letters of either case (mongo's entrypoint: `set -Eeuo pipefail`).
  return script.replace(/^(\s*set\s+-[A-Za-z]*)u([A-Za-z]*)\b/gm, (_m, a: string, b: string) => (a + b === 'set -' || /^\s*set\s+-$/.test(a + b) ? `${a.replace(/-[A-Za-z]*$/, '')}+u` : a + b));
}

async function isMarked(fs: IFileSystem, path: string): Promise<boolean> {
  try {
    return programOf(await readPrefix(fs, path)) !== undefined;
  } catch {
    return false;
  }
}
