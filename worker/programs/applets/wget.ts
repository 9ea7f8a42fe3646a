/**
 * busybox wget inside containers, as recorded from busybox 1.35 in
 * test/programs/fixtures/net.json (alpine's 1.37 prints the same lines): the
 * `Connecting to` line, `saving to`/`writing to stdout` with the one-line
 * progress bar, -q, -O FILE/-O-, -S, --spider, -P, -U, --header,
 * --post-data, redirects followed, and the errors (`bad address`, `can't
 * connect to remote host`, `server returned error`, an existing file).
 */
import type { HttpResponse } from '../../engine/network/http.ts';
import { header } from '../../engine/network/http.ts';
import type { ProgramRun } from '../program.ts';
import { bodyText, exchange, hostHeader, parseUrl, resolveHost, type Url } from './http-client.ts';
import { BUSYBOX_BANNER } from './usage.ts';

const USAGE = `${BUSYBOX_BANNER}

Usage: wget [-cqS] [--spider] [-O FILE] [-o LOGFILE] [--header STR]
\t[--post-data STR | --post-file FILE] [-Y on/off]
\t[--no-check-certificate] [-P DIR] [-U AGENT] URL...

Retrieve files via HTTP or FTP

\t--spider\tOnly check URL existence: $? is 0 if exists
\t--header STR\tAdd STR (of form 'header: value') to headers
\t--post-data STR\tSend STR using POST method
\t--post-file FILE\tSend FILE using POST method
\t--no-check-certificate\tDon't validate the server's certificate
\t-c\t\tContinue retrieval of aborted transfer
\t-q\t\tQuiet
\t-P DIR\t\tSave to DIR (default .)
\t-S    \t\tShow server response
\t-O FILE\t\tSave to FILE ('-' for stdout)
\t-o LOGFILE\tLog messages to FILE
\t-U STR\t\tUse STR for User-Agent header
\t-Y on/off\tUse proxy
`;

interface Opts {
  quiet: boolean;
  show: boolean;
  spider: boolean;
  output?: string;
  dir?: string;
  agent?: string;
  headers: Array<[string, string]>;
  postData?: string;
  urls: string[];
}

/** Options busybox wget has that the lab does not simulate (-c resumes, -o logs, -Y proxies, -T times out). */
const NOT_SIMULATED = new Set(['-c', '--continue', '-o', '--output-file', '-Y', '--proxy', '--post-file', '-T', '--timeout']);

function parse(args: string[]): Opts | { refuse: string } | { usage: true } {
  const o: Opts = { quiet: false, show: false, spider: false, headers: [], urls: [] };
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const value = (): string | undefined => args[++i];
    if (a === '--spider') o.spider = true;
    else if (a === '--no-check-certificate') continue;
    else if (a === '--header' || a.startsWith('--header=')) {
      const v = a.includes('=') ? a.slice(9) : value();
      if (v === undefined) return { usage: true };
      const c = v.indexOf(':');
      if (c > 0) o.headers.push([v.slice(0, c).trim(), v.slice(c + 1).trim()]);
    } else if (a === '--post-data' || a.startsWith('--post-data=')) {
      const v = a.includes('=') ? a.slice(12) : value();
      if (v === undefined) return { usage: true };
      o.postData = v;
    } else if (a === '--quiet') o.quiet = true;
    else if (a === '--server-response') o.show = true;
    else if (a === '--output-document' || a === '--directory-prefix' || a === '--user-agent') {
      const v = value();
      if (v === undefined) return { usage: true };
      if (a === '--output-document') o.output = v;
      else if (a === '--directory-prefix') o.dir = v;
      else o.agent = v;
    } else if (NOT_SIMULATED.has(a.split('=')[0]!)) return { refuse: a };
    else if (a.startsWith('--')) return { usage: true };
    else if (a.startsWith('-') && a.length > 1) {
      for (let j = 1; j < a.length; j++) {
        const c = a[j]!;
        if (c === 'q') o.quiet = true;
        else if (c === 'S') o.show = true;
        else if (c === 'O' || c === 'P' || c === 'U') {
          const v = a.slice(j + 1) || value();
          if (v === undefined) return { usage: true };
          if (c === 'O') o.output = v;
          else if (c === 'P') o.dir = v;
          else o.agent = v;
          break;
        } else if (NOT_SIMULATED.has(`-${c}`)) return { refuse: `-${c}` };
        else return { usage: true };
      }
    } else o.urls.push(a);
  }
  return o;
}

