/**
 * The Node.js surface a lesson's script sees, written in JavaScript and evaluated in
 * the QuickJS context before the script: console with util.format/inspect-like output,
 * process, require() of os, path, util, fs (the container's files, node-fs-host.ts),
 * events, assert, buffer, http (a server that listens keeps the process running, as in
 * Node), timers; Node's other core modules refuse with a Layerlab message. Host calls
 * go through the `__host` object.
 */

/** QuickJS's wording of an error message turned into V8's (`'x' is not defined` → `x is not defined`). */
export function v8Message(message: string): string {
  return message.replace(/^'([^']+)' is not defined$/, '$1 is not defined').replace(/^cannot read property '([^']+)' of (undefined|null)$/, "Cannot read properties of $2 (reading '$1')");
}

/** Bootstrap source; `__host` provides write(fd, s), exit(code), listen(port), timer(id, ms), fs(op, json), info (JSON). */
export const NODE_SHIM = String.raw`
(function () {
  const host = globalThis.__host;
  const info = JSON.parse(host.info);
  const inspect = (v, depth, top) => {
    if (typeof v === 'string') return top ? v : "'" + v.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n') + "'";
    if (typeof v === 'number') return Object.is(v, -0) ? '-0' : String(v);
    if (typeof v === 'bigint') return v + 'n';
    if (v === null || typeof v !== 'object' && typeof v !== 'function') return String(v);
    if (typeof v === 'function') return v.name ? '[Function: ' + v.name + ']' : '[Function (anonymous)]';
    if (v instanceof Error) return v.stack ? String(v.name) + ': ' + v.message + '\n' + String(v.stack).replace(/\n$/, '') : String(v);
    if (depth > 2) return Array.isArray(v) ? '[Array]' : '[Object]';
    if (Array.isArray(v)) {
      if (v.length === 0) return '[]';
      const items = v.map((x) => inspect(x, depth + 1, false));
      const one = '[ ' + items.join(', ') + ' ]';
      return one.length <= 72 && !one.includes('\n') ? one : '[\n' + items.map((x) => '  ' + x.replace(/\n/g, '\n  ')).join(',\n') + '\n]';
    }
    if (v instanceof Map) return 'Map(' + v.size + ') {' + (v.size ? ' ' + [...v].map(([k, x]) => inspect(k, depth + 1) + ' => ' + inspect(x, depth + 1)).join(', ') + ' ' : '') + '}';
    if (v instanceof Set) return 'Set(' + v.size + ') {' + (v.size ? ' ' + [...v].map((x) => inspect(x, depth + 1)).join(', ') + ' ' : '') + '}';
    if (v instanceof Date) return v.toISOString();
    const keys = Object.keys(v);
    const ctor = v.constructor && v.constructor !== Object && v.constructor.name ? v.constructor.name + ' ' : '';
    if (keys.length === 0) return ctor + '{}';
    const items = keys.map((k) => (/^[A-Za-z_$][\w$]*$/.test(k) ? k : "'" + k + "'") + ': ' + inspect(v[k], depth + 1, false));
    const one = ctor + '{ ' + items.join(', ') + ' }';
    return one.length <= 72 && !one.includes('\n') ? one : ctor + '{\n' + items.map((x) => '  ' + x.replace(/\n/g, '\n  ')).join(',\n') + '\n}';
  };
  const format = (...args) => {
    let out = '';
    let rest = args;
    if (typeof args[0] === 'string' && /%[sdifjoO%]/.test(args[0])) {
      let i = 1;
      out = args[0].replace(/%([sdifjoO%])/g, (m, c) => {
        if (c === '%') return '%';
        if (i >= args.length) return m;
        const a = args[i++];
        if (c === 's') return typeof a === 'string' ? a : inspect(a, 1, false);
        if (c === 'd' || c === 'i') return String(c === 'i' ? parseInt(a) : Number(a));
        if (c === 'f') return String(parseFloat(a));
        if (c === 'j') return JSON.stringify(a);
        return inspect(a, 0, false);
      });
      rest = args.slice(i);
      return [out, ...rest.map((a) => inspect(a, 0, true))].join(' ');
    }
    return rest.map((a) => inspect(a, 0, true)).join(' ');
  };
  const write = (fd) => (...a) => host.write(fd, format(...a) + '\n');
  globalThis.console = { log: write(1), info: write(1), debug: write(1), warn: write(2), error: write(2), dir: (v) => host.write(1, inspect(v, 0, false) + '\n'), table: write(1) };
  class ExitSignal { constructor(code) { this.code = code; } }
  globalThis.process = {
    argv: info.argv, env: info.env, platform: 'linux', arch: 'x64', pid: info.pid, version: 'v' + info.version,
    versions: { node: info.version }, exitCode: undefined,
    cwd: () => info.cwd, exit: (code) => { throw new ExitSignal(code === undefined ? (globalThis.process.exitCode || 0) : code); },
    stdout: { write: (s) => { host.write(1, String(s)); return true; }, isTTY: info.tty },
    stderr: { write: (s) => { host.write(2, String(s)); return true; } },
    on: () => globalThis.process, uptime: () => 0.03, hrtime: { bigint: () => 0n },
    memoryUsage: () => ({ rss: 41943040, heapTotal: 6291456, heapUsed: 4718592, external: 1048576, arrayBuffers: 16384 }),
  };
  globalThis.__ExitSignal = ExitSignal;
  const timers = new Map();
  let nextId = 1;
  globalThis.setTimeout = (fn, ms, ...a) => { const id = nextId++; timers.set(id, { fn, a, repeat: false, ms: ms || 0 }); host.timer(id, ms || 0); return id; };
  globalThis.setInterval = (fn, ms, ...a) => { const id = nextId++; timers.set(id, { fn, a, repeat: true, ms: Math.max(1, ms || 0) }); host.timer(id, Math.max(1, ms || 0)); return id; };
  globalThis.setImmediate = (fn, ...a) => globalThis.setTimeout(fn, 0, ...a);
  globalThis.clearTimeout = globalThis.clearInterval = (id) => { timers.delete(id); };
  globalThis.__fire = (id) => { const t = timers.get(id); if (!t) return; if (t.repeat) host.timer(id, t.ms); else timers.delete(id); t.fn(...t.a); };
  const path = {
    sep: '/', delimiter: ':',
    join: (...p) => path.normalize(p.filter((x) => x !== '').join('/')),
    normalize: (p) => { const abs = p.startsWith('/'); const out = []; for (const s of p.split('/')) { if (s === '' || s === '.') continue; if (s === '..' && out.length && out[out.length - 1] !== '..') out.pop(); else if (s !== '..' || !abs) out.push(s); } return (abs ? '/' : '') + out.join('/') || (abs ? '/' : '.'); },
    resolve: (...p) => { let r = info.cwd; for (const s of p) r = s.startsWith('/') ? s : r + '/' + s; return path.normalize(r); },
    basename: (p, ext) => { const b = p.replace(/\/+$/, '').split('/').pop(); return ext && b.endsWith(ext) ? b.slice(0, -ext.length) : b; },
    dirname: (p) => { const i = p.replace(/\/+$/, '').lastIndexOf('/'); return i < 0 ? '.' : i === 0 ? '/' : p.slice(0, i); },
    extname: (p) => { const b = path.basename(p); const i = b.lastIndexOf('.'); return i <= 0 ? '' : b.slice(i); },
    isAbsolute: (p) => p.startsWith('/'),
  };
  const os = {
    hostname: () => info.hostname, platform: () => 'linux', type: () => 'Linux', arch: () => 'x64', release: () => info.kernel,
    EOL: '\n', homedir: () => info.env.HOME || '/root', tmpdir: () => '/tmp', uptime: () => 3600, cpus: () => [{ model: 'Virtual CPU', speed: 2400 }, { model: 'Virtual CPU', speed: 2400 }],
    totalmem: () => 8 * 1024 ** 3, freemem: () => 6 * 1024 ** 3, userInfo: () => ({ username: info.user, uid: info.user === 'root' ? 0 : 1000, gid: info.user === 'root' ? 0 : 1000, shell: null, homedir: info.env.HOME || '/root' }),
    networkInterfaces: () => ({ lo: [{ address: '127.0.0.1', netmask: '255.0.0.0', family: 'IPv4', internal: true, cidr: '127.0.0.1/8' }], eth0: [{ address: info.ip, netmask: '255.255.0.0', family: 'IPv4', internal: false, cidr: info.ip + '/16' }] }),
  };
  const http = {
    createServer: (handler) => ({
      listen: (port, ...rest) => { const cb = rest.find((x) => typeof x === 'function'); host.listen(Number(port) || 0); if (cb) globalThis.setTimeout(cb, 0); return this; },
      on: function () { return this; }, close: (cb) => { if (cb) cb(); },
    }),
  };
  const util = { format, inspect: (v) => inspect(v, 0, false), promisify: (f) => (...a) => new Promise((ok, no) => f(...a, (e, v) => (e ? no(e) : ok(v)))) };
  // UTF-8 by hand: QuickJS has no TextEncoder/TextDecoder.
  const utf8 = (s) => unescape(encodeURIComponent(s));
  const fromUtf8 = (b) => { try { return decodeURIComponent(escape(b)); } catch (e) { return b; } };
  class Buffer extends Uint8Array {
    static from(v, enc) {
      if (typeof v === 'string') { const b = enc === 'binary' || enc === 'latin1' ? v : utf8(v); const out = new Buffer(b.length); for (let i = 0; i < b.length; i++) out[i] = b.charCodeAt(i); return out; }
      const out = new Buffer(v.length); out.set(v); return out;
    }
    static isBuffer(v) { return v instanceof Buffer; }
    static alloc(n) { return new Buffer(n); }
    static concat(list) { const out = new Buffer(list.reduce((n, b) => n + b.length, 0)); let at = 0; for (const b of list) { out.set(b, at); at += b.length; } return out; }
    binary() { let s = ''; for (let i = 0; i < this.length; i++) s += String.fromCharCode(this[i]); return s; }
    toString(enc) { return enc === 'binary' || enc === 'latin1' ? this.binary() : enc === 'hex' ? [...this].map((x) => x.toString(16).padStart(2, '0')).join('') : fromUtf8(this.binary()); }
    toJSON() { return { type: 'Buffer', data: [...this] }; }
  }
  globalThis.Buffer = Buffer;
  // fs: synchronous calls to the container's files (node-fs-host.ts); the callback and promise forms are built on them.
  const call = (op, a, path) => {
    const r = JSON.parse(host.fs(op, JSON.stringify(Object.assign({ path: String(path) }, a))));
    if (!r.e) return r.v;
    const err = new Error(r.e.message);
    Object.assign(err, { errno: r.e.errno, code: r.e.code, syscall: r.e.syscall, path: r.e.path });
    throw err;
  };
  const encOf = (o) => (typeof o === 'string' ? o : o && o.encoding) || null;
  const dataOf = (d) => (typeof d === 'string' ? utf8(d) : d instanceof Uint8Array ? Buffer.from(d).binary() : utf8(String(d)));
  const statOf = (st) => ({ size: st.size, mode: st.mode, mtimeMs: st.mtime, mtime: new Date(st.mtime), isFile: () => st.type === 'file', isDirectory: () => st.type === 'dir', isSymbolicLink: () => st.type === 'link' });
  const fs = {
    readFileSync: (p, o) => { const b = call('read', {}, p); const enc = encOf(o); return enc ? Buffer.from(b, 'binary').toString(enc) : Buffer.from(b, 'binary'); },
    writeFileSync: (p, d) => { call('write', { data: dataOf(d) }, p); },
    appendFileSync: (p, d) => { call('append', { data: dataOf(d) }, p); },
    existsSync: (p) => call('exists', {}, p),
    statSync: (p) => statOf(call('stat', {}, p)),
    lstatSync: (p) => statOf(call('stat', { follow: false }, p)),
    readdirSync: (p, o) => { const list = call('readdir', {}, p); return o && o.withFileTypes ? list.map((e) => ({ name: e.name, isFile: () => e.type === 'file', isDirectory: () => e.type === 'dir', isSymbolicLink: () => e.type === 'link' })) : list.map((e) => e.name); },
    mkdirSync: (p, o) => { call('mkdir', { recursive: !!(o && o.recursive) }, p); },
    rmSync: (p, o) => { call('rm', { recursive: !!(o && o.recursive), force: !!(o && o.force) }, p); },
    rmdirSync: (p, o) => { call('rmdir', { recursive: !!(o && o.recursive) }, p); },
    unlinkSync: (p) => { call('unlink', {}, p); },
    renameSync: (a, b) => { call('rename', { to: String(b) }, a); },
    copyFileSync: (a, b) => { call('write', { data: call('read', {}, a) }, b); },
    realpathSync: (p) => call('realpath', {}, p),
    accessSync: (p) => { call('stat', {}, p); },
    createWriteStream: () => { throw new Error('Layerlab: fs streams are not simulated; use fs.writeFileSync or fs.appendFileSync'); },
    createReadStream: () => { throw new Error('Layerlab: fs streams are not simulated; use fs.readFileSync'); },
    watch: () => { throw new Error('Layerlab: fs.watch is not simulated'); },
  };
  fs.promises = {};
  for (const name of Object.keys(fs)) {
    if (!name.endsWith('Sync') || name === 'existsSync') continue;
    const base = name.slice(0, -4);
    const sync = fs[name];
    // Node calls back on a later turn of the event loop, never during the call.
    fs[base] = (...a) => { const cb = typeof a[a.length - 1] === 'function' ? a.pop() : () => {}; let v, e = null; try { v = sync(...a); } catch (x) { e = x; } globalThis.setTimeout(() => (e ? cb(e) : cb(null, v)), 0); };
    fs.promises[base] = (...a) => new Promise((ok, no) => { try { ok(sync(...a)); } catch (x) { no(x); } });
  }
  fs.exists = (p, cb) => globalThis.setTimeout(() => cb(fs.existsSync(p)), 0);
  const notSimulated = (name, what) => { const err = new Error("Layerlab: node's core module '" + name + "' is not simulated (" + what + ')'); err.code = 'ERR_LAYERLAB_NOT_SIMULATED'; throw err; };
  http.request = http.get = () => notSimulated('http', 'http.createServer works; requests to other servers do not yet');
  const assert = (v, m) => { if (!v) { const e = new Error(m || 'The expression evaluated to a falsy value'); e.name = 'AssertionError'; e.code = 'ERR_ASSERTION'; throw e; } };
  assert.ok = assert;
  assert.equal = (a, b, m) => assert(a == b, m || a + ' == ' + b);
  assert.strictEqual = (a, b, m) => assert(Object.is(a, b), m || 'Expected values to be strictly equal:\n\n' + inspect(a, 0, false) + ' !== ' + inspect(b, 0, false) + '\n');
  assert.deepStrictEqual = (a, b, m) => assert(JSON.stringify(a) === JSON.stringify(b), m || 'Expected values to be strictly deep-equal');
  const events = { EventEmitter: class EventEmitter { constructor() { this.l = {}; } on(e, f) { (this.l[e] ||= []).push(f); return this; } once(e, f) { const g = (...a) => { this.off(e, g); f(...a); }; return this.on(e, g); } off(e, f) { this.l[e] = (this.l[e] || []).filter((x) => x !== f); return this; } emit(e, ...a) { (this.l[e] || []).slice().forEach((f) => f(...a)); return !!(this.l[e] && this.l[e].length); } } };
  events.EventEmitter.EventEmitter = events.EventEmitter;
  const modules = { os, path, util, http, fs, 'fs/promises': fs.promises, events: events.EventEmitter, assert, buffer: { Buffer }, process: globalThis.process, timers: { setTimeout: globalThis.setTimeout, setInterval: globalThis.setInterval, clearTimeout: globalThis.clearTimeout, clearInterval: globalThis.clearInterval, setImmediate: globalThis.setImmediate }, 'path/posix': path };
  events.EventEmitter.default = events.EventEmitter;
  // Node's other core modules exist in real Node: requiring one says it is Layerlab's limit, never "Cannot find module".
  const CORE = { child_process: 'it cannot start other programs', cluster: 'one process only', crypto: 'no cryptography', dgram: 'no network sockets', dns: 'no name resolution', https: 'no TLS', http2: 'no network sockets', net: 'no network sockets', tls: 'no TLS', readline: 'stdin is read only as a whole script', stream: 'no streams', string_decoder: 'no streams', tty: 'no terminal control', url: 'no URL parser', querystring: 'no query strings', v8: 'it runs on QuickJS', vm: 'it runs on QuickJS', worker_threads: 'no threads', zlib: 'no compression', perf_hooks: 'no performance timers', async_hooks: 'no async hooks', module: 'no module loader', inspector: 'no inspector', punycode: 'no punycode', diagnostics_channel: 'no diagnostics', wasi: 'no WASI', repl: 'the prompt is docker run -it node', domain: 'no domains', constants: 'no constants', sys: 'no sys', trace_events: 'no tracing', 'timers/promises': 'no timer promises', 'stream/promises': 'no streams', 'readline/promises': 'stdin is read only as a whole script', 'util/types': 'no util/types', test: 'no test runner', sea: 'no single executables' };
  globalThis.require = (name) => {
    const n = String(name).replace(/^node:/, '');
    if (modules[n]) return modules[n];
    if (CORE[n]) notSimulated(n, 'Layerlab runs node on QuickJS: ' + CORE[n]);
    const err = new Error("Cannot find module '" + name + "'\nRequire stack:\n- " + info.main);
    err.code = 'MODULE_NOT_FOUND';
    throw err;
  };
  globalThis.module = { exports: {} };
  globalThis.exports = globalThis.module.exports;
  globalThis.__filename = info.main;
  globalThis.__dirname = path.dirname(info.main);
})();
`;
