/**
 * The engine declares the filesystem interface its containers implement
 * (worker/engine/fs-interface.ts) instead of importing just-bash; the
 * programs hand those filesystems to just-bash. These two assignments make
 * the compiler check, in the app's project, that the copy still matches
 * just-bash's IFileSystem both ways (a just-bash upgrade that changes it
 * fails here, not at run time).
 */
import type { IFileSystem as JustBashFs } from 'just-bash';
import type { IFileSystem as EngineFs } from '../engine/fs-interface.ts';

/** The engine's filesystem is a just-bash filesystem. */
export type EngineFsIsJustBash = EngineFs extends JustBashFs ? true : never;
/** And a just-bash filesystem is one the engine accepts (bind mounts of the host's). */
export type JustBashIsEngineFs = JustBashFs extends EngineFs ? true : never;

const engineToJustBash: EngineFsIsJustBash = true;
const justBashToEngine: JustBashIsEngineFs = true;
/** Both checks, exported so the module is not empty at run time. */
export const FS_INTERFACES_MATCH = engineToJustBash && justBashToEngine;
