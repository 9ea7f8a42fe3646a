/**
 * Static file servers of the lab: what nginx (the image's default.conf:
 * `root /usr/share/nginx/html; index index.html index.htm;`) and busybox
 * httpd (`httpd -f -p PORT -h DIR`) answer for a request, with the headers in
 * the order each sends them, recorded from nginx 1.22.1 and busybox 1.35
 * (test/programs/fixtures/net.json; busybox httpd's with curl -i by hand):
 * the page, 301/302 to the directory with a slash, 403 for a directory
 * without an index (nginx), 404, and 405/501 for methods a static server
 * does not take.
 */
import type { IFileSystem } from 'just-bash';
import type { HttpRequest, HttpResponse } from '../../engine/network/http.ts';
import { header, httpDate } from '../../engine/network/http.ts';

const enc = new TextEncoder();

/** nginx's mime.types for the extensions a learner serves; others are application/octet-stream. */
const MIME: Record<string, string> = {
  html: 'text/html', htm: 'text/html', shtml: 'text/html', css: 'text/css', xml: 'text/xml', gif: 'image/gif', jpeg: 'image/jpeg', jpg: 'image/jpeg',
  js: 'application/javascript', txt: 'text/plain', png: 'image/png', svg: 'image/svg+xml', svgz: 'image/svg+xml', ico: 'image/x-icon', webp: 'image/webp',
  json: 'application/json', pdf: 'application/pdf', zip: 'application/zip', wasm: 'application/wasm', mp4: 'video/mp4', woff: 'font/woff', woff2: 'font/woff2',
};

function mimeOf(path: string): string {
  const ext = /\.([^./]+)$/.exec(path)?.[1]?.toLowerCase() ?? '';
  return MIME[ext] ?? 'application/octet-stream';
}

const REASONS: Record<number, string> = { 200: 'OK', 301: 'Moved Permanently', 302: 'Found', 403: 'Forbidden', 404: 'Not Found', 405: 'Not Allowed', 501: 'Not Implemented' };

/** A file found under the root, or why not. */
type Found = { kind: 'file'; path: string; size: number; mtime: number } | { kind: 'redirect' } | { kind: 'forbidden' } | { kind: 'missing' };

function decodePath(target: string): string {
  const path = target.split('?')[0]!;
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

async function find(fs: IFileSystem, root: string, urlPath: string, index: readonly string[]): Promise<Found> {
  // Normalise `..` as both servers do before mapping to the root.
  const parts: string[] = [];
  for (const p of urlPath.split('/')) {
    if (p === '' || p === '.') continue;
    if (p === '..') parts.pop();
    else parts.push(p);
  }
  const full = `${root.replace(/\/$/, '')}/${parts.join('/')}`;
  const dirRequest = urlPath.endsWith('/');
  try {
    const st = await fs.stat(full);
    if (st.isDirectory) {
      if (!dirRequest) return { kind: 'redirect' };
      for (const name of index) {
        try {
          const f = await fs.stat(`${full.replace(/\/$/, '')}/${name}`);
          if (f.isFile) return { kind: 'file', path: `${full.replace(/\/$/, '')}/${name}`, size: f.size, mtime: f.mtime.getTime() };
        } catch {
          // next index name
        }
      }
      return { kind: 'forbidden' };
    }
    if (dirRequest) return { kind: 'missing' };
    return { kind: 'file', path: full, size: st.size, mtime: st.mtime.getTime() };
  } catch {
    return { kind: 'missing' };
  }
}

/** nginx's ETag: hex mtime (seconds) - hex length. */
function etag(mtime: number, size: number): string {
  return `"${Math.floor(mtime / 1000).toString(16)}-${size.toString(16)}"`;
}

/** nginx's built-in error page (ngx_http_special_response.c), CRLF lines. */
export function nginxErrorPage(status: number, version: string): string {
  const title = `${status} ${REASONS[status]}`;
  return `<html>\r\n<head><title>${title}</title></head>\r\n<body>\r\n<center><h1>${title}</h1></center>\r\n<hr><center>nginx/${version}</center>\r\n</body>\r\n</html>\r\n`;
}

/** What nginx answers with its default server (root, index), as nginx/`version`. */
export async function nginxAnswer(fs: IFileSystem, req: HttpRequest, now: number, opts: { root: string; version: string }): Promise<HttpResponse> {
  const connection = header(req.headers, 'Connection')?.toLowerCase() === 'close' ? 'close' : 'keep-alive';
  const base: Array<[string, string]> = [['Server', `nginx/${opts.version}`], ['Date', httpDate(now)]];
  const head = req.method === 'HEAD';
  const error = (status: number, extra: Array<[string, string]> = []): HttpResponse => {
    const page = enc.encode(nginxErrorPage(status, opts.version));
    return { status, reason: REASONS[status]!, headers: [...base, ['Content-Type', 'text/html'], ['Content-Length', String(page.length)], ...extra, ['Connection', connection]], body: head ? new Uint8Array() : page };
  };
  const path = decodePath(req.path);
  const found = await find(fs, opts.root, path, ['index.html', 'index.htm']);
  if (found.kind === 'missing') return error(404);
  if (found.kind === 'forbidden') return error(403);
  if (req.method !== 'GET' && req.method !== 'HEAD') return error(405);
  if (found.kind === 'redirect') {
    const host = header(req.headers, 'Host') ?? 'localhost';
    return error(301, [['Location', `http://${host}${path}/`]]);
  }
  const body = await fs.readFileBuffer(found.path);
  return {
    status: 200,
    reason: 'OK',
    headers: [...base, ['Content-Type', mimeOf(found.path)], ['Content-Length', String(found.size)], ['Last-Modified', httpDate(found.mtime)], ['Connection', connection], ['ETag', etag(found.mtime, found.size)], ['Accept-Ranges', 'bytes']],
    body: head ? new Uint8Array() : body,
  };
}

/** busybox httpd's error page (httpd.c send_headers_and_exit). */
function busyboxErrorPage(status: number, text: string): string {
  const title = `${status} ${REASONS[status]}`;
  return `<HTML><HEAD><TITLE>${title}</TITLE></HEAD>\n<BODY><H1>${title}</H1>\n${text}\n</BODY></HTML>\n`;
}

/** What busybox httpd answers for a file under its home directory. */
export async function busyboxAnswer(fs: IFileSystem, req: HttpRequest, now: number, home: string): Promise<HttpResponse> {
  const base: Array<[string, string]> = [['Date', httpDate(now)], ['Connection', 'close']];
  const error = (status: number, text: string): HttpResponse => ({
    status,
    reason: REASONS[status]!,
    headers: [...base, ['Content-type', 'text/html']],
    body: enc.encode(busyboxErrorPage(status, text)),
  });
  if (req.method !== 'GET' && req.method !== 'HEAD' && req.method !== 'POST') return error(501, 'The requested method is not recognized');
  const path = decodePath(req.path);
  const found = await find(fs, home, path, ['index.html']);
  if (found.kind === 'redirect') return { status: 302, reason: 'Found', headers: [...base, ['Content-type', 'text/html'], ['Location', `${path}/`]], body: new Uint8Array() };
  if (found.kind !== 'file') return error(404, 'The requested URL was not found');
  const body = await fs.readFileBuffer(found.path);
  return {
    status: 200,
    reason: 'OK',
    headers: [...base, ['Content-type', mimeOf(found.path)], ['Accept-Ranges', 'bytes'], ['Last-Modified', httpDate(found.mtime)], ['ETag', etag(found.mtime, found.size)], ['Content-Length', String(found.size)]],
    body: req.method === 'HEAD' ? new Uint8Array() : body,
  };
}
