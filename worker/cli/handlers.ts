/**
 * Which handler runs each command of the catalog, by canonical path. Legacy
 * top-level forms (`images`, `rmi`, `pull`…) resolve to their canonical
 * command in the parser, so they need no entry of their own.
 */
import type { Handler } from './context.ts';
import { attach } from './container/attach.ts';
import { commit } from './container/commit.ts';
import { cp } from './container/cp.ts';
import { diff } from './container/diff.ts';
import { exec } from './container/exec.ts';
import { exportContainer } from './container/export.ts';
import { inspect as containerInspect } from './container/inspect.ts';
import { logs } from './container/logs.ts';
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
import { info } from './system/info.ts';
import { version } from './system/version.ts';

/** Canonical command path → handler. */
export const HANDLERS: Record<string, Handler> = {
  'image build': build,
  'image ls': imageLs,
  'image inspect': imageInspect,
  'image history': history,
  'image tag': tag,
  'image rm': imageRm,
  'image prune': imagePrune,
  'image pull': pull,
  'image save': save,
  'image load': load,
  'image import': importImage,
  'container run': containerRun,
  'container create': containerCreate,
  'container ls': containerLs,
  'container start': start,
  'container stop': stop,
  'container kill': kill,
  'container restart': restart,
  'container rm': containerRm,
  'container logs': logs,
  'container exec': exec,
  'container attach': attach,
  'container wait': wait,
  'container inspect': containerInspect,
  'container diff': diff,
  'container commit': commit,
  'container export': exportContainer,
  'container rename': rename,
  'container top': top,
  'container prune': containerPrune,
  'container cp': cp,
  'container port': port,
  inspect,
  'system info': info,
  version,
};
