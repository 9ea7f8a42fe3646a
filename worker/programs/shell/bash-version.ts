/**
 * `$BASH_VERSION` as the container's own bash reports it. just-bash answers
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

/** The $BASH_VERSION of the bash installed in `fs` (from dpkg's or apk's database). */
export async function bashVersion(fs: IFileSystem): Promise<string> {
  const dpkg = await fs.readFile('/var/lib/dpkg/status').catch(() => '');
  const deb = /^Package: bash\n(?:[^\n]+\n)*?Version: (?:\d+:)?(\d+\.\d+(?:\.\d+)?)/m.exec(dpkg);
  const apk = /^P:bash\nV:(\d+\.\d+(?:\.\d+)?)/m.exec(await fs.readFile('/lib/apk/db/installed').catch(() => ''));
  const v = deb?.[1] ?? apk?.[1] ?? '5.2.15';
  return `${v.split('.').length === 2 ? `${v}.0` : v}(1)-release`;
}

type Node = Record<string, unknown>;

function replace(node: unknown, version: string): void {
  if (Array.isArray(node)) {
    for (const [i, child] of node.entries()) {
      const c = child as Node | null;
      if (c && typeof c === 'object' && c.type === 'ParameterExpansion' && c.parameter === 'BASH_VERSION' && c.operation == null) node[i] = { type: 'Literal', value: version };
      else replace(child, version);
    }
  } else if (node && typeof node === 'object') {
    for (const v of Object.values(node as Node)) replace(v, version);
  }
}

/** A just-bash transform plugin that makes `$BASH_VERSION` read `version`. */
export function bashVersionPlugin(version: string): { name: string; transform(ctx: { ast: never; metadata: Record<string, unknown> }): { ast: never } } {
  return {
    name: 'layerlab-bash-version',
    transform(ctx) {
      replace(ctx.ast, version);
      return { ast: ctx.ast };
    },
  };
}
