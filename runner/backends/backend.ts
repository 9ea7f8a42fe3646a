/**
 * Where a session's engine lives, behind one interface: the local backend (a
 * dockerd per session on this host) and the Kubernetes backend (a pod per
 * session). The contract is pinned in the issue-14 protocol document.
 */
import type { Transport } from '../../worker/engine-client/transport.ts';

// The policy helper's runner/policy/index.ts owns SessionPolicy; this copy of its pinned shape keeps the
// k8s branch compiling alone, and the server helper's backend.ts replaces this whole file at merge.
interface SessionPolicy {
  sessionId: string; labels: Record<string,string>;
  network: 'none' | 'bridge';
  memoryBytes: number; nanoCpus: number; pidsLimit: number; diskBytes?: number;
  runtime?: string;
}

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
