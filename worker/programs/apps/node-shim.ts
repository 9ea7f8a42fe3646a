/**
 * The Node.js surface a lesson's script sees, written in JavaScript and evaluated in
 * the QuickJS context before the script: console with util.format/inspect-like output,
 * process, require() of os, path, util, http (a server that listens keeps the process
 * running, as in Node), timers. Host calls go through the `__host` object.
 */

/** QuickJS's wording of an error message turned into V8's (`'x' is not defined` → `x is not defined`). */
export function v8Message(message: string): string {
  return message.replace(/^'([^']+)' is not defined$/, '$1 is not defined').replace(/^cannot read property '([^']+)' of (undefined|null)$/, "Cannot read properties of $2 (reading '$1')");
}

/** Bootstrap source; `__host` provides write(fd, s), exit(code), listen(port), timer(id, ms), info (JSON). */
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
  const util = { format, inspect: (v) => inspect(v, 0, false) };
  const modules = { os, path, util, http, events: { EventEmitter: class EventEmitter { constructor() { this.l = {}; } on(e, f) { (this.l[e] ||= []).push(f); return this; } emit(e, ...a) { (this.l[e] || []).forEach((f) => f(...a)); return !!this.l[e]; } } } };
  globalThis.require = (name) => {
    const n = String(name).replace(/^node:/, '');
    if (modules[n]) return modules[n];
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
