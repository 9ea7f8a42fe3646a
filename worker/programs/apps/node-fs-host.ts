/**
 * The host side of node's `fs` (node-shim.ts): one synchronous call, `fs(op, json)`,
 * answered from the script's MirrorFs. Contents cross the QuickJS boundary as
 * "binary strings" (one char per byte), which the shim turns into a Buffer or decodes
 * as UTF-8. Answers are JSON: `{"v": value}` or `{"e": {code, errno, syscall, path, message}}`.
 */
import { FsCallError, type MirrorFs } from './mirror-fs.ts';

const binary = (bytes: Uint8Array): string => {
  let s = '';
  for (let i = 0; i < bytes.length; i += 8192) s += String.fromCharCode(...bytes.subarray(i, i + 8192));
  return s;
};
const bytesOf = (s: string): Uint8Array => Uint8Array.from(s, (c) => c.charCodeAt(0) & 0xff);

/** Runs one fs operation for the shim. */
export function fsCall(fs: MirrorFs, op: string, json: string): string {
  const a = JSON.parse(json) as { path: string; to?: string; data?: string; recursive?: boolean; force?: boolean; follow?: boolean };
  try {
    const v = ((): unknown => {
      switch (op) {
        case 'read': return binary(fs.readFile(a.path));
        case 'write': return fs.writeFile(a.path, bytesOf(a.data ?? '')), null;
        case 'append': return fs.writeFile(a.path, bytesOf(a.data ?? ''), true), null;
        case 'exists': return fs.exists(a.path);
        case 'stat': return fs.stat(a.path, a.follow !== false);
        case 'readdir': return fs.readdir(a.path);
        case 'mkdir': return fs.mkdir(a.path, a.recursive === true), null;
        case 'rm': return fs.rm(a.path, { recursive: a.recursive, force: a.force }), null;
        case 'unlink': return fs.rm(a.path, { fileOnly: true }), null;
        case 'rmdir': return fs.rm(a.path, { dirOnly: true, recursive: a.recursive }), null;
        case 'rename': return fs.rename(a.path, a.to ?? ''), null;
        case 'realpath': return fs.resolve(a.path);
        default: throw new Error(`fs.${op}`);
      }
    })();
    return JSON.stringify({ v });
  } catch (e) {
    if (e instanceof FsCallError) return JSON.stringify({ e: { code: e.code, errno: e.errno, syscall: e.syscall, path: e.path, message: e.message } });
    throw e;
  }
}
