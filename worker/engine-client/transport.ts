/**
 * How the Engine API client reaches a daemon: one HTTP/1.1 exchange per
 * call, and a hijacked connection for attach (the daemon answers
 * `101 UPGRADED` and the socket then carries the raw streams both ways).
 * Node's transport (node-transport.ts) speaks it over a unix socket or TCP;
 * the page's comes with the remote runner.
 */
import type { ByteStream } from '../engine/stream.ts';

/** One request. `path` includes the query string. */
export interface TransportRequest {
  method: 'GET' | 'HEAD' | 'POST' | 'PUT' | 'DELETE';
  path: string;
  headers?: Record<string, string>;
  body?: Uint8Array | ByteStream;
}

/** A response: status, headers with lower-case names, and the body as it arrives. */
export interface TransportResponse {
  status: number;
  headers: Record<string, string>;
  body: ByteStream;
}

/** A hijacked connection: what the daemon sends, and the way to send it bytes. */
export interface HijackedConnection extends TransportResponse {
  write(bytes: Uint8Array): Promise<void>;
  /** Half-closes the sending side (stdin's end of file), as docker/cli's CloseWrite. */
  closeWrite(): Promise<void>;
  close(): void;
}

/** An HTTP transport to one daemon. */
export interface Transport {
  request(req: TransportRequest): Promise<TransportResponse>;
  /** The request with `Connection: Upgrade, Upgrade: tcp`; resolves once the daemon answered. */
  hijack(req: TransportRequest): Promise<HijackedConnection>;
}
