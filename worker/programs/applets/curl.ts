/**
 * curl inside containers, as curl 7.88.1 (Debian 12, the nginx image's) prints
 * it, recorded in test/programs/fixtures/net.json: the progress meter on
 * stderr when the body does not go to a terminal, -s/-S, -i, -I, -o/-O, -f,
 * -L, -v, -w, -X, -H, -A, -d, and the errors (6) could not resolve, (7)
 * failed to connect, (22) HTTP error. Options curl has that are not
 * simulated say so; an unknown option is curl's own complaint. Alpine's
 * curl 8.14 and Ubuntu's 8.5 print the same for these, except -v (8.x's
 * trace has other lines): -v there is refused as not simulated.
 */
import type { HttpResponse } from '../../engine/network/http.ts';
import { header } from '../../engine/network/http.ts';
import type { ProgramRun } from '../program.ts';
import { bodyText, exchange, hostHeader, parseUrl, resolveHost, type Url } from './http-client.ts';

const TRY = "curl: try 'curl --help' or 'curl --manual' for more information\n";

/** Real curl options the simulation does not implement (others are unknown to curl too). */
const NOT_SIMULATED = new Set(
  '--compressed --retry --retry-delay --retry-max-time -u --user -x --proxy -F --form --data-binary --data-raw --data-urlencode -T --upload-file -c --cookie-jar -b --cookie -e --referer -r --range -C --continue-at -4 --ipv4 -6 --ipv6 --http2 --http1.0 -0 --cacert --cert --key -E --resolve --connect-to --interface --limit-rate -Z --parallel -K --config -N --no-buffer -# --progress-bar -m --max-time --connect-timeout -j --junk-session-cookies -G --get -D --dump-header --trace --trace-ascii --stderr -J --remote-header-name --create-dirs -z --time-cond --unix-socket -n --netrc -R --remote-time --tlsv1.2 --ssl --ftp-pasv -Q --quote -l --list-only -a --append -P --ftp-port -y --speed-time -Y --speed-limit'.split(' '),
);

interface Opts {
  silent: boolean;
  showError: boolean;
  include: boolean;
  head: boolean;
  fail: boolean;
  location: boolean;
  verbose: boolean;
  output?: string;
  remoteName: boolean;
  writeOut?: string;
  method?: string;
  headers: Array<[string, string]>;
  agent?: string;
  data?: string;
  urls: string[];
}

const WITH_VALUE: Record<string, keyof Opts> = { '-o': 'output', '--output': 'output', '-w': 'writeOut', '--write-out': 'writeOut', '-X': 'method', '--request': 'method', '-A': 'agent', '--user-agent': 'agent', '-d': 'data', '--data': 'data', '-H': 'headers', '--header': 'headers' };
const FLAGS: Record<string, keyof Opts> = { '-s': 'silent', '--silent': 'silent', '-S': 'showError', '--show-error': 'showError', '-i': 'include', '--include': 'include', '-I': 'head', '--head': 'head', '-f': 'fail', '--fail': 'fail', '-L': 'location', '--location': 'location', '-v': 'verbose', '--verbose': 'verbose', '-O': 'remoteName', '--remote-name': 'remoteName' };
/** Accepted with no visible effect in the lab: -k skips certificate checks, and no lab server speaks TLS. */
const NO_EFFECT = new Set(['-k', '--insecure']);

type Parsed = { opts: Opts } | { error: string; code: number };

function parseArgs(args: string[]): Parsed {
  const opts: Opts = { silent: false, showError: false, include: false, head: false, fail: false, location: false, verbose: false, remoteName: false, headers: [], urls: [] };
  const set = (key: keyof Opts, value?: string): void => {
    if (key === 'headers') {
      const i = value!.indexOf(':');
      if (i > 0) opts.headers.push([value!.slice(0, i).trim(), value!.slice(i + 1).trim()]);
    } else if (value === undefined) (opts as unknown as Record<string, boolean>)[key] = true;
    else (opts as unknown as Record<string, string>)[key] = value;
  };
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a.startsWith('--')) {
      const [name, inline] = a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
      if (FLAGS[name]) set(FLAGS[name]);
      else if (WITH_VALUE[name]) {
        const v = inline ?? args[++i];
        if (v === undefined) return { error: `curl: option ${name}: requires parameter\n${TRY}`, code: 2 };
        set(WITH_VALUE[name], v);
      } else if (NO_EFFECT.has(name)) continue;
      else if (name === '--version') return { error: '', code: -1 };
      else if (NOT_SIMULATED.has(name)) return { error: `curl: option ${name}: is not simulated in Layerlab\n${TRY}`, code: 2 };
      else return { error: `curl: option ${name}: is unknown\n${TRY}`, code: 2 };
      continue;
    }
    if (a.startsWith('-') && a.length > 1) {
      for (let j = 1; j < a.length; j++) {
        const o = `-${a[j]}`;
        if (FLAGS[o]) set(FLAGS[o]);
        else if (WITH_VALUE[o]) {
          const rest = a.slice(j + 1);
          const v = rest !== '' ? rest : args[++i];
          if (v === undefined) return { error: `curl: option ${o}: requires parameter\n${TRY}`, code: 2 };
          set(WITH_VALUE[o], v);
          break;
        } else if (NO_EFFECT.has(o)) continue;
        else if (o === '-V') return { error: '', code: -1 };
        else if (NOT_SIMULATED.has(o)) return { error: `curl: option ${o}: is not simulated in Layerlab\n${TRY}`, code: 2 };
        else return { error: `curl: option ${o}: is unknown\n${TRY}`, code: 2 };
      }
      continue;
    }
    opts.urls.push(a);
  }
  return { opts };
}

