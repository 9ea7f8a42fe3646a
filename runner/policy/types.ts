/** The policy's contract with the runner server (pinned in helpers/runner-protocol.md). */

/** What the page asked for, as it came (never forwarded as is). */
export interface ApiRequest {
  method: string;
  /** Raw path with query, e.g. "/v1.51/containers/create?name=x". */
  path: string;
  /** Lower-case names. */
  headers: Record<string, string>;
  /** Buffered body for JSON routes (the server buffers up to maxJsonBody), null when none or streamed. */
  body: Uint8Array | null;
  upgrade: boolean;
}

/** Per-session settings, from the runner's configuration. */
export interface SessionPolicy {
  sessionId: string;
  /** Forced onto every container, volume and network, e.g. {"org.layerlab.session": id}. */
  labels: Record<string, string>;
  /** RUNNER_NETWORK: 'none' (default) or 'bridge'. */
  network: 'none' | 'bridge';
  memoryBytes: number;
  nanoCpus: number;
  pidsLimit: number;
  /** Writable-layer size (StorageOpt size); only where the engine's storage driver supports it. */
  diskBytes?: number;
  /** e.g. 'runsc' when available. */
  runtime?: string;
  /**
   * The API version the runner forwards to, "1.51" unless the session engine
   * is older (the test's Debian dockerd 20.10 speaks 1.41). An addition to
   * the pinned contract: optional, so the server may ignore it.
   */
  apiVersion?: string;
}

/** The decision on one request. */
export type PolicyResult =
  | {
      kind: 'forward';
      method: string;
      /** Rebuilt: always /v<pinned>/…, query rebuilt from allowed params. */
      path: string;
      /** Rebuilt: only content-type (+ connection/upgrade for hijack). */
      headers: Record<string, string>;
      /** Rebuilt JSON body (fresh bytes), or null. */
      body: Uint8Array | null;
      /** The body is a tar stream the server pipes, counting bytes. */
      stream?: { maxBytes: number };
    }
  | { kind: 'refuse'; status: number; message: string };
