/** System routes: `/_ping`, `/version`, `/info`, `/system/df`, `/events`. */
import { systemInfo } from '../../engine/system-info.ts';
import { diskUsage } from '../../engine/system-df.ts';
import { eventMatches } from '../events.ts';
import { commonHeaders, jsonLine, sendJson, startStream, badRequest } from '../respond.ts';
import type { Router } from '../router.ts';
import { filtersParam } from './params.ts';

/** moby's ping handler (api/server/router/system/system_routes.go). */
const pingHeaders = (): Record<string, string> => ({
  ...commonHeaders(),
  'Cache-Control': 'no-cache, no-store, must-revalidate',
  Pragma: 'no-cache',
  // BuildKit is the default builder of 28.5 (the CLI's choice); a BuildKit build over the wire is refused (routes/build.ts).
  'Builder-Version': '2',
  Swarm: 'inactive',
});

/** `since`/`until` of /events: unix seconds, optionally with a fraction (the CLI converts durations and dates). */
function eventTime(v: string | null, name: string): number | undefined {
  if (v === null || v === '') return undefined;
  if (!/^\d+(\.\d+)?$/.test(v)) throw badRequest(`failed to parse value ${v} as a timestamp for ${name}`);
  return Math.round(parseFloat(v) * 1000);
}

/** Declares the system routes. */
export function systemRoutes(r: Router): void {
  r.add('GET', '/_ping', async ({ res }) => {
    res!.writeHead(200, { ...pingHeaders(), 'Content-Type': 'text/plain; charset=utf-8', 'Content-Length': '2' });
    res!.end('OK');
  });
  r.add('HEAD', '/_ping', async ({ res }) => {
    res!.writeHead(200, { ...pingHeaders(), 'Content-Type': 'text/plain; charset=utf-8', 'Content-Length': '0' });
    res!.end();
  });
  r.add('GET', '/version', async ({ res, lab }) => sendJson(res!, 200, await lab.engine.version()));
  r.add('GET', '/info', async ({ res, lab }) => sendJson(res!, 200, systemInfo(lab.engine.state, lab.engine.now())));
  r.add('GET', '/system/df', async ({ res, lab }) => sendJson(res!, 200, diskUsage(lab.engine.state, lab.engine.now())));
  r.add('GET', '/events', async ({ req, res, query, lab }) => {
    const filters = filtersParam(query);
    const since = eventTime(query.get('since'), 'since');
    const until = eventTime(query.get('until'), 'until');
    const now = lab.engine.now();
    startStream(res!, 'application/json');
    const send = (e: Parameters<typeof eventMatches>[0]): void => {
      if (eventMatches(e, filters)) res!.write(jsonLine(e));
    };
    // moby replays the log only when `since` is given, then follows until `until` (or the client leaves).
    if (since !== undefined) for (const e of lab.events.history()) if (e.time * 1000 >= since - 999 && (until === undefined || e.timeNano / 1e6 <= until)) send(e);
    if (until !== undefined && until <= now) {
      res!.end();
      return;
    }
    const stop = lab.events.subscribe(send);
    const timer = until !== undefined ? setTimeout(() => res!.end(), until - now) : undefined;
    await new Promise<void>((resolve) => {
      res!.once('close', resolve);
      req.once('close', resolve);
    });
    stop();
    if (timer) clearTimeout(timer);
  });
}
