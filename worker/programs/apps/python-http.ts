/**
 * `python3 -m http.server [PORT] [--bind ADDR] [--directory DIR]` as CPython
 * 3.9's http.server answers (SimpleHTTPRequestHandler, HTTP/1.0): files with
 * Content-type/Content-Length/Last-Modified, index.html for a directory or a
 * listing of it, 301 to the directory with a slash, the 404/501 error page,
 * and the log line per request on stderr. The page texts are 3.9's
 * (DEFAULT_ERROR_MESSAGE, list_directory); the header order and log lines were
 * checked against a real http.server (3.11, same for these).
 *
 * "Serving HTTP on …" is print()ed: Python block-buffers stdout when it is not
 * a terminal (the image sets no PYTHONUNBUFFERED), so `docker logs` of a
 * detached server shows only the stderr access lines; the line comes out
 * with -t, with PYTHONUNBUFFERED, or when Ctrl-C ends the server (its
 * KeyboardInterrupt path flushes), never after SIGTERM.
 */
import type { IFileSystem } from 'just-bash';
import type { HttpRequest, HttpResponse } from '../../engine/network/http.ts';
import { httpDate } from '../../engine/network/http.ts';
import type { ProcessSpec } from '../process.ts';
import { exitForSignal, signalOf, untilAborted } from '../program.ts';

const enc = new TextEncoder();
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const TYPES: Record<string, string> = { html: 'text/html', htm: 'text/html', txt: 'text/plain', css: 'text/css', js: 'application/javascript', json: 'application/json', png: 'image/png', jpg: 'image/jpeg', jpeg: 'image/jpeg', gif: 'image/gif', svg: 'image/svg+xml', py: 'text/x-python', md: 'text/markdown', csv: 'text/csv', xml: 'text/xml', pdf: 'application/pdf' };

/** BaseHTTPRequestHandler.log_date_time_string: `24/Nov/2026 03:00:00` (the container's UTC). */
function logTime(ms: number): string {
  const d = new Date(ms);
  const p = (n: number): string => String(n).padStart(2, '0');
  return `${p(d.getUTCDate())}/${MONTHS[d.getUTCMonth()]}/${d.getUTCFullYear()} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())}`;
}

/** CPython 3.9's DEFAULT_ERROR_MESSAGE. */
function errorPage(code: number, message: string, explain: string): string {
  return `<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01//EN"
        "http://www.w3.org/TR/html4/strict.dtd">
<html>
    <head>
        <meta http-equiv="Content-Type" content="text/html;charset=utf-8">
        <title>Error response</title>
    </head>
    <body>
        <h1>Error response</h1>
        <p>Error code: ${code}</p>
        <p>Message: ${message}.</p>
        <p>Error code explanation: ${code} - ${explain}.</p>
    </body>
</html>
`;
}

const escapeHtml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** CPython 3.9's list_directory. */
async function listing(fs: IFileSystem, dir: string, display: string): Promise<string> {
  const names = (await fs.readdir(dir)).sort((a, b) => (a.toLowerCase() < b.toLowerCase() ? -1 : a.toLowerCase() > b.toLowerCase() ? 1 : 0));
  const title = `Directory listing for ${display}`;
  const r = ['<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01//EN" "http://www.w3.org/TR/html4/strict.dtd">', '<html>\n<head>', '<meta http-equiv="Content-Type" content="text/html; charset=utf-8">', `<title>${title}</title>\n</head>`, `<body>\n<h1>${title}</h1>`, '<hr>\n<ul>'];
  for (const name of names) {
    // os.path.isdir follows links, os.path.islink does not: a link to a directory shows `name@` and links to `name/`.
    const link0 = await fs.lstat(`${dir}/${name}`);
    const isDir = await fs.stat(`${dir}/${name}`).then((st) => st.isDirectory, () => false);
    const shown = link0.isSymbolicLink ? `${name}@` : isDir ? `${name}/` : name;
    const link = isDir ? `${name}/` : name;
    r.push(`<li><a href="${encodeURI(link).replace(/#/g, '%23').replace(/\?/g, '%3F')}">${escapeHtml(shown)}</a></li>`);
  }
  r.push('</ul>\n<hr>\n</body>\n</html>\n');
  return r.join('\n');
}

