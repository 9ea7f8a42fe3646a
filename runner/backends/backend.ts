/**
 * Where a session's engine lives, behind one interface: the local backend (a
 * dockerd per session on this host) and the Kubernetes backend (a pod per
 * session). The contract is pinned in the issue-14 protocol document.
 */
import type { Transport } from '../../worker/engine-client/transport.ts';
import type { SessionPolicy } from '../policy/index.ts';

/** What a new session needs. */
export interface SessionSpec { id: string; labels: Record<string,string>; policy: SessionPolicy; }
/** A session's engine, ready to answer /_ping. */
export interface SessionEngine { id: string; transport: Transport; /** e.g. unix:///…/docker.sock or tcp://podIP:2375 */ endpoint: string; }
/** Creates, destroys and lists session engines. */
export interface SessionBackend {
  readonly name: string;                              // 'local' | 'kubernetes'
  create(spec: SessionSpec): Promise<SessionEngine>;  // ready to answer /_ping
  destroy(id: string): Promise<void>;                 // idempotent; removes everything the session made
  list(): Promise<string[]>;                          // session ids that exist in the backend (for the orphan reaper)
}
