/**
 * The Python that runs in a fresh MicroPython before the learner's program: it makes
 * the interpreter look like the image's CPython where a program can see it (sys.version,
 * sys.argv, os.environ, CPython's exception classes for missing files and modules,
 * json.dumps(indent=…)), and says plainly where it cannot. Host calls go through the
 * `_layerlab` JS module (python.ts): now(), sleep(s), readline(), note(name).
 * Its frames are named "<layerlab>" so tracebacks can leave them out.
 */

/** Facts about the process the prelude reads (`_layerlab.info()` returns them as JSON). */
export interface PreludeInfo {
  version: string;
  hostname: string;
  kernel: string;
  argv: string[];
  executable: string;
  env: Record<string, string>;
  path0: string;
  pid: number;
}

/** The prelude's source (the process's facts come from `_layerlab.info()`). */
export const PRELUDE = String.raw`
import sys as _rsys, builtins as _b, io as _io, _layerlab
import json as _cjson
_info = _cjson.loads(_layerlab.info())

class _VersionInfo(tuple):
    major = property(lambda s: s[0])
    minor = property(lambda s: s[1])
    micro = property(lambda s: s[2])
    releaselevel = property(lambda s: s[3])
    serial = property(lambda s: s[4])
    def __repr__(s):
        return "sys.version_info(major=%d, minor=%d, micro=%d, releaselevel='final', serial=0)" % (s[0], s[1], s[2])

class _Sys:
    # The image's CPython as sys shows it; anything else is MicroPython's own sys.
    def __getattr__(self, name):
        return getattr(_rsys, name)

_v = [int(x) for x in _info['version'].split('.')[:3]]
while len(_v) < 3: _v.append(0)
sys = _Sys()
sys.version = _info['version'] + ' (main, Jul 22 2025, 02:35:41) \n[GCC 12.2.0]'
sys.version_info = _VersionInfo((_v[0], _v[1], _v[2], 'final', 0))
sys.hexversion = (_v[0] << 24) | (_v[1] << 16) | (_v[2] << 8) | 0xf0
sys.platform = 'linux'
sys.executable = _info['executable']
sys.argv = _info['argv']
sys.path = [_info['path0']] + [p for p in _rsys.path if p not in ('', '.frozen', '/lib')] + ['.frozen']
sys.exit = _rsys.exit
_rsys.path[:] = [_info['path0'], '.frozen']
_rsys.modules['sys'] = sys

# CPython's OSError subclasses, chosen by errno as CPython does.
class FileNotFoundError(OSError): pass
class FileExistsError(OSError): pass
class IsADirectoryError(OSError): pass
class NotADirectoryError(OSError): pass
class PermissionError(OSError): pass
class ModuleNotFoundError(ImportError): pass
# emscripten's errno numbers (WASI) → Linux's, class and strerror.
_ERRNO = {44: (2, FileNotFoundError, 'No such file or directory'), 20: (17, FileExistsError, 'File exists'),
          31: (21, IsADirectoryError, 'Is a directory'), 54: (20, NotADirectoryError, 'Not a directory'),
          2: (13, PermissionError, 'Permission denied'), 55: (39, OSError, 'Directory not empty')}
class _OSErrorText:
    def __str__(self):
        return '[Errno %d] %s: %r' % (self.args[0], self.args[1], self.args[2]) if len(self.args) > 2 else '[Errno %d] %s' % self.args[:2]
for _c in (FileNotFoundError, FileExistsError, IsADirectoryError, NotADirectoryError, PermissionError):
    _c.__str__ = _OSErrorText.__str__
    setattr(_b, _c.__name__, _c)
_b.ModuleNotFoundError = ModuleNotFoundError

def _oserror(e, path):
    n = e.args[0] if e.args and isinstance(e.args[0], int) else None
    if n not in _ERRNO: return e
    num, cls, text = _ERRNO[n]
    err = cls(num, text, path)
    err.errno = num
    err.strerror = text
    err.filename = path
    return err

_open = _b.open
def open(file, mode='r', *args, **kwargs):
    try:
        return _open(file, mode, *args, **kwargs)
    except OSError as e:
        raise _oserror(e, file)
_b.open = open

_import = _b.__import__
def __import__(name, *args):
    try:
        return _import(name, *args)
    except ImportError as e:
        if not str(e).startswith('no module named'): raise
        missing = str(e).split("'")[1]
        raise ModuleNotFoundError("No module named '%s'%s" % (missing, _layerlab.note(missing)))
_b.__import__ = __import__

def input(prompt=''):
    if prompt:
        _rsys.stdout.write(str(prompt))
    line = _layerlab.readline()
    if not line:
        raise EOFError('EOF when reading a line' + _layerlab.note('<stdin>'))
    return line[:-1] if line.endswith('\n') else line
_b.input = input

# print(..., flush=True) is how programs in containers make their output reach
# docker logs at once; MicroPython's print has no flush (its output is unbuffered).
_print = _b.print
def print(*args, sep=' ', end='\n', file=None, flush=False):
    if file is None: _print(*args, sep=sep, end=end)
    else: _print(*args, sep=sep, end=end, file=file)
_b.print = print

class _Quitter:
    def __init__(self, name): self.name = name
    def __repr__(self): return 'Use %s() or Ctrl-D (i.e. EOF) to exit' % self.name
    def __call__(self, code=None): raise SystemExit(code)
_b.exit = _Quitter('exit')
_b.quit = _Quitter('quit')

import time as _time
_time.time = _layerlab.now
def _sleep(seconds):
    _layerlab.sleep(seconds)
_time.sleep = _sleep
_time.monotonic = _time.perf_counter = _time.process_time = _layerlab.monotonic
_time.time_ns = lambda: int(_layerlab.now() * 1e9)

import os as _os
_os.environ = dict(_info['env'])
_os.getenv = lambda k, d=None: _os.environ.get(k, d)
_os.name = 'posix'
_os.linesep = '\n'
_os.getpid = lambda: _info['pid']
def _makedirs(path, mode=0o777, exist_ok=False):
    parts = path.split('/')
    for i in range(1, len(parts) + 1):
        p = '/'.join(parts[:i])
        if not p: continue
        try:
            _os.mkdir(p)
        except OSError as e:
            if e.args[0] != 20: raise _oserror(e, p)
            if i == len(parts) and not exist_ok: raise _oserror(e, p)
_os.makedirs = _makedirs
for _n in ('remove', 'unlink', 'rmdir', 'mkdir', 'listdir', 'stat', 'chdir', 'rename'):
    def _wrap(f):
        def g(path='.', *a):
            try:
                return f(path, *a)
            except OSError as e:
                raise _oserror(e, path)
        return g
    setattr(_os, _n, _wrap(getattr(_os, _n)))
def _walk(top):
    dirs, files = [], []
    for n in _os.listdir(top):
        (dirs if _os.stat(top.rstrip('/') + '/' + n)[0] & 0o170000 == 0o040000 else files).append(n)
    yield top, dirs, files
    for d in dirs:
        yield from _walk(top.rstrip('/') + '/' + d)
_os.walk = _walk
def _no_processes(*a, **k):
    raise OSError('Layerlab runs MicroPython, which cannot start other programs (os.system, subprocess)')
_os.system = _os.popen = _no_processes

# json.dumps with indent/sort_keys/separators as CPython's (MicroPython's C json has none).
def _uescape(n):
    if n < 0x10000: return '\\u%04x' % n
    n -= 0x10000
    return '\\u%04x\\u%04x' % (0xd800 + (n >> 10), 0xdc00 + (n & 0x3ff))
def _dumps(obj, indent=None, sort_keys=False, separators=None, default=None, ensure_ascii=True, **kw):
    if isinstance(indent, int): indent = ' ' * indent
    item_sep, key_sep = separators or ((',', ': ') if indent is not None else (', ', ': '))
    def enc(o, level):
        if isinstance(o, dict):
            if not o: return '{}'
            keys = sorted(o) if sort_keys else list(o)
            items = [enc(k if isinstance(k, str) else str(k).lower() if isinstance(k, bool) else str(k), level + 1) + key_sep + enc(o[k], level + 1) for k in keys]
        elif isinstance(o, (list, tuple)):
            if not o: return '[]'
            items = [enc(x, level + 1) for x in o]
        elif isinstance(o, float) and o != o: return 'NaN'
        elif isinstance(o, str):
            s = _cjson.dumps(o)
            return ''.join(c if ord(c) < 128 else _uescape(ord(c)) for c in s) if ensure_ascii else s
        elif o is None or isinstance(o, (int, float, bool)):
            return _cjson.dumps(o)
        elif default is not None: return enc(default(o), level)
        else: raise TypeError('Object of type %s is not JSON serializable' % type(o).__name__)
        open_, close = ('{', '}') if isinstance(o, dict) else ('[', ']')
        if indent is None: return open_ + item_sep.join(items) + close
        pad = '\n' + indent * (level + 1)
        return open_ + pad + (item_sep + pad).join(items) + '\n' + indent * level + close
    return enc(obj, 0)
class _Json:
    JSONDecodeError = ValueError
    loads = staticmethod(_cjson.loads)
    load = staticmethod(lambda f, **kw: _cjson.loads(f.read()))
    dumps = staticmethod(_dumps)
    dump = staticmethod(lambda obj, f, **kw: f.write(_dumps(obj, **kw)))
_rsys.modules['json'] = _Json()

# Modules MicroPython lacks that beginners' programs reach for first, as far as they
# can be true here: the container's hostname, the platform, typing's names (MicroPython
# does not evaluate annotations, so any subscriptable name will do).
class _Any:
    def __getitem__(self, k): return self
    def __call__(self, *a, **k): return a[0] if a else None
class _Typing:
    TYPE_CHECKING = False
    def __getattr__(self, name): return _Any()
_rsys.modules['typing'] = _Typing()
def _no_sockets(*a, **k):
    raise OSError('Layerlab runs MicroPython, which has no sockets')
class _Socket:
    gethostname = staticmethod(lambda: _info['hostname'])
    def __getattr__(self, name): return _no_sockets
_rsys.modules['socket'] = _Socket()
class _Platform:
    system = staticmethod(lambda: 'Linux')
    node = staticmethod(lambda: _info['hostname'])
    release = staticmethod(lambda: _info['kernel'])
    machine = staticmethod(lambda: 'x86_64')
    python_version = staticmethod(lambda: _info['version'])
    python_implementation = staticmethod(lambda: 'CPython')
    platform = staticmethod(lambda: 'Linux-%s-x86_64-with-glibc2.36' % _info['kernel'])
_rsys.modules['platform'] = _Platform()

def _ll_run(src, file, mode, g):
    # Compiles and runs the program: (status, exited through SystemExit, type name, message, traceback lines).
    try:
        exec(compile(src, file, mode), g)
        return (0, False, None, None, None)
    except SystemExit as e:
        a = e.args[0] if e.args else None
        if a is None: return (0, True, None, None, None)
        if isinstance(a, int): return (a & 0xff, True, None, None, None)
        _rsys.stderr.write(str(a) + '\n')
        return (1, True, None, None, None)
    except BaseException as e:
        buf = _io.StringIO()
        _rsys.print_exception(e, buf)
        lines = buf.getvalue().split('\n')
        msg = repr(e.args[0]) if isinstance(e, KeyError) and len(e.args) == 1 else str(e)
        return (1, False, type(e).__name__, msg, lines[1:-2])
`;
