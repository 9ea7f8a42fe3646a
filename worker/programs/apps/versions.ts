/**
 * Which version of node or python an image has: the official images say so in their
 * environment (NODE_VERSION, PYTHON_VERSION); distro packages in their databases.
 */
import type { IFileSystem } from 'just-bash';
import type { InteractiveProcess, ProcessSpec } from '../process.ts';

async function read(fs: IFileSystem, path: string): Promise<string> {
  return fs.readFile(path).catch(() => '');
}

/** The Node.js version of this install. */
export async function nodeVersion(fs: IFileSystem, env: Record<string, string>): Promise<string> {
  if (env.NODE_VERSION) return env.NODE_VERSION;
  const apk = /P:nodejs\nV:([^\n-]+)/.exec(await read(fs, '/lib/apk/db/installed'));
  if (apk) return apk[1]!;
  const deb = /Package: nodejs\n(?:.*\n)*?Version: (?:\d+:)?([\d.]+)/.exec(await read(fs, '/var/lib/dpkg/status'));
  return deb ? deb[1]! : '22.16.0';
}

/** The Python version of this install. */
export async function pythonVersion(fs: IFileSystem, env: Record<string, string>): Promise<string> {
  if (env.PYTHON_VERSION) return env.PYTHON_VERSION;
  const apk = /P:python3\nV:([^\n-]+)/.exec(await read(fs, '/lib/apk/db/installed'));
  if (apk) return apk[1]!;
  const deb = /Package: python3\.\d+\n(?:.*\n)*?Version: ([\d.]+)/.exec(await read(fs, '/var/lib/dpkg/status'));
  return deb ? deb[1]! : '3.11.2';
}

/** Starts the interactive prompt of `program` (python3 or node). */
export async function startRepl(spec: ProcessSpec, program: 'python3' | 'node'): Promise<InteractiveProcess> {
  const repl = await import('./repl.ts');
  if (program === 'python3') return await repl.pythonRepl(spec, await pythonVersion(spec.fs, spec.env));
  return repl.nodeRepl(spec, await nodeVersion(spec.fs, spec.env));
}
