/**
 * python3 in containers runs real Python (MicroPython's WebAssembly port) dressed as
 * the image's CPython 3.9. Expected outputs are what CPython prints for the same
 * programs: stdout recorded by running each program with CPython (3.11.7, whose
 * output for these programs is 3.9's), tracebacks in CPython 3.9's format (no
 * column carets, which arrived in 3.11). Where MicroPython differs (README "Python"),
 * the tests assert the plain Layerlab note instead.
 */
import { describe, expect, it } from 'vitest';
import { builderSession } from '../builder/helpers.ts';
import { imageFs, run, testSpec } from './fixture.ts';
import { replInputComplete } from '../../worker/programs/apps/repl.ts';

const ENV = { PATH: '/usr/local/bin:/usr/local/sbin:/usr/sbin:/usr/bin:/sbin:/bin', HOSTNAME: '3f4e8a9b1c2d', HOME: '/root', LANG: 'C.UTF-8', PYTHON_VERSION: '3.9.23' };

async function python(files: Record<string, string>, argv: string[], opts: { cwd?: string; input?: string[] } = {}) {
  const fs = await imageFs('python', '3.9-slim');
  await fs.mkdir('/app', { recursive: true });
  for (const [path, text] of Object.entries(files)) await fs.writeFile(path, text);
  const result = await run(fs, argv, { cwd: opts.cwd ?? '/app', env: ENV, ...(opts.input ? { input: opts.input } : {}) });
  return { fs, result };
}

const BASICS = `import json
name = "World"
print(f"Hello, {name}!")
print("%s has %d items" % ("cart", 3), "{:>6}|{:<4}|".format("ab", 7), f"{1234567:,}", f"{3.14159:.2f}")
print(7 / 2, 7 // 2, 2 ** 100, 0.1 + 0.2, -7 % 3, 10 / 4, 1e16, 1.5e-7)
fruits = {"apple": 3, "banana": 5}
fruits["cherry"] = 7
print(fruits, len(fruits), "apple" in fruits, list(fruits.keys()))
squares = [n * n for n in range(6) if n % 2 == 0]
print(squares, {n: n * n for n in range(3)}, {c for c in "aab"} == {"a", "b"}, tuple(range(3)))
print(sorted(fruits.items(), key=lambda kv: -kv[1]), max(fruits, key=fruits.get), sum(fruits.values()))
print(json.dumps({"a": [1, 2]}), json.dumps("é"), json.dumps([None, True, 1.5]))
print(json.dumps({"name": "Ada", "langs": ["py", "js"]}, indent=2))
print(json.loads('{"x": [1, 2.5, null, false]}'))
class Animal:
    def __init__(self, name, sound):
        self.name = name
        self.sound = sound
    def speak(self):
        return f"{self.name} says {self.sound}"
class Dog(Animal):
    def __init__(self, name):
        super().__init__(name, "woof")
    def __repr__(self):
        return f"Dog({self.name!r})"
print(Dog("Rex").speak(), [Dog("Rex")], isinstance(Dog("a"), Animal))
try:
    raise ValueError("bad age")
except (TypeError, ValueError) as e:
    print("caught:", e)
for i, word in enumerate(["zero", "one"], start=1):
    print(i, word.upper(), word[1:], list(word)[::-1])
x = 0
while x < 3:
    x += 1
else:
    print("done at", x)
def fib(n):
    a, b = 0, 1
    for _ in range(n):
        yield a
        a, b = b, a + b
print(list(fib(10)), " ".join(str(n) for n in fib(5)), *fib(3))
print(repr("it's"), repr('say "hi"'), str(None), bool([]), None is None, 3 == 3.0, "done", flush=True)
`;

