/**
 * What travels over the simulated network: one HTTP/1.1 exchange. Servers
 * (nginx, busybox httpd) answer a {@link HttpRequest} with a
 * {@link HttpResponse} whose header lines are in the order the server sends
 * them; clients (curl, wget) format both as the real tools print them.
 */

/** A request as the client sends it. */
export interface HttpRequest {
  method: string;
  /** The request target, e.g. `/index.html?x=1`. */
  path: string;
  /** Header lines in send order (name, value), Host first. */
  headers: Array<[string, string]>;
  body?: Uint8Array;
  /** The client's address as the server sees it (nginx's $remote_addr). */
  client: string;
}

/** A response as the server sends it. */
export interface HttpResponse {
  /** The protocol of the status line: `HTTP/1.1` unless the server speaks 1.0 (python's http.server). */
  version?: string;
  status: number;
  /** `OK`, `Not Found`: the reason phrase of the status line. */
  reason: string;
  /** Header lines in send order. */
  headers: Array<[string, string]>;
  body: Uint8Array;
}

/** A listening program's request handler. */
export type HttpHandler = (req: HttpRequest) => Promise<HttpResponse>;

/** The value of a header (case-insensitive), if present. */
export function header(headers: ReadonlyArray<[string, string]>, name: string): string | undefined {
  const lower = name.toLowerCase();
  return headers.find(([k]) => k.toLowerCase() === lower)?.[1];
}

/** RFC 7231 IMF-fixdate, as nginx and busybox httpd write Date and Last-Modified. */
export function httpDate(ms: number): string {
  return new Date(ms).toUTCString();
}