/** curl's max5data: a byte count in at most 5 characters. */
function m5(n: number): string {
  if (n < 100000) return String(n).padStart(5);
  if (n < 10000 * 1024) return `${Math.floor(n / 1024)}k`.padStart(5);
  if (n < 100 * 1024 * 1024) return `${(n / 1048576).toFixed(1)}M`.padStart(5);
  return `${Math.floor(n / 1048576)}M`.padStart(5);
}

const METER_HEAD = '  % Total    % Received % Xferd  Average Speed   Time    Time     Time  Current\n                                 Dload  Upload   Total   Spent    Left  Speed\n';

/** One progress line (progress.c): total expected, downloaded, speeds; times unknown for an instant transfer. */
function meterLine(total: number, got: number): string {
  const pct = (n: number): string => String(total > 0 ? Math.floor((n * 100) / total) : 0).padStart(3);
  // The lab's transfers take no time; curl would report a few hundred kB/s for a page: 2 ms per transfer.
  const speed = got * 500;
  return `\r${pct(got)} ${m5(total)}  ${pct(got)} ${m5(got)}  ${'0'.padStart(3)} ${m5(0)}  ${m5(speed)}  ${m5(0)} --:--:-- --:--:-- --:--:-- ${m5(speed)}`;
}

/** The curl version of the image: Alpine 3.22's 8.14.1, Ubuntu 24.04's 8.5.0, Debian 12's 7.88.1. */
async function curlVersion(run: ProgramRun): Promise<string> {
  const fs = run.spec.fs;
  if (await fs.exists('/etc/alpine-release')) return '8.14.1';
  try {
    if ((await fs.readFile('/etc/os-release')).includes('ID=ubuntu')) return '8.5.0';
  } catch {
    // no os-release: Debian's
  }
  return '7.88.1';
}

function statusLine(r: HttpResponse): string {
  return `${r.version ?? 'HTTP/1.1'} ${r.status} ${r.reason}`;
}

function headerBlock(r: HttpResponse, prefix = ''): string {
  return [statusLine(r), ...r.headers.map(([k, v]) => `${k}: ${v}`), ''].map((l) => `${prefix}${l}\r\n`).join('');
}

/** `-w` variables curl knows that the lab fills in. */
function writeOut(format: string, vars: Record<string, string>): { text: string; warnings: string } {
  let warnings = '';
  const text = format
    .replace(/%\{([a-z_]+)\}/g, (_m, name: string) => {
      if (name in vars) return vars[name]!;
      warnings += `curl: unknown --write-out variable: '${name}'\n`;
      return '';
    })
    .replace(/\\n/g, '\n')
    .replace(/\\t/g, '\t')
    .replace(/\\r/g, '\r');
  return { text, warnings };
}