describe('python3 runs the programs a beginner writes', () => {
  it('prints what CPython prints: f-strings, numbers, dicts, comprehensions, json, classes, generators', async () => {
    const { result } = await python({ '/app/basics.py': BASICS }, ['python3', 'basics.py']);
    expect(result).toEqual([0, [
      'Hello, World!',
      'cart has 3 items     ab|7   | 1,234,567 3.14',
      '3.5 3 1267650600228229401496703205376 0.30000000000000004 2 2.5 1e+16 1.5e-07',
      "{'apple': 3, 'banana': 5, 'cherry': 7} 3 True ['apple', 'banana', 'cherry']",
      '[0, 4, 16] {0: 0, 1: 1, 2: 4} True (0, 1, 2)',
      "[('cherry', 7), ('banana', 5), ('apple', 3)] cherry 15",
      '{"a": [1, 2]} "\\u00e9" [null, true, 1.5]',
      '{',
      '  "name": "Ada",',
      '  "langs": [',
      '    "py",',
      '    "js"',
      '  ]',
      '}',
      "{'x': [1, 2.5, None, False]}",
      "Rex says woof [Dog('Rex')] True",
      'caught: bad age',
      "1 ZERO ero ['o', 'r', 'e', 'z']",
      "2 ONE ne ['e', 'n', 'o']",
      'done at 3',
      '[0, 1, 1, 2, 3, 5, 8, 13, 21, 34] 0 1 1 2 3 0 1 1',
      `"it's" 'say "hi"' None False True True done`,
      ''].join('\n'), '']);
  });

  it('reads and writes the container\'s files; the container keeps what the program wrote', async () => {
    const program = [
      'import os',
      'with open("notes.txt", "w") as f:',
      '    f.write("first\\n")',
      'with open("/app/notes.txt", "a") as f:',
      '    print("second", file=f)',
      'print(open("notes.txt").read().splitlines(), os.path.exists("notes.txt"), os.getcwd())',
      'os.makedirs("data/out", exist_ok=True)',
      'print(sorted(os.listdir(".")), open("/etc/hostname").read().strip() != "")',
      'os.remove("old.txt")',
      'try:',
      '    open("missing.txt")',
      'except FileNotFoundError as e:',
      '    print("no file:", e.filename, e.errno, e)',
    ].join('\n');
    const { fs, result } = await python({ '/app/files.py': program, '/app/old.txt': 'x' }, ['python3', 'files.py']);
    expect(result).toEqual([0, [
      "['first', 'second'] True /app",
      "['data', 'files.py', 'notes.txt', 'old.txt'] True",
      "no file: missing.txt 2 [Errno 2] No such file or directory: 'missing.txt'",
      ''].join('\n'), '']);
    expect([await fs.readFile('/app/notes.txt'), await fs.exists('/app/data/out'), await fs.exists('/app/old.txt')]).toEqual(['first\nsecond\n', true, false]);
    const missing = await python({}, ['python3', '-c', 'open("/data/in.csv")']);
    expect(missing.result).toEqual([1, '', 'Traceback (most recent call last):\n  File "<string>", line 1, in <module>\nFileNotFoundError: [Errno 2] No such file or directory: \'/data/in.csv\'\n']);
  });

  it('exits with sys.exit\'s code; an uncaught exception prints CPython\'s traceback and exits 1', async () => {
    expect((await python({}, ['python3', '-c', 'import sys; print("bye"); sys.exit(3)'])).result).toEqual([3, 'bye\n', '']);
    expect((await python({}, ['python3', '-c', 'import sys; sys.exit("fatal: no config")'])).result).toEqual([1, '', 'fatal: no config\n']);
    expect((await python({}, ['python3', '-c', 'exit()'])).result).toEqual([0, '', '']);
    const program = ['def total(prices):', '    return sum(prices) / len(prices)', '', 'print("start")', 'print(total([]))'].join('\n');
    expect((await python({ '/app/avg.py': program }, ['python3', 'avg.py'])).result).toEqual([1, 'start\n', [
      'Traceback (most recent call last):',
      '  File "/app/avg.py", line 5, in <module>',
      '    print(total([]))',
      '  File "/app/avg.py", line 2, in total',
      '    return sum(prices) / len(prices)',
      'ZeroDivisionError: division by zero',
      ''].join('\n')]);
    expect((await python({ '/app/n.py': 'print(count)\n' }, ['python3', 'n.py'])).result).toEqual([1, '', 'Traceback (most recent call last):\n  File "/app/n.py", line 1, in <module>\n    print(count)\nNameError: name \'count\' is not defined\n']);
    expect((await python({ '/app/t.py': 'age = 30\nprint("age: " + age)\n' }, ['python3', 't.py'])).result).toEqual([1, '', 'Traceback (most recent call last):\n  File "/app/t.py", line 2, in <module>\n    print("age: " + age)\nTypeError: can only concatenate str (not "int") to str\n']);
    expect((await python({}, ['python3', 'nope.py'])).result).toEqual([2, '', "python3: can't open file '/app/nope.py': [Errno 2] No such file or directory\n"]);
  });

  it('reports syntax errors as CPython 3.9 does, before running anything', async () => {
    // CPython's words and lines; the caret's column is Layerlab's (the line's end, or its
    // start for a missing block): MicroPython reports no column (README).
    const cases: Array<[string, string]> = [
      ['print("start")\nprint("a"\n', '  File "/app/x.py", line 2\n    print("a"\n            ^\nSyntaxError: unexpected EOF while parsing\n'],
      ['if True:\nprint(1)\n', '  File "/app/x.py", line 2\n    print(1)\n    ^\nIndentationError: expected an indented block\n'],
      ['print "hi"\n', '  File "/app/x.py", line 1\n    print "hi"\n             ^\nSyntaxError: Missing parentheses in call to \'print\'. Did you mean print("hi")?\n'],
    ];
    for (const [program, err] of cases) expect((await python({ '/app/x.py': program }, ['python3', 'x.py'])).result).toEqual([1, '', err]);
    expect((await python({}, ['python3', '-m', 'venv'])).result).toEqual([1, '', '/usr/local/bin/python3: No module named venv (Layerlab runs MicroPython, which has no venv)\n']);
  });

  it('looks like the image\'s CPython 3.9: version, sys.version_info, argv, environment', async () => {
    const program = 'import sys, os\nprint(sys.version_info[:2], sys.version_info.major, sys.platform, sys.argv, os.environ["LANG"], os.getenv("NOPE", "-"))\nprint(sys.version)\n';
    expect((await python({ '/app/v.py': program }, ['python3', 'v.py', 'a', 'b c'])).result).toEqual([0, "(3, 9) 3 linux ['v.py', 'a', 'b c'] C.UTF-8 -\n3.9.23 (main, Jul 22 2025, 02:35:41) \n[GCC 12.2.0]\n", '']);
    expect((await python({}, ['python3', '--version'])).result).toEqual([0, 'Python 3.9.23\n', '']);
    expect((await python({}, ['python3', '-x'])).result).toEqual([2, '', "Unknown option: -x\nusage: python3 [option] ... [-c cmd | -m mod | file | -] [arg] ...\nTry `python -h' for more information.\n"]);
  });

  it('imports the learner\'s own modules from the script\'s directory and reads piped stdin', async () => {
    const { result } = await python({ '/app/greet.py': 'def hello(n):\n    return f"Hello, {n}!"\n', '/app/main.py': 'from greet import hello\nname = input("Name? ")\nprint(hello(name))\n' }, ['python3', '/app/main.py'], { cwd: '/' , input: ['Ada\n'] });
    expect(result).toEqual([0, 'Name? Hello, Ada!\n', '']);
  });

  it('time.sleep advances the program\'s clock; a loop that sleeps forever is stopped with a plain message', async () => {
    expect((await python({}, ['python3', '-c', 'import time\nt = time.time()\ntime.sleep(2.5)\nprint(round(time.time() - t, 1), time.monotonic() > 2)'])).result).toEqual([0, '2.5 True\n', '']);
    const { result } = await python({ '/app/tick.py': 'import time\nwhile True:\n    print("tick", flush=True)\n    time.sleep(1)\n' }, ['python3', 'tick.py']);
    expect(result).toEqual([137, 'tick\n'.repeat(3601), 'Layerlab: python was stopped after sleeping 3600 s of its own clock: Layerlab runs a Python program at once (MicroPython in the page), so a program that never ends cannot wait for docker stop or Ctrl-C\n']);
  });

  it('socket.gethostname() and platform name the container; typing imports; sockets say they are missing', async () => {
    const program = 'import socket, platform\nfrom typing import List, Optional\ndef f(xs: List[int]) -> Optional[int]:\n    return xs[0] if xs else None\nprint(socket.gethostname(), platform.system(), platform.python_version(), f([4]))\nsocket.socket()\n';
    expect((await python({ '/app/s.py': program }, ['python3', 's.py'])).result).toEqual([1, '3f4e8a9b1c2d Linux 3.9.23 4\n', 'Traceback (most recent call last):\n  File "/app/s.py", line 6, in <module>\n    socket.socket()\nOSError: Layerlab runs MicroPython, which has no sockets\n']);
  });

  it('says plainly when a module or method is missing because Layerlab runs MicroPython', async () => {
    // The real image has no numpy either: CPython's message alone.
    expect((await python({}, ['python3', '-c', 'import numpy'])).result).toEqual([1, '', "Traceback (most recent call last):\n  File \"<string>\", line 1, in <module>\nModuleNotFoundError: No module named 'numpy'\n"]);
    expect((await python({}, ['python3', '-c', 'from dataclasses import dataclass'])).result).toEqual([1, '', "Traceback (most recent call last):\n  File \"<string>\", line 1, in <module>\nModuleNotFoundError: No module named 'dataclasses' (Layerlab runs MicroPython, which has no dataclasses)\n"]);
    expect((await python({}, ['python3', '-c', 'print("ada".title())'])).result).toEqual([1, '', "Traceback (most recent call last):\n  File \"<string>\", line 1, in <module>\nAttributeError: 'str' object has no attribute 'title' (Layerlab runs MicroPython, whose str has no title)\n"]);
    expect((await python({}, ['python3', '-c', 'print("ada".titel())'])).result).toEqual([1, '', "Traceback (most recent call last):\n  File \"<string>\", line 1, in <module>\nAttributeError: 'str' object has no attribute 'titel'\n"]);
  });
});

