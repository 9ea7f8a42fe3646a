/**
 * The servers of php:*-apache, wordpress and php:*-fpm: Debian's apache2 (2.4.65,
 * prefork, mod_php) started by apache2-foreground, and php-fpm. They write the real
 * startup and shutdown lines and run until signalled: apache2 stops gracefully on
 * SIGWINCH (the images' STOPSIGNAL) and at once on SIGTERM/SIGINT, php-fpm
 * gracefully on SIGQUIT; both exit 0. Apache serves files from /var/www/html
 * (index.html, Options -Indexes' 403, 404) and logs each request to stdout in the
 * combined format; PHP files are not executed (Layerlab has no PHP interpreter):
 * such a request gets a 501 whose page says so.
 */
import { header, httpDate } from '../../engine/network/http.ts';
import type { HttpRequest, HttpResponse } from '../../engine/network/http.ts';
import type { Program, ProgramRun } from '../program.ts';
import { exitForSignal, untilAborted } from '../program.ts';

const APACHE = 'Apache/2.4.65 (Debian)';
const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const p2 = (n: number): string => String(n).padStart(2, '0');

/** Apache's error-log time (`%{u}t`): `Tue Jul 22 10:00:00.123000 2025`. */
export function apacheErrorTime(ms: number): string {
  const d = new Date(ms);
  return `${DAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${p2(d.getUTCDate())} ${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())}.${String(d.getUTCMilliseconds() * 1000).padStart(6, '0')} ${d.getUTCFullYear()}`;
}

/** The access-log time of the combined format: `22/Jul/2025:10:00:00 +0000`. */
function accessTime(ms: number): string {
  const d = new Date(ms);
  return `${p2(d.getUTCDate())}/${MONTHS[d.getUTCMonth()]}/${d.getUTCFullYear()}:${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())} +0000`;
}

const REASONS: Record<number, string> = { 200: 'OK', 301: 'Moved Permanently', 403: 'Forbidden', 404: 'Not Found', 501: 'Not Implemented' };

/** Apache's built-in error document (HTTP/1.0 DTD, the server signature with the Host asked for). */
export function apacheErrorPage(status: number, text: string, host: string): string {
  const title = `${status} ${REASONS[status]}`;
  return `<!DOCTYPE HTML PUBLIC "-//IETF//DTD HTML 2.0//EN">\n<html><head>\n<title>${title}</title>\n</head><body>\n<h1>${REASONS[status]}</h1>\n<p>${text}</p>\n<hr>\n<address>${APACHE} Server at ${host} Port 80</address>\n</body></html>\n`;
}

const enc = new TextEncoder();

/** What apache answers from /var/www/html with docker-php.conf (DirectoryIndex index.php index.html, Options -Indexes). */
export async function apacheAnswer(run: ProgramRun, req: HttpRequest, now: number): Promise<HttpResponse> {
  const fs = run.spec.fs;
  const host = (header(req.headers, 'Host') ?? 'localhost').replace(/:\d+$/, '');
  const base: Array<[string, string]> = [['Date', httpDate(now)], ['Server', APACHE]];
  const page = (status: number, text: string, extra: Array<[string, string]> = []): HttpResponse => {
    const body = enc.encode(apacheErrorPage(status, text, host));
    return { status, reason: REASONS[status]!, headers: [...base, ...extra, ['Content-Length', String(body.length)], ['Content-Type', 'text/html; charset=iso-8859-1']], body: req.method === 'HEAD' ? new Uint8Array() : body };
  };
  const parts = req.path.split('?')[0]!.split('/').filter((s) => s && s !== '.' && s !== '..');
  let file = `/var/www/html/${parts.join('/')}`.replace(/\/$/, '');
  try {
    let st = await fs.stat(file);
    if (st.isDirectory) {
      if (!req.path.split('?')[0]!.endsWith('/')) return page(301, `The document has moved <a href="http://${host}${req.path}/">here</a>.`, [['Location', `http://${host}${req.path}/`]]);
      let found: string | undefined;
      for (const n of ['index.php', 'index.html']) if (await fs.exists(`${file}/${n}`)) { found = `${file}/${n}`; break; }
      if (!found) return page(403, "You don't have permission to access this resource.");
      file = found;
      st = await fs.stat(file);
    }
    if (file.endsWith('.php')) return page(501, `Layerlab does not run PHP: ${file} was not executed (this simulator has no PHP interpreter).`);
    const body = await fs.readFileBuffer(file);
    return { status: 200, reason: 'OK', headers: [...base, ['Last-Modified', httpDate(st.mtime.getTime())], ['Accept-Ranges', 'bytes'], ['Content-Length', String(body.length)], ['Content-Type', file.endsWith('.html') ? 'text/html' : 'application/octet-stream']], body: req.method === 'HEAD' ? new Uint8Array() : body };
  } catch {
    return page(404, 'The requested URL was not found on this server.');
  }
}

