/**
 * `docker inspect` (docker/cli cli/command/system/inspect.go): detects the
 * object type, trying each kind in Docker's order and skipping "not found",
 * or only the kind given with --type; an unknown reference is
 * `Error: No such object: <ref>`.
 */
import { isEngineError } from '../../engine/errors.ts';
import { CliError, type CommandContext } from '../context.ts';
import { inspectContainerRef } from '../container/inspect.ts';
import { inspectImageRef } from '../image/inspect.ts';
import { inspectVolumeRef } from '../volume/inspect.ts';
import { inspectAll, type Inspected } from '../inspector.ts';
import { inspectNetworkRef } from '../network/inspect.ts';

const TYPES = ['config', 'container', 'image', 'network', 'node', 'plugin', 'secret', 'service', 'task', 'volume'];

/** Runs `docker inspect`. */
export async function inspect(ctx: CommandContext): Promise<number> {
  const type = ctx.flags.get<string>('type');
  if (type !== '' && !TYPES.includes(type)) throw new CliError(`"${type}" is not a valid value for --type`);
  const inspectors: Record<string, (ref: string) => Promise<Inspected>> = {
    container: (ref) => inspectContainerRef(ctx.engine, ref, ctx.flags.get<boolean>('size')),
    image: (ref) => inspectImageRef(ctx.engine, ref),
    network: (ref) => inspectNetworkRef(ctx.engine, ref),
    volume: (ref) => inspectVolumeRef(ctx.engine, ref),
  };
  const getRef = async (ref: string): Promise<Inspected> => {
    for (const kind of TYPES) {
      if (type !== '' && kind !== type) continue;
      const fn = inspectors[kind];
      if (!fn) continue;
      try {
        return await fn(ref);
      } catch (err) {
        if (type === '' && isEngineError(err) && err.code === 'NotFound') continue;
        throw err;
      }
    }
    if (type !== '' && !inspectors[type]) throw new CliError(`Error: No such ${type}: ${ref}`);
    throw new CliError(`Error: No such object: ${ref}`);
  };
  await inspectAll(ctx.args, ctx.flags.get<string>('format'), getRef, ctx.out);
  return 0;
}