describe('the python prompt', () => {
  it('shows the image\'s banner, echoes values, continues blocks with ... and exits with exit()', async () => {
    const { startInteractive } = await import('../../worker/programs/process.ts');
    const fs = await imageFs('python', '3.9-slim');
    const spec = testSpec(fs, ['python3'], { tty: true, env: ENV });
    const py = await startInteractive(spec);
    expect([spec.out, py.prompt()]).toEqual(['Python 3.9.23 (main, Jul 22 2025, 02:35:41) \n[GCC 12.2.0] on linux\nType "help", "copyright", "credits" or "license" for more information.\n', '>>> ']);
    expect(await py.feed('x = 6')).toEqual({ stdout: '', stderr: '' });
    expect(await py.feed('x * 7')).toEqual({ stdout: '42\n', stderr: '' });
    expect(await py.feed('{"a": [1, 2]}')).toEqual({ stdout: "{'a': [1, 2]}\n", stderr: '' });
    expect(await py.feed('for i in range(2):')).toEqual({ stdout: '', stderr: '' });
    expect(py.prompt()).toBe('... ');
    expect(await py.feed('    print(i)')).toEqual({ stdout: '', stderr: '' });
    expect(await py.feed('')).toEqual({ stdout: '0\n1\n', stderr: '' });
    expect(await py.feed('import time; time.sleep(1)')).toEqual({ stdout: '', stderr: '' });
    expect(await py.feed('1/0')).toEqual({ stdout: '', stderr: 'Traceback (most recent call last):\n  File "<stdin>", line 1, in <module>\nZeroDivisionError: division by zero\n' });
    expect(await py.feed('exit')).toEqual({ stdout: 'Use exit() or Ctrl-D (i.e. EOF) to exit\n', stderr: '' });
    expect(await py.feed('exit(4)')).toEqual({ stdout: '', stderr: '', exitCode: 4 });
  });

  it('knows when a statement is complete, as CPython\'s codeop does', () => {
    expect([['x = 1'], ['if x:'], ['if x:', '    y'], ['if x:', '    y', ''], ['f(1,'], ['f(1,', '2)'], ['s = """a'], ['s = """a', 'b"""'], ['x = 1 + \\'], ['@dec'], ['d = {"a": "(" }']].map(replInputComplete))
      .toEqual([true, false, false, true, false, true, false, true, false, false, true]);
  });
});

describe('the chapter 004 app', () => {
  it('builds FROM python:3.9-slim and prints Hello, World!; docker run python -c runs json', async () => {
    const s = await builderSession(['alpine', 'python:3.9-slim']);
    await s.lines([
      'mkdir py && cd py',
      `printf 'print("Hello, World!")\\n' > app.py`,
      `printf 'FROM python:3.9-slim\\nWORKDIR /app\\nCOPY app.py .\\nCMD ["python", "app.py"]\\n' > Dockerfile`,
    ]);
    expect((await s.line('docker build -t pyapp .')).rc).toBe(0);
    expect(await s.line('docker run --rm pyapp')).toEqual({ cmd: 'docker run --rm pyapp', stdout: 'Hello, World!\n', stderr: '', rc: 0 });
    const cmd = `docker run --rm python:3.9-slim python -c 'import json; print(json.dumps({"a": [1, 2]}))'`;
    expect(await s.line(cmd)).toEqual({ cmd, stdout: '{"a": [1, 2]}\n', stderr: '', rc: 0 });
    const fail = `docker run --rm python:3.9-slim python -c 'import sys; sys.exit(3)'`;
    expect(await s.line(fail)).toEqual({ cmd: fail, stdout: '', stderr: '', rc: 3 });
  });
});