/** One request, as SimpleHTTPRequestHandler answers it; `log` gets the stderr lines. */
async function answer(fs: IFileSystem, root: string, req: HttpRequest, now: number, version: string, log: (line: string) => void): Promise<HttpResponse> {
  const base: Array<[string, string]> = [['Server', `SimpleHTTP/0.6 Python/${version}`], ['Date', httpDate(now)]];
  const line = `"${req.method} ${req.path} HTTP/1.1"`;
  const fail = (code: number, reason: string, message: string, explain: string): HttpResponse => {
    log(`${req.client} - - [${logTime(now)}] code ${code}, message ${message}\n`);
    log(`${req.client} - - [${logTime(now)}] ${line} ${code} -\n`);
    const body = enc.encode(errorPage(code, message, explain));
    return { version: 'HTTP/1.0', status: code, reason, headers: [...base, ['Connection', 'close'], ['Content-Type', 'text/html;charset=utf-8'], ['Content-Length', String(body.length)]], body: req.method === 'HEAD' ? new Uint8Array() : body };
  };
  if (req.method !== 'GET' && req.method !== 'HEAD') return fail(501, `Unsupported method ('${req.method}')`, `Unsupported method ('${req.method}')`, 'Server does not support this operation');
  let path = req.path.split('?')[0]!.split('#')[0]!;
  try {
    path = decodeURIComponent(path);
  } catch {
    // kept as sent
  }
  const parts = path.split('/').filter((p) => p !== '' && p !== '.' && p !== '..');
  const full = `${root.replace(/\/$/, '')}/${parts.join('/')}`.replace(/\/$/, '') || '/';
  const ok = (headers: Array<[string, string]>, body: Uint8Array): HttpResponse => {
    log(`${req.client} - - [${logTime(now)}] ${line} 200 -\n`);
    return { version: 'HTTP/1.0', status: 200, reason: 'OK', headers: [...base, ...headers], body: req.method === 'HEAD' ? new Uint8Array() : body };
  };
  let st;
  try {
    st = await fs.stat(full);
  } catch {
    return fail(404, 'File not found', 'File not found', 'Nothing matches the given URI');
  }
  if (st.isDirectory) {
    if (!path.endsWith('/')) {
      log(`${req.client} - - [${logTime(now)}] ${line} 301 -\n`);
      return { version: 'HTTP/1.0', status: 301, reason: 'Moved Permanently', headers: [...base, ['Location', `${path}/`], ['Content-Length', '0']], body: new Uint8Array() };
    }
    for (const index of ['index.html', 'index.htm']) {
      try {
        const f = await fs.stat(`${full}/${index}`);
        if (f.isFile) return ok([['Content-type', 'text/html'], ['Content-Length', String(f.size)], ['Last-Modified', httpDate(f.mtime.getTime())]], await fs.readFileBuffer(`${full}/${index}`));
      } catch {
        // next index name
      }
    }
    const body = enc.encode(await listing(fs, full, path));
    return ok([['Content-type', 'text/html; charset=utf-8'], ['Content-Length', String(body.length)]], body);
  }
  if (path.endsWith('/')) return fail(404, 'File not found', 'File not found', 'Nothing matches the given URI');
  const ext = /\.([^./]+)$/.exec(full)?.[1]?.toLowerCase() ?? '';
  return ok([['Content-type', TYPES[ext] ?? 'application/octet-stream'], ['Content-Length', String(st.size)], ['Last-Modified', httpDate(st.mtime.getTime())]], await fs.readFileBuffer(full));
}

/** Runs the server until a signal ends it. */
export async function httpServer(spec: ProcessSpec, args: string[], version: string): Promise<number> {
  let port = 8000;
  let bind = '0.0.0.0';
  let dir = spec.cwd;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if ((a === '--bind' || a === '-b') && args[i + 1] !== undefined) bind = args[++i]!;
    else if ((a === '--directory' || a === '-d') && args[i + 1] !== undefined) dir = args[++i]!;
    else if (/^\d+$/.test(a)) port = Number(a);
    else {
      spec.stderr(`python3 -m http.server: option ${a} is not simulated in Layerlab\n`);
      return 2;
    }
  }
  if (!dir.startsWith('/')) dir = `${spec.cwd.replace(/\/$/, '')}/${dir}`;
  const serving = `Serving HTTP on ${bind} port ${port} (http://${bind}:${port}/) ...\n`;
  const unbuffered = spec.tty || (spec.env.PYTHONUNBUFFERED ?? '') !== '';
  if (unbuffered) spec.stdout(serving);
  const close = spec.network.listen?.(port, (req) => answer(spec.fs, dir, req, spec.now(), version, (l) => spec.stderr(l)));
  await untilAborted(spec.signal);
  close?.();
  if (signalOf(spec.signal).name === 'SIGINT') {
    // KeyboardInterrupt: http.server prints this and exits normally, flushing stdout.
    spec.stdout(`${unbuffered ? '' : serving}\nKeyboard interrupt received, exiting.\n`);
    return 0;
  }
  return exitForSignal(spec.signal);
}
