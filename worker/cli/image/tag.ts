/**
 * `docker tag` / `docker image tag` (docker/cli client ImageTag): both
 * references are checked client-side with `Error parsing reference: "…" is
 * not a valid repository/tag: …`; a digest target is refused; success is silent.
 */
import { ReferenceError, parseAnyReference, parseNormalizedNamed, repositoryName } from '../../engine/reference.ts';
import { CliError, type CommandContext } from '../context.ts';

/** Runs `docker tag SOURCE TARGET`. */
export async function tag(ctx: CommandContext): Promise<number> {
  const [source, target] = ctx.args as [string, string];
  const parse = <T>(text: string, fn: (s: string) => T): T => {
    try {
      return fn(text);
    } catch (err) {
      if (err instanceof ReferenceError) throw new CliError(`Error parsing reference: "${text}" is not a valid repository/tag: ${err.message}`);
      throw err;
    }
  };
  parse(source, parseAnyReference);
  const ref = parse(target, parseNormalizedNamed);
  if (ref.digest !== undefined) throw new CliError('refusing to create a tag with a digest reference');
  await ctx.engine.imageTag(source, repositoryName(ref), ref.tag ?? 'latest');
  return 0;
}
