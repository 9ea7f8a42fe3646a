/**
 * nginx as the nginx image runs it (`nginx -g 'daemon off;'`): its startup notices on
 * stderr (the image links /var/log/nginx/error.log to /dev/stderr), then it serves
 * until the container is stopped, answering SIGTERM/SIGQUIT with its shutdown notices.
 * The engine reports requests with {@link nginxAccessLine}, which is what nginx writes
 * to its access log (linked to /dev/stdout).
 */
import { KERNEL } from '../applets/system.ts';
import { header } from '../../engine/network/http.ts';
import type { Program, ProgramRun } from '../program.ts';
import { nginxAnswer } from './static-http.ts';
import { signalOf, untilAborted } from '../program.ts';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** nginx's error-log time: `2025/07/22 10:00:00`. */
export function errorLogTime(ms: number): string {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}/${pad(d.getUTCMonth() + 1)}/${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}

/** A request as nginx logs it in the image's `main` log format (combined + X-Forwarded-For). */
export interface AccessRequest { client?: string; method?: string; path?: string; status?: number; bytes?: number; userAgent?: string; time: number }

/**
 * One access-log line: `172.17.0.1 - - [22/Jul/2025:10:00:00 +0000] "GET / HTTP/1.1" 200 615 "-" "curl/8.5.0" "-"`.
 * The engine calls it for each simulated request and writes the line to the container's stdout.
 */
export function nginxAccessLine(r: AccessRequest): string {
  const d = new Date(r.time);
  const stamp = `${pad(d.getUTCDate())}/${MONTHS[d.getUTCMonth()]}/${d.getUTCFullYear()}:${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} +0000`;
  return `${r.client ?? '172.17.0.1'} - - [${stamp}] "${r.method ?? 'GET'} ${r.path ?? '/'} HTTP/1.1" ${r.status ?? 200} ${r.bytes ?? 615} "-" "${r.userAgent ?? 'curl/8.5.0'}" "-"\n`;
}

/** The nginx version of the image (NGINX_VERSION), as `nginx -v` prints it. */
function version(env: Record<string, string>): string {
  return env.NGINX_VERSION ?? '1.29.0';
}

/**
 * The port and document root of the server nginx runs: the first `listen` and
 * `root` of /etc/nginx/conf.d/default.conf (the image's: 80 and
 * /usr/share/nginx/html), so a learner's edited or copied config is honoured
 * for these two; anything else of nginx's configuration is not interpreted.
 */
async function serverConf(spec: ProgramRun['spec']): Promise<{ port: number; root: string }> {
  let text = '';
  try {
    text = await spec.fs.readFile('/etc/nginx/conf.d/default.conf');
  } catch {
    // no default server: nginx's compiled-in defaults
  }
  const live = text.split('\n').filter((l) => !l.trim().startsWith('#')).join('\n');
  const port = Number(/\blisten\s+(?:[\d.]+:)?(\d+)/.exec(live)?.[1] ?? 80);
  const root = /\broot\s+([^;\s]+)\s*;/.exec(live)?.[1] ?? '/usr/share/nginx/html';
  return { port, root };
}

/** The nginx program. */
export const nginx: Program = async (run) => {
  const { spec } = run;
  if (run.args.includes('-v') || run.args.includes('-V')) {
    spec.stderr(`nginx version: nginx/${version(spec.env)}\n`);
    return 0;
  }
  if (run.args.includes('-t')) {
    spec.stderr('nginx: the configuration file /etc/nginx/nginx.conf syntax is ok\nnginx: configuration file /etc/nginx/nginx.conf test is successful\n');
    return 0;
  }
  const t = (): string => errorLogTime(spec.now());
  const workers = [29, 30];
  spec.stderr([
    `${t()} [notice] 1#1: using the "epoll" event method`,
    `${t()} [notice] 1#1: nginx/${version(spec.env)}`,
    `${t()} [notice] 1#1: built by gcc 12.2.0 (Debian 12.2.0-14+deb12u1) `,
    `${t()} [notice] 1#1: OS: Linux ${KERNEL.release}`,
    `${t()} [notice] 1#1: getrlimit(RLIMIT_NOFILE): 1048576:1048576`,
    `${t()} [notice] 1#1: start worker processes`,
    ...workers.map((w) => `${t()} [notice] 1#1: start worker process ${w}`),
    '',
  ].join('\n'));
  // The master process's handlers (ngx_signals): TERM/INT fast shutdown, QUIT graceful. (HUP, USR1, USR2
  // and WINCH are caught too, to reload or reopen logs; the simulator does not deliver them, so they do nothing.)
  spec.caught?.add('SIGTERM').add('SIGINT').add('SIGQUIT');
  const conf = await serverConf(spec);
  // The access log (/var/log/nginx/access.log → /dev/stdout) gets one line per request.
  const close = spec.network.listen?.(conf.port, async (req) => {
    const res = await nginxAnswer(spec.fs, req, spec.now(), { root: conf.root, version: version(spec.env) });
    spec.stdout(nginxAccessLine({ time: spec.now(), client: req.client, method: req.method, path: req.path, status: res.status, bytes: res.body.length, userAgent: header(req.headers, 'User-Agent') ?? '-' }));
    return res;
  });
  await untilAborted(spec.signal);
  close?.();
  // docker stop sends SIGQUIT (the image's STOPSIGNAL): graceful shutdown; TERM and INT are nginx's fast shutdown.
  const sig = signalOf(spec.signal);
  const graceful = sig.name === 'SIGQUIT';
  spec.stderr([
    `${t()} [notice] 1#1: signal ${sig.number} (${sig.name}) received, ${graceful ? 'shutting down' : 'exiting'}`,
    ...(graceful ? workers.map((w) => `${t()} [notice] ${w}#${w}: gracefully shutting down`) : []),
    ...workers.map((w) => `${t()} [notice] ${w}#${w}: exiting`),
    ...workers.map((w) => `${t()} [notice] ${w}#${w}: exit`),
    ...workers.map((w) => `${t()} [notice] 1#1: signal 17 (SIGCHLD) received from ${w}`),
    ...workers.map((w) => `${t()} [notice] 1#1: worker process ${w} exited with code 0`),
    `${t()} [notice] 1#1: exit`,
    '',
  ].join('\n'));
  return 0;
};
