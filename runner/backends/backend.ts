/**
 * Where a session's engine lives. The runner asks a backend for one private
 * Docker engine per session and talks to it through a Transport; the local
 * backend (local.ts) starts a dockerd per session on this host, the
 * Kubernetes backend (kubernetes.ts) a pod per session. The contract is
 * pinned in /work/helpers/runner-protocol.md.
 */
import type { Transport } from '../../worker/engine-client/transport.ts';
import type { SessionPolicy } from '../policy/index.ts';

/** What a backend needs to make a session's engine. */
export interface SessionSpec {
  id: string;
  labels: Record<string, string>;
  policy: SessionPolicy;
}

/** A session's engine, ready to answer /_ping. */
export interface SessionEngine {
  id: string;
  transport: Transport;
  /** e.g. unix:///…/docker.sock or tcp://podIP:2375 */
  endpoint: string;
  /** The OCI runtime the learner's containers run under ('runsc', 'runc', or what the sandbox uses), for the session's response and log. */
  runtime?: string;
}

/** Makes and removes session engines. */
export interface SessionBackend {
  /** 'local' | 'kubernetes' */
  readonly name: string;
  /** Starts an engine for the session; resolves once it answers /_ping. */
  create(spec: SessionSpec): Promise<SessionEngine>;
  /** Idempotent; removes everything the session made (processes, directories, mounts, pods). */
  destroy(id: string): Promise<void>;
  /** Session ids that exist in the backend, known to this runner or not (for the orphan reaper). */
  list(): Promise<string[]>;
}
