/**
 * Path helpers of the overlay filesystem: absolute POSIX paths outside,
 * relative paths ('' = root, no leading '/') inside, as layer entries name them;
 * and the Node-style errors just-bash's filesystems throw
 * (`ENOENT: no such file or directory, open '/x'`), which its commands turn
 * into the usual messages.
 */

/** A filesystem error with Node's `code` and message shape. */
export class FsError extends Error {
  readonly code: string;
  constructor(code: string, text: string, op: string, path: string) {
    super(`${code}: ${text}, ${op} '${path}'`);
    this.name = 'FsError';
    this.code = code;
  }
}

/** Components of a path, '.' and '' dropped ('..' kept for the resolver). */
export function splitRel(path: string): string[] {
  return path.split('/').filter((p) => p !== '' && p !== '.');
}

/** Lexically normalized relative path: `/a/./b/../c/` → `a/c`. */
export function normalizeRel(path: string): string {
  const out: string[] = [];
  for (const part of splitRel(path)) {
    if (part === '..') out.pop();
    else out.push(part);
  }
  return out.join('/');
}

/** The absolute form of a relative path. */
export function absPath(rel: string): string {
  return '/' + rel;
}

/** Joins a directory and a name in relative form. */
export function joinRel(dir: string, name: string): string {
  return dir === '' ? name : `${dir}/${name}`;
}
