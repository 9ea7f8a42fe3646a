/**
 * Which handler runs each command of the catalog, by canonical path. Legacy
 * top-level forms (`images`, `rmi`, `pull`…) resolve to their canonical
 * command in the parser, so they need no entry of their own.
 */
import type { Handler } from './context.ts';
import { create as containerCreate } from './container/create.ts';
import { ls as containerLs } from './container/ls.ts';
import { run as containerRun } from './container/run.ts';
import { history } from './image/history.ts';
import { inspect as imageInspect } from './image/inspect.ts';
import { ls as imageLs } from './image/ls.ts';
import { prune as imagePrune } from './image/prune.ts';
import { pull } from './image/pull.ts';
import { rm as imageRm } from './image/rm.ts';
import { tag } from './image/tag.ts';
import { save } from './image/save.ts';
import { load } from './image/load.ts';
import { inspect } from './system/inspect.ts';
import { info } from './system/info.ts';
import { version } from './system/version.ts';

/** Canonical command path → handler. */
export const HANDLERS: Record<string, Handler> = {
  'image ls': imageLs,
  'image inspect': imageInspect,
  'image history': history,
  'image tag': tag,
  'image rm': imageRm,
  'image prune': imagePrune,
  'image pull': pull,
  'image save': save,
  'image load': load,
  'container run': containerRun,
  'container create': containerCreate,
  'container ls': containerLs,
  inspect,
  'system info': info,
  version,
};
