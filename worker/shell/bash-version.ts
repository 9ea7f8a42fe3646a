/**
 * `$BASH_VERSION` and `bash --version` as the shell's own bash reports them. just-bash answers
 * its own constant (5.1.0(1)-release) for the name, so a transform plugin
 * replaces each plain `$BASH_VERSION`/`${BASH_VERSION}` of a line with the
 * version of the bash package installed in the container: Debian 12's
 * 5.2.15(1)-release, Ubuntu 24.04's 5.2.21(1)-release, Alpine 3.22's (apk add
 * bash) 5.2.37(1)-release; bash prints `MAJOR.MINOR.PATCH(BUILD)-release`
 * from its package version's upstream part.
 * Simplified: an expansion with an operation (`${BASH_VERSION%%.*}`) keeps
 * just-bash's value.
 */
import type { IFileSystem } from 'just-bash';

/** The host's bash: the lab machine is Debian 12 (its /etc/os-release), whose bash is 5.2.15. */
export const HOST_BASH_VERSION = '5.2.15(1)-release';

/**
 * `bash --version`, recorded from bash 5.2.15 on Debian 12; every 5.2 release
 * prints the same text (version.c's copyright year is 2022). `machine` is
 * bash's MACHTYPE: `x86_64-pc-linux-gnu` on glibc systems,
 * `x86_64-alpine-linux-musl` on Alpine.
 */
export function bashVersionText(version: string, machine = 'x86_64-pc-linux-gnu'): string {
  return `GNU bash, version ${version} (${machine})
Copyright (C) 2022 Free Software Foundation, Inc.
License GPLv3+: GNU GPL version 3 or later <http://gnu.org/licenses/gpl.html>

This is free software; you are free to change and redistribute it.
There is NO WARRANTY, to the extent permitted by law.
`;
}

/** The command the host's `bash --version` is rewritten to (see {@link bashVersionPlugin}). */
export const BASH_VERSION_COMMAND = '__layerlab_bash_version';

/** The $BASH_VERSION of the bash installed in `fs` (from dpkg's or apk's database). */
export async function bashVersion(fs: IFileSystem): Promise<string> {
  const dpkg = await fs.readFile('/var/lib/dpkg/status').catch(() => '');
  const deb = /^Package: bash\n(?:[^\n]+\n)*?Version: (?:\d+:)?(\d+\.\d+(?:\.\d+)?)/m.exec(dpkg);
  const apk = /^P:bash\nV:(\d+\.\d+(?:\.\d+)?)/m.exec(await fs.readFile('/lib/apk/db/installed').catch(() => ''));
  const v = deb?.[1] ?? apk?.[1] ?? '5.2.15';
  return `${v.split('.').length === 2 ? `${v}.0` : v}(1)-release`;
}

type Node = Record<string, unknown>;

/** Set while the host's plugin runs: just-bash's own `bash` builtin takes `--version` for a script name. */
let rewriteVersionCommand = false;

function literal(word: unknown): string | undefined {
  const parts = (word as Node | undefined)?.parts as Node[] | undefined;
  return parts?.length === 1 && parts[0]!.type === 'Literal' ? String(parts[0]!.value) : undefined;
}

function isBashVersion(command: Node): boolean {
  const name = literal(command.name);
  return (name === 'bash' || name === '/bin/bash' || name === '/usr/bin/bash') && literal((command.args as unknown[])[0]) === '--version';
}

function replace(node: unknown, version: string): void {
  if (Array.isArray(node)) {
    for (const [i, child] of node.entries()) {
      const c = child as Node | null;
      if (c && typeof c === 'object' && c.type === 'ParameterExpansion' && c.parameter === 'BASH_VERSION' && c.operation == null) node[i] = { type: 'Literal', value: version };
      else if (c && typeof c === 'object' && c.type === 'SimpleCommand' && rewriteVersionCommand && isBashVersion(c)) (c.name as Node).parts = [{ type: 'Literal', value: BASH_VERSION_COMMAND }];
      else replace(child, version);
    }
  } else if (node && typeof node === 'object') {
    for (const v of Object.values(node as Node)) replace(v, version);
  }
}

/**
 * A just-bash transform plugin that makes `$BASH_VERSION` read `version`.
 * `host`: also turns `bash --version` into {@link BASH_VERSION_COMMAND}, a
 * host command; in a container `bash` is the image's program (run-shell.ts).
 */
export function bashVersionPlugin(version: string, host = false): { name: string; transform(ctx: { ast: never; metadata: Record<string, unknown> }): { ast: never } } {
  return {
    name: 'layerlab-bash-version',
    transform(ctx) {
      rewriteVersionCommand = host;
      try {
        replace(ctx.ast, version);
      } finally {
        rewriteVersionCommand = false;
      }
      return { ast: ctx.ast };
    },
  };
}
