/**
 * The route table: method + path pattern → handler, as moby's gorilla/mux
 * routes are declared. `{id}` matches one path segment; `{name*}` matches
 * the rest up to the route's suffix, because image names hold slashes
 * (moby: `/images/{name:.*}/json`).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import type { DaemonLab } from './lab.ts';

/** A hijacked connection (`Upgrade: tcp`): the socket and the bytes read past the headers. */
export interface Upgrade {
  socket: Duplex;
  head: Buffer;
}

/** One request as a handler sees it. */
export interface Call {
  req: IncomingMessage;
  /** Absent for an upgraded (hijacked) request: write to `upgrade.socket`. */
  res: ServerResponse | undefined;
  upgrade?: Upgrade;
  params: Record<string, string>;
  query: URLSearchParams;
  /** The API version the client asked for (or the daemon's). */
  version: string;
  lab: DaemonLab;
}

/** A route's handler. */
export type Handler = (call: Call) => Promise<void>;

interface Route {
  method: string;
  re: RegExp;
  names: string[];
  handler: Handler;
  /** Whether the handler takes a hijacked connection. */
  hijack: boolean;
}

/** A table of routes. */
export class Router {
  readonly #routes: Route[] = [];

  /** Declares a route; `hijack` routes also receive `Upgrade: tcp` requests. */
  add(method: string, pattern: string, handler: Handler, opts: { hijack?: boolean } = {}): this {
    const names: string[] = [];
    const src = pattern
      .split(/(\{[a-z]+\*?\})/i)
      .map((part) => {
        const m = /^\{([a-z]+)(\*?)\}$/i.exec(part);
        if (!m) return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
        names.push(m[1]!);
        return m[2] ? '(.+)' : '([^/]+)';
      })
      .join('');
    this.#routes.push({ method, re: new RegExp(`^${src}$`), names, handler, hijack: opts.hijack ?? false });
    return this;
  }

  /** The route for a method and path, with its parameters (decoded), or undefined (moby's 404 "page not found"). */
  match(method: string, path: string): { handler: Handler; params: Record<string, string>; hijack: boolean } | undefined {
    // HEAD is served by GET routes where no HEAD route exists (net/http semantics: body dropped).
    for (const m of method === 'HEAD' ? ['HEAD', 'GET'] : [method]) {
      for (const r of this.#routes) {
        if (r.method !== m) continue;
        const hit = r.re.exec(path);
        if (!hit) continue;
        const params: Record<string, string> = {};
        r.names.forEach((n, i) => (params[n] = decodeURIComponent(hit[i + 1]!)));
        return { handler: r.handler, params, hijack: r.hijack };
      }
    }
    return undefined;
  }
}