/** apache2 -DFOREGROUND (apache2-foreground's exec), as the php and wordpress images run it. */
export const apache2: Program = async (run) => {
  const { spec } = run;
  if (!run.args.some((a) => a === '-DFOREGROUND' || a === '-D')) {
    spec.stderr(`${run.name}: Layerlab runs apache2 only in the foreground (apache2 -DFOREGROUND, as apache2-foreground does)\n`);
    return 1;
  }
  const t = (): string => apacheErrorTime(spec.now());
  const hasPhp = await spec.fs.exists('/usr/lib/apache2/modules/libphp.so');
  const server = `${APACHE}${hasPhp && spec.env.PHP_VERSION ? ` PHP/${spec.env.PHP_VERSION}` : ''}`;
  // No ServerName: apache guesses from the container's address, once per configuration pass (two at startup).
  const fqdn = `AH00558: apache2: Could not reliably determine the server's fully qualified domain name, using ${spec.network.ip}. Set the 'ServerName' directive globally to suppress this message\n`;
  spec.stderr(fqdn + fqdn);
  spec.stderr(`[${t()}] [mpm_prefork:notice] [pid 1:tid 1] AH00163: ${server} configured -- resuming normal operations\n`);
  spec.stderr(`[${t()}] [core:notice] [pid 1:tid 1] AH00094: Command line: 'apache2 -D FOREGROUND'\n`);
  // The parent's handlers (prefork's set_signals): TERM and INT stop, WINCH stops gracefully, HUP/USR1 restart (not delivered here).
  spec.caught?.add('SIGTERM').add('SIGINT').add('SIGWINCH');
  const close = spec.network.listen?.(80, async (req) => {
    const res = await apacheAnswer(run, req, spec.now());
    spec.stdout(`${req.client} - - [${accessTime(spec.now())}] "${req.method} ${req.path} HTTP/1.1" ${res.status} ${res.body.length} "${header(req.headers, 'Referer') ?? '-'}" "${header(req.headers, 'User-Agent') ?? '-'}"\n`);
    return res;
  });
  await untilAborted(spec.signal);
  close?.();
  // SIGKILL (docker stop's timeout, docker kill): no handler runs, nothing is logged.
  if (spec.signal.reason === 'SIGKILL') return exitForSignal(spec.signal);
  const graceful = spec.signal.reason === 'SIGWINCH';
  spec.stderr(`[${t()}] [mpm_prefork:notice] [pid 1:tid 1] ${graceful ? 'AH00170: caught SIGWINCH, shutting down gracefully' : 'AH00169: caught SIGTERM, shutting down'}\n`);
  return 0;
};

/** php-fpm's log time: `22-Jul-2025 10:00:00`. */
function fpmTime(ms: number): string {
  const d = new Date(ms);
  return `${p2(d.getUTCDate())}-${MONTHS[d.getUTCMonth()]}-${d.getUTCFullYear()} ${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())}`;
}

/** php-fpm (daemonize = no, listen = 9000): its NOTICE lines; FastCGI requests are not simulated (nothing in the lab speaks FastCGI). */
export const phpFpm: Program = async (run) => {
  const { spec } = run;
  if (run.args.length > 0) {
    spec.stderr(`${run.name}: Layerlab runs php-fpm only as the image starts it (no options); PHP code is not run here\n`);
    return 1;
  }
  spec.stderr(`[${fpmTime(spec.now())}] NOTICE: fpm is running, pid 1\n[${fpmTime(spec.now())}] NOTICE: ready to handle connections\n`);
  spec.caught?.add('SIGTERM').add('SIGINT').add('SIGQUIT');
  await untilAborted(spec.signal);
  if (spec.signal.reason === 'SIGKILL') return exitForSignal(spec.signal);
  const graceful = spec.signal.reason === 'SIGQUIT';
  spec.stderr(`[${fpmTime(spec.now())}] NOTICE: ${graceful ? 'Finishing' : 'Terminating'} ...\n[${fpmTime(spec.now())}] NOTICE: exiting, bye-bye!\n`);
  return 0;
};
