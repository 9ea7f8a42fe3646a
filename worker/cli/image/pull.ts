/**
 * `docker pull` / `docker image pull` (docker/cli cli/command/image/pull.go):
 * parse and normalise the reference client-side, announce the default tag,
 * stream the daemon's messages, then print the full reference.
 */
import { ReferenceError, familiarString, parseNormalizedNamed, referenceString, withDefaultTag } from '../../engine/reference.ts';
import { CliError, type CommandContext } from '../context.ts';
import { JsonMessageWriter } from '../jsonmessage.ts';
import { StreamError } from '../../engine/platform.ts';

/** Runs `docker pull`. */
export async function pull(ctx: CommandContext): Promise<number> {
  const all = ctx.flags.get<boolean>('all-tags');
  const quiet = ctx.flags.get<boolean>('quiet');
  let ref;
  try {
    ref = parseNormalizedNamed(ctx.args[0]!);
  } catch (err) {
    if (err instanceof ReferenceError) throw new CliError(err.message);
    throw err;
  }
  const nameOnly = ref.tag === undefined && ref.digest === undefined;
  if (all && !nameOnly) throw new CliError("tag can't be used with --all-tags/-a");
  if (!all && nameOnly) {
    ref = withDefaultTag(ref);
    if (!quiet) ctx.out(`Using default tag: ${ref.tag}\n`);
  }
  const writer = new JsonMessageWriter((s) => (quiet ? undefined : ctx.out(s)), { tty: ctx.io.isTTY });
  const name = familiarString({ domain: ref.domain, path: ref.path });
  const platform = ctx.flags.get<string>('platform');
  try {
    await ctx.engine.imagePull(name, ref.digest ?? ref.tag ?? '', (m) => writer.message(m), platform || undefined);
  } catch (err) {
    // An error inside the message stream is printed as the daemon sent it.
    if (err instanceof StreamError) throw new CliError(err.message);
    throw err;
  }
  ctx.out(`${referenceString(ref)}\n`);
  return 0;
}

/** Pulls for `docker run`/`create`: progress on stderr, no default-tag line, no final reference. */
export async function pullForRun(ctx: CommandContext, image: string, platform?: string): Promise<void> {
  const ref = withDefaultTag(parseNormalizedNamed(image));
  const writer = new JsonMessageWriter((s) => ctx.err(s), { tty: ctx.io.isTTY });
  await ctx.engine.imagePull(familiarString({ domain: ref.domain, path: ref.path }), ref.digest ?? ref.tag ?? 'latest', (m) => writer.message(m), platform);
}

