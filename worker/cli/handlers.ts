/**
 * Which handler runs each command of the catalog, by canonical path. Legacy
 * top-level forms (`images`, `rmi`, `pull`…) resolve to their canonical
 * command in the parser, so they need no entry of their own.
 */
import type { Handler } from './context.ts';
import type { ParsedFlags } from './command/parse.ts';
import { attach } from './container/attach.ts';
import { commit } from './container/commit.ts';
import { cp } from './container/cp.ts';
import { diff } from './container/diff.ts';
import { exec } from './container/exec.ts';
import { exportContainer } from './container/export.ts';
import { inspect as containerInspect } from './container/inspect.ts';
import { logs } from './container/logs.ts';
import { pause, unpause } from './container/pause.ts';
import { port } from './container/port.ts';
import { prune as containerPrune } from './container/prune.ts';
import { rename } from './container/rename.ts';
import { rm as containerRm } from './container/rm.ts';
import { start } from './container/start.ts';
import { kill, restart, stop } from './container/stop.ts';
import { top } from './container/top.ts';
import { wait } from './container/wait.ts';
import { create as containerCreate } from './container/create.ts';
import { ls as containerLs } from './container/ls.ts';
import { run as containerRun } from './container/run.ts';
import { build } from './image/build.ts';
import { history } from './image/history.ts';
import { inspect as imageInspect } from './image/inspect.ts';
import { ls as imageLs } from './image/ls.ts';
import { prune as imagePrune } from './image/prune.ts';
import { pull } from './image/pull.ts';
import { rm as imageRm } from './image/rm.ts';
import { tag } from './image/tag.ts';
import { save } from './image/save.ts';
import { load } from './image/load.ts';
import { importImage } from './image/import.ts';
import { inspect } from './system/inspect.ts';
import { search } from './registry/search.ts';
import { create as networkCreate } from './network/create.ts';
import { ls as networkLs } from './network/ls.ts';
import { inspect as networkInspect } from './network/inspect.ts';
import { prune as networkPrune, rm as networkRm } from './network/rm.ts';
import { connect as networkConnect, disconnect as networkDisconnect } from './network/connect.ts';
import { info } from './system/info.ts';
import { df } from './system/df.ts';
import { version } from './system/version.ts';
import { create as volumeCreate } from './volume/create.ts';
import { inspect as volumeInspect } from './volume/inspect.ts';
import { ls as volumeLs } from './volume/ls.ts';
import { prune as volumePrune } from './volume/prune.ts';
import { rm as volumeRm } from './volume/rm.ts';

/**
 * A command the simulator implements: its handler and the flags it honours.
 * Every other flag of the command is refused before the handler runs
 * (docker.ts), and the handler cannot read a flag it did not declare
 * ({@link declaredFlags}), so an accepted flag is never silently ignored.
 */
export interface Implemented {
  run: Handler;
  /** Long names of the flags whose effect the simulator reproduces. */
  flags: readonly string[];
}

const impl = (run: Handler, ...flags: string[]): Implemented => ({ run, flags });

/** Flags `docker run` and `docker create` both honour (create-opts.ts, launch.ts). */
const CREATE_FLAGS = ['attach', 'entrypoint', 'env', 'env-file', 'expose', 'hostname', 'interactive', 'label', 'mount', 'name', 'net', 'net-alias', 'network', 'network-alias', 'platform', 'privileged', 'publish', 'pull', 'read-only', 'restart', 'rm', 'stop-signal', 'stop-timeout', 'tmpfs', 'tty', 'user', 'volume', 'workdir'];

/** Canonical command path → what runs it. */
export const HANDLERS: Record<string, Implemented> = {
  'image build': impl(build, 'build-arg', 'file', 'force-rm', 'iidfile', 'label', 'network', 'no-cache', 'progress', 'pull', 'quiet', 'rm', 'tag', 'target'),
  'image ls': impl(imageLs, 'all', 'digests', 'filter', 'format', 'no-trunc', 'quiet', 'tree'),
  'image inspect': impl(imageInspect, 'format'),
  'image history': impl(history, 'format', 'human', 'no-trunc', 'quiet'),
  'image tag': impl(tag),
  'image rm': impl(imageRm, 'force', 'no-prune'),
  'image prune': impl(imagePrune, 'all', 'filter', 'force'),
  'image pull': impl(pull, 'all-tags', 'platform', 'quiet'),
  'image save': impl(save, 'output'),
  'image load': impl(load, 'input', 'quiet'),
  'image import': impl(importImage, 'change', 'message'),
  'container run': impl(containerRun, ...CREATE_FLAGS, 'detach'),
  'container create': impl(containerCreate, ...CREATE_FLAGS),
  'container ls': impl(containerLs, 'all', 'filter', 'format', 'last', 'latest', 'no-trunc', 'quiet', 'size'),
  'container start': impl(start, 'attach', 'interactive'),
  'container stop': impl(stop, 'signal', 'time', 'timeout'),
  'container kill': impl(kill, 'signal'),
  'container restart': impl(restart, 'signal', 'time', 'timeout'),
  'container rm': impl(containerRm, 'force', 'volumes'),
  'container logs': impl(logs, 'follow', 'tail', 'timestamps'),
  'container exec': impl(exec, 'detach', 'env', 'interactive', 'tty', 'user', 'workdir'),
  'container attach': impl(attach),
  'container wait': impl(wait),
  'container inspect': impl(containerInspect, 'format', 'size'),
  'container diff': impl(diff),
  'container commit': impl(commit, 'author', 'change', 'message'),
  'container export': impl(exportContainer, 'output'),
  'container rename': impl(rename),
  'container top': impl(top),
  'container prune': impl(containerPrune, 'filter', 'force'),
  'container cp': impl(cp, 'archive', 'quiet'),
  'container port': impl(port),
  'container pause': impl(pause),
  'container unpause': impl(unpause),
  'network create': impl(networkCreate, 'attachable', 'driver', 'gateway', 'internal', 'label', 'subnet'),
  'network ls': impl(networkLs, 'filter', 'format', 'no-trunc', 'quiet'),
  'network inspect': impl(networkInspect, 'format'),
  'network rm': impl(networkRm, 'force'),
  'network prune': impl(networkPrune, 'filter', 'force'),
  'network connect': impl(networkConnect, 'alias'),
  'network disconnect': impl(networkDisconnect),
  'volume create': impl(volumeCreate, 'driver', 'label', 'name'),
  'volume ls': impl(volumeLs, 'filter', 'format', 'quiet'),
  'volume inspect': impl(volumeInspect, 'format'),
  'volume rm': impl(volumeRm, 'force'),
  'volume prune': impl(volumePrune, 'all', 'filter', 'force'),
  inspect: impl(inspect, 'format', 'size', 'type'),
  'system info': impl(info, 'format'),
  'system df': impl(df, 'format', 'verbose'),
  search: impl(search, 'filter', 'format', 'limit', 'no-trunc'),
  version: impl(version, 'format'),
};

/**
 * The flags a handler sees: reading one it did not declare is a bug of ours
 * (the walk test in test/cli/flags-honoured.test.ts runs into it), never a
 * silent default.
 */
export function declaredFlags(flags: ParsedFlags, declared: readonly string[]): ParsedFlags {
  const check = (name: string): void => {
    if (!declared.includes(name)) throw new Error(`the handler read --${name}, which it does not declare`);
  };
  return {
    get: <T>(name: string): T => (check(name), flags.get<T>(name)),
    changed: (name) => (check(name), flags.changed(name)),
  };
}
