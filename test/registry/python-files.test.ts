/**
 * python:3.9-slim's interpreter layer lists real paths (issue 9): every file
 * under /usr/local/lib/python3.9 and /usr/local/include/python3.9 is one
 * CPython 3.9 installs (python-3.9-files.generated.json, recorded from the
 * CPython source by worker/registry/generate-python-files.sh) or one its
 * build generates, with the recorded size; nothing is invented filler.
 */
import { describe, expect, it } from 'vitest';
import { LAYERS } from '../../worker/registry/layers.ts';
import PY39 from '../../worker/registry/python-3.9-files.generated.json' with { type: 'json' };

const entries = LAYERS['python-3.9.23']!().entries();
const files = new Map(entries.filter((e) => e.type === 'file').map((e) => [e.path, e]));

describe('python:3.9-slim interpreter layer', () => {
  it('holds each recorded library file and header with its size, and no other file there', () => {
    const recorded = new Map<string, number>();
    for (const line of PY39.lib.split('\n')) recorded.set(`usr/local/lib/python3.9/${line.split(' ')[0]}`, Number(line.split(' ')[1]));
    for (const line of PY39.include.split('\n')) recorded.set(`usr/local/include/python3.9/${line.split(' ')[0]}`, Number(line.split(' ')[1]));
    for (const [path, size] of recorded) expect([path, files.get(path)?.size]).toEqual([path, size]);
    const generated = [
      'usr/local/lib/python3.9/_sysconfigdata__linux_x86_64-linux-gnu.py',
      'usr/local/lib/python3.9/lib2to3/Grammar3.9.23.final.0.pickle',
      'usr/local/lib/python3.9/lib2to3/PatternGrammar3.9.23.final.0.pickle',
      'usr/local/include/python3.9/pyconfig.h',
    ];
    const others = [...files.keys()].filter((p) => /^usr\/local\/(lib|include)\/python3\.9\//.test(p) && !recorded.has(p) && !generated.includes(p));
    expect(others.every((p) => /^usr\/local\/lib\/python3\.9\/(lib-dynload\/[_a-z0-9]+\.cpython-39-x86_64-linux-gnu\.so|config-3\.9-x86_64-linux-gnu\/[^/]+)$/.test(p))).toBe(true);
    expect(others.filter((p) => p.includes('lib-dynload')).length).toEqual(PY39.dynload.split(' ').length);
  });

  it('has the modules a learner looks for, and none of the old invented names', () => {
    for (const p of ['json/__init__.py', 'argparse.py', 'asyncio/base_events.py', 'encodings/utf_8.py', 'email/mime/text.py', 'lib-dynload/_json.cpython-39-x86_64-linux-gnu.so', 'site-packages/README.txt']) {
      expect(files.has(`usr/local/lib/python3.9/${p}`)).toBe(true);
    }
    // The old generator's names: argparse_base.py, argparse_common1.py, … (about 20 per module).
    expect([...files.keys()].filter((p) => /\/[a-z]+_(base|common\d*|core|data|util|extra|compat)\d*\.py$/.test(p) && !PY39.lib.includes(p.slice('usr/local/lib/python3.9/'.length) + ' '))).toEqual([]);
    // No test directories, no bytecode (the official image removes them).
    expect([...files.keys()].filter((p) => /\/(test|tests|idle_test)\/|\.pyc$/.test(p))).toEqual([]);
  });

  it('pip layer: the files of the pip 23.0.1 wheel with their sizes, plus what pip writes when it installs itself', () => {
    const pip = new Map(LAYERS['python-3.9-pip-23.0.1']!().entries().filter((e) => e.type === 'file').map((e) => [e.path, e.size]));
    const sp = 'usr/local/lib/python3.9/site-packages';
    for (const line of PY39.pip.split('\n')) {
      const [path, size] = line.split(' ');
      if (!path!.endsWith('/METADATA')) expect([path, pip.get(`${sp}/${path}`)]).toEqual([path, Number(size)]);
    }
    expect(pip.has(`${sp}/pip/_internal/cli/main.py`)).toBe(true);
    expect(pip.has(`${sp}/pip/_vendor/rich/console.py`)).toBe(true);
    expect([...pip.keys()].filter((p) => p.startsWith(`${sp}/pip`) && !PY39.pip.includes(p.slice(sp.length + 1) + ' '))).toEqual([`${sp}/pip-23.0.1.dist-info/INSTALLER`, `${sp}/pip-23.0.1.dist-info/REQUESTED`]);
  });
});