/** busybox's progress line: name in 20 columns, percentage, a 32-star bar, the size, the ETA. */
function progress(name: string, size: number): string {
  const shown = size < 100000 ? String(size) : `${Math.floor(size / 1024)}k`;
  return `${name.slice(0, 20).padEnd(20)} 100% |${'*'.repeat(32)}| ${shown.padStart(5)}  0:00:00 ETA\n`;
}

function statusLine(r: HttpResponse): string {
  return `${r.version ?? 'HTTP/1.1'} ${r.status} ${r.reason}`;
}

/** The wget program. */
export async function wget(run: ProgramRun): Promise<number> {
  const { spec } = run;
  const parsed = parse(run.args);
  if ('usage' in parsed || ('urls' in parsed && parsed.urls.length === 0)) {
    spec.stderr(USAGE);
    return 1;
  }
  if ('refuse' in parsed) {
    spec.stderr(`wget: option ${parsed.refuse} is not simulated in Layerlab\n`);
    return 1;
  }
  const o = parsed;
  const say = (t: string): void => {
    if (!o.quiet) spec.stderr(t);
  };
  let status = 0;
  for (const raw of o.urls) {
    let url: Url | undefined = parseUrl(raw);
    if (!url) {
      spec.stderr(`wget: bad address '${raw}'\n`);
      status = 1;
      continue;
    }
    let response: HttpResponse | undefined;
    for (let hops = 0; hops < 20; hops++) {
      const address = resolveHost(spec.network, url);
      if (address === undefined) {
        spec.stderr(`wget: bad address '${url.host}'\n`);
        return 1;
      }
      say(`Connecting to ${hostHeader(url)} (${address}:${url.port})\n`);
      const headers: Array<[string, string]> = [['Host', hostHeader(url)], ['User-Agent', o.agent ?? 'Wget']];
      const body = o.postData !== undefined ? new TextEncoder().encode(o.postData) : undefined;
      if (body) headers.push(['Content-Type', 'application/x-www-form-urlencoded'], ['Content-Length', String(body.length)]);
      headers.push(...o.headers, ['Connection', 'close']);
      const got = await exchange(spec.network, address, url, { method: body ? 'POST' : 'GET', path: url.path, headers, ...(body ? { body } : {}) });
      if (got.kind !== 'ok') {
        spec.stderr(`wget: can't connect to remote host (${address}): ${got.kind === 'refused' ? 'Connection refused' : 'Network is unreachable'}\n`);
        return 1;
      }
      response = got.response;
      if (o.show) spec.stderr([statusLine(response), ...response.headers.map(([k, v]) => `${k}: ${v}`), ''].map((l) => `  ${l}\n`).join(''));
      const location = header(response.headers, 'Location');
      if (response.status >= 300 && response.status < 400 && location) {
        url = parseUrl(location.startsWith('/') ? `${url.scheme}://${hostHeader(url)}${location}` : location);
        if (!url) break;
        continue;
      }
      break;
    }
    const r = response!;
    if (r.status < 200 || r.status >= 300) {
      spec.stderr(`wget: server returned error: ${statusLine(r)}\n`);
      return 1;
    }
    if (o.spider) {
      say('remote file exists\n');
      continue;
    }
    if (o.output === '-') {
      say('writing to stdout\n');
      spec.stdout(bodyText(r.body));
      say(progress('-', r.body.length));
      say('written to stdout\n');
      continue;
    }
    const name = o.output ?? (url!.path.split('?')[0]!.split('/').pop() || 'index.html');
    const rel = o.dir && !name.startsWith('/') ? `${o.dir.replace(/\/$/, '')}/${name}` : name;
    const path = rel.startsWith('/') ? rel : `${spec.cwd.replace(/\/$/, '')}/${rel}`;
    // busybox opens the file with O_EXCL unless -O names it.
    if (o.output === undefined && (await spec.fs.exists(path))) {
      spec.stderr(`wget: can't open '${rel}': File exists\n`);
      return 1;
    }
    say(`saving to '${rel}'\n`);
    if (rel !== '/dev/null') {
      try {
        await spec.fs.writeFile(path, r.body);
      } catch {
        spec.stderr(`wget: can't open '${rel}': No such file or directory\n`);
        return 1;
      }
    }
    say(progress(rel.split('/').pop()!, r.body.length));
    say(`'${rel}' saved\n`);
  }
  return status;
}
