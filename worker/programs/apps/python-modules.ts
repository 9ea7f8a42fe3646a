/**
 * Which missing modules are Layerlab's limit rather than the learner's mistake. CPython
 * 3.9 in the image has its whole standard library, and whatever pip installed in
 * site-packages; MicroPython has a smaller standard library and cannot load C
 * extensions or CPython's packages. An import of such a module fails with CPython's
 * ModuleNotFoundError plus a note naming the limit; any other name (a typo, a package
 * the image really lacks) gets CPython's message alone, as the real image prints it.
 */

/** CPython 3.9's top-level standard library modules (Lib/ and the built-in ones). */
const STDLIB = new Set(('__future__ _thread abc aifc argparse array ast asynchat asyncio asyncore atexit audioop base64 bdb binascii '
  + 'binhex bisect builtins bz2 calendar cgi cgitb chunk cmath cmd code codecs codeop collections colorsys compileall concurrent '
  + 'configparser contextlib contextvars copy copyreg cProfile crypt csv ctypes curses dataclasses datetime dbm decimal difflib dis '
  + 'distutils doctest email encodings ensurepip enum errno faulthandler fcntl filecmp fileinput fnmatch formatter fractions ftplib '
  + 'functools gc getopt getpass gettext glob graphlib grp gzip hashlib heapq hmac html http imaplib imghdr imp importlib inspect io '
  + 'ipaddress itertools json keyword lib2to3 linecache locale logging lzma mailbox mailcap marshal math mimetypes mmap modulefinder '
  + 'multiprocessing netrc nis nntplib numbers operator optparse os ossaudiodev parser pathlib pdb pickle pickletools pipes pkgutil '
  + 'platform plistlib poplib posix pprint profile pstats pty pwd py_compile pyclbr pydoc queue quopri random re readline reprlib '
  + 'resource rlcompleter runpy sched secrets select selectors shelve shlex shutil signal site smtpd smtplib sndhdr socket '
  + 'socketserver spwd sqlite3 ssl stat statistics string stringprep struct subprocess sunau symbol symtable sys sysconfig syslog '
  + 'tabnanny tarfile telnetlib tempfile termios textwrap threading time timeit tkinter token tokenize trace traceback tracemalloc '
  + 'tty turtle types typing unicodedata unittest urllib uu uuid venv warnings wave weakref webbrowser wsgiref xdrlib xml xmlrpc '
  + 'zipapp zipfile zipimport zlib zoneinfo').split(' '));

/**
 * The note after `No module named 'x'`: empty when real CPython in the image would
 * fail the same way. `installed` lists what site-packages holds.
 */
export function missingModuleNote(name: string, installed: ReadonlySet<string>): string {
  const top = name.split('.')[0]!;
  if (STDLIB.has(top)) return ` (Layerlab runs MicroPython, which has no ${name})`;
  if (installed.has(top)) return ` (Layerlab runs MicroPython, which cannot load packages installed with pip such as ${top})`;
  return '';
}
