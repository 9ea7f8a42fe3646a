/** The daemon's route table: every Engine API endpoint the simulator can back. */
import { Router } from '../router.ts';
import { archiveRoutes } from './archive.ts';
import { attachRoutes } from './attach.ts';
import { buildRoutes } from './build.ts';
import { containerRoutes } from './containers.ts';
import { execRoutes } from './exec.ts';
import { imageRoutes } from './images.ts';
import { systemRoutes } from './system.ts';
import { networkRoutes, volumeRoutes } from './volumes.ts';

/** A router with every route. */
export function routes(): Router {
  const r = new Router();
  for (const add of [systemRoutes, imageRoutes, containerRoutes, attachRoutes, execRoutes, archiveRoutes, buildRoutes, volumeRoutes, networkRoutes]) add(r);
  return r;
}