/** The curl program. */
export async function curl(run: ProgramRun): Promise<number> {
  const { spec } = run;
  const version = await curlVersion(run);
  if (run.args.length === 0) {
    spec.stderr(TRY);
    return 2;
  }
  const parsed = parseArgs(run.args);
  if ('error' in parsed) {
    if (parsed.code === -1) {
      spec.stdout(`curl ${version} (x86_64-pc-linux-gnu) libcurl/${version}\n`);
      return 0;
    }
    spec.stderr(parsed.error);
    return parsed.code;
  }
  const o = parsed.opts;
  if (o.verbose && version !== '7.88.1') {
    spec.stderr(`curl: option -v: is not simulated in Layerlab for curl ${version} (its trace is curl 7.88's only)\n${TRY}`);
    return 2;
  }
  if (o.urls.length === 0) {
    spec.stderr(`curl: no URL specified!\n${TRY}`);
    return 2;
  }
  if (o.urls.length > 1) {
    spec.stderr(`curl: more than one URL in one call is not simulated in Layerlab\n`);
    return 2;
  }
  let url = parseUrl(o.urls[0]!);
  if (!url) {
    if (!o.silent || o.showError) spec.stderr(`curl: (3) URL using bad/illegal format or missing URL\n`);
    return 3;
  }
  if (url.scheme !== 'http' && url.scheme !== 'https') {
    if (!o.silent || o.showError) spec.stderr(`curl: (1) Protocol "${url.scheme}" not supported or disabled in libcurl\n`);
    return 1;
  }
  const toFile = o.output !== undefined || o.remoteName;
  let outName = o.output;
  if (o.remoteName) {
    outName = url.path.split('?')[0]!.split('/').pop() ?? '';
    if (outName === '') {
      if (!o.silent || o.showError) spec.stderr('curl: Remote file name has no length!\n');
      return 23;
    }
  }
  // curl's meter stays off when the body goes to a terminal (it would mix with the page).
  const meter = !o.silent && (toFile || !spec.tty);
  const errLine = (text: string): void => {
    if (!o.silent || o.showError) spec.stderr(text);
  };
  let err = meter ? METER_HEAD + meterLine(0, 0) : '';
  const flush = (): void => {
    if (err) spec.stderr(err);
    err = '';
  };
  const trace = (line: string): void => {
    if (o.verbose) err += line;
  };
  const method = o.method ?? (o.head ? 'HEAD' : o.data !== undefined ? 'POST' : 'GET');
  let response: HttpResponse | undefined;
  for (let hops = 0; ; hops++) {
    const address = resolveHost(spec.network, url);
    if (address === undefined) {
      flush();
      errLine(`curl: (6) Could not resolve host: ${url.host}\n`);
      return 6;
    }
    trace(`*   Trying ${address}:${url.port}...\n`);
    const headers: Array<[string, string]> = [['Host', hostHeader(url)], ['User-Agent', o.agent ?? `curl/${version}`], ['Accept', '*/*']];
    for (const [k, v] of o.headers) {
      const at = headers.findIndex(([h]) => h.toLowerCase() === k.toLowerCase());
      if (at >= 0) headers[at] = [k, v];
      else headers.push([k, v]);
    }
    const body = o.data !== undefined ? new TextEncoder().encode(o.data) : undefined;
    if (body) headers.push(['Content-Length', String(body.length)], ['Content-Type', 'application/x-www-form-urlencoded']);
    const got = await exchange(spec.network, address, url, { method, path: url.path, headers, ...(body ? { body } : {}) });
    if (got.kind !== 'ok') {
      trace(`* connect to ${address} port ${url.port} failed: ${got.kind === 'refused' ? 'Connection refused' : 'Network is unreachable'}\n`);
      trace(`* Failed to connect to ${url.host} port ${url.port} after 0 ms: Couldn't connect to server\n* Closing connection 0\n`);
      if (meter) err += meterLine(0, 0) + '\n';
      flush();
      errLine(`curl: (7) Failed to connect to ${url.host} port ${url.port} after 0 ms: Couldn't connect to server\n`);
      return 7;
    }
    response = got.response;
    trace(`* Connected to ${url.host} (${address}) port ${url.port} (#0)\n`);
    trace(`> ${method} ${url.path} HTTP/1.1\r\n${headers.map(([k, v]) => `> ${k}: ${v}\r\n`).join('')}> \r\n`);
    if (body) trace(`} [${body.length} bytes data]\n`);
    const location = header(response.headers, 'Location');
    if (o.location && response.status >= 300 && response.status < 400 && location && hops < 50) {
      trace(headerBlock(response, '< '));
      if (o.include) spec.stdout(headerBlock(response));
      trace(`* Connection #0 to host ${url.host} left intact\n* Issue another request to this URL: '${location}'\n`);
      const next = parseUrl(location.startsWith('/') ? `${url.scheme}://${hostHeader(url)}${location}` : location);
      if (!next) break;
      url = next;
      continue;
    }
    break;
  }
  const r = response!;
  trace(headerBlock(r, '< '));
  const total = Number(header(r.headers, 'Content-Length') ?? r.body.length);
  if (o.fail && r.status >= 400) {
    if (meter) err += meterLine(total, 0) + '\n';
    trace(`* The requested URL returned error: ${r.status}\n* Closing connection 0\n`);
    flush();
    errLine(`curl: (22) The requested URL returned error: ${r.status}\n`);
    return 22;
  }
  const payload = method === 'HEAD' ? new Uint8Array() : r.body;
  if (payload.length > 0 && o.verbose && !spec.tty) err += `{ [${payload.length} bytes data]\n`;
  if (meter) err += (method === 'HEAD' ? meterLine(total, 0) : meterLine(payload.length, payload.length)) + '\n';
  trace(`* Connection #0 to host ${url.host} left intact\n`);
  const head = o.include || o.head ? headerBlock(r) : '';
  if (toFile && outName !== '/dev/null') {
    const path = outName!.startsWith('/') ? outName! : `${spec.cwd.replace(/\/$/, '')}/${outName}`;
    try {
      const bytes = new Uint8Array([...new TextEncoder().encode(head), ...payload]);
      await spec.fs.writeFile(path, bytes);
    } catch {
      flush();
      errLine(`curl: (23) Failure writing output to destination\n`);
      return 23;
    }
  } else if (!toFile) {
    spec.stdout(head + bodyText(payload));
  }
  flush();
  if (o.writeOut !== undefined) {
    const { text, warnings } = writeOut(o.writeOut, {
      http_code: String(r.status).padStart(3, '0'),
      response_code: String(r.status),
      size_download: String(payload.length),
      content_type: header(r.headers, 'Content-Type') ?? '',
      url_effective: `${url.scheme}://${hostHeader(url)}${url.path}`,
    });
    if (warnings) spec.stderr(warnings);
    spec.stdout(text);
  }
  return 0;
}
