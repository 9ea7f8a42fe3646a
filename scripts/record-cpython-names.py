#!/usr/bin/env python3
"""Records the public names of CPython's common modules and built-in types into
worker/programs/apps/cpython-names.json. python3 in Layerlab runs MicroPython; when
a program reaches for a name CPython has and MicroPython lacks (str.title, math.gcd),
the error says that it is Layerlab's limit, not the learner's mistake
(worker/programs/apps/python-errors.ts). Recorded with the CPython this script runs
under (3.11.7 for the committed file): names added after 3.9 would be blamed on
MicroPython rather than reported as missing, a small difference in the note only."""
import importlib, json, pathlib

MODULES = ['math', 'random', 'os', 'os.path', 're', 'itertools', 'functools', 'collections', 'string', 'time',
           'datetime', 'json', 'sys', 'io', 'pathlib', 'logging', 'hashlib', 'base64', 'copy', 'operator']
TYPES = {'str': str, 'list': list, 'dict': dict, 'tuple': tuple, 'set': set, 'bytes': bytes, 'int': int, 'float': float}
out = {m: sorted(n for n in dir(importlib.import_module(m)) if not n.startswith('_')) for m in MODULES}
out.update({'<' + t + '>': sorted(n for n in dir(ty) if not n.startswith('_')) for t, ty in TYPES.items()})
target = pathlib.Path(__file__).resolve().parent.parent / 'worker/programs/apps/cpython-names.json'
target.write_text(json.dumps(out, separators=(',', ':')) + '\n')
