#!/usr/bin/env bash
# Records the file list of python:3.9-slim's interpreter layer (make install of
# CPython 3.9 under /usr/local, then the official Dockerfile's cleanup) into
# worker/registry/python-3.9-files.generated.json, from real sources only:
#
# - the CPython 3.9 source (Debian bullseye's python3.9_3.9.2.orig.tar.xz,
#   fetched with `apt-get source --download-only` from a private apt setup):
#   what Makefile.pre.in's libinstall copies (Lib/*.py and every file of the
#   LIBSUBDIRS directories except *.py[co], *.orig, *wininst-*.exe), its
#   inclinstall headers (Include/*.h, cpython/, internal/) and their sizes;
# - the official image's cleanup (docker-library/python Dockerfile): test,
#   tests and idle_test directories and *.pyc / libpython*.a removed;
# - lib-dynload: the extension modules setup.py builds on Linux when every
#   build dependency of the Dockerfile is installed (its Extension(...) names,
#   the computed _codecs_* and hash modules), without the ones Modules/Setup
#   builds into the interpreter and without nis (bookworm's glibc has no NIS
#   headers and libnsl-dev is not a build dependency). Their sizes are not
#   recorded: apps.ts spreads the layer's remaining bytes over them.
#
# - pip 23.0.1 (the pip layer): the files of Debian bookworm's python3-pip-whl
#   wheel (pip-23.0.1-py3-none-any.whl, built by Debian from the upstream
#   source; its +dfsg repack leaves out distlib's Windows launcher .exe files).
#
# The image has Python 3.9.23; 3.9 patch releases add no modules, so the
# names are 3.9.23's; file sizes are 3.9.2's. setuptools 58.1.0 has no
# package in Debian, so its files are not recorded.
#
#     worker/registry/generate-python-files.sh
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
OUT=$HERE/python-3.9-files.generated.json
X=${TMPDIR:-/tmp}/layerlab-python-src
mkdir -p "$X/lists/partial" "$X/cache/archives/partial" "$X/src"
printf 'deb http://deb.debian.org/debian bullseye main\ndeb-src http://deb.debian.org/debian bullseye main\n' >"$X/sources.list"
O=(-oDir::Etc::SourceList="$X/sources.list" -oDir::Etc::SourceParts=/dev/null -oDir::State::Lists="$X/lists" -oDir::Cache="$X/cache")
apt-get "${O[@]}" update -qq
(cd "$X/src" && [ -f python3.9_3.9.2.orig.tar.xz ] || apt-get "${O[@]}" source --download-only python3.9 >/dev/null)
TAR=$X/src/python3.9_3.9.2.orig.tar.xz
tar -tvJf "$TAR" | awk '{print $1, $3, $6}' >"$X/listing.txt"
tar -xJf "$TAR" -C "$X" Python-3.9.2/Makefile.pre.in Python-3.9.2/setup.py Python-3.9.2/Modules/Setup
# The pip wheel comes from the machine's own (bookworm) sources.
(cd "$X" && rm -rf pipdeb && mkdir pipdeb && cd pipdeb && apt-get download python3-pip-whl >/dev/null && dpkg -x python3-pip-whl_*.deb .)

python3 - "$X" "$OUT" <<'EOF'
import json, re, sys
x, out = sys.argv[1], sys.argv[2]
src = f'{x}/Python-3.9.2'
mk = open(f'{src}/Makefile.pre.in').read()
def var(name):
    return re.search(r'^' + name + r'=(.*?)(?<!\\)\n', mk, re.S | re.M).group(1).replace('\\\n', ' ').split()
subdirs = set(var('LIBSUBDIRS')) - {'$(XMLLIBSUBDIRS)'} | set(var('XMLLIBSUBDIRS'))
TESTS = ('test', 'tests', 'idle_test')
lib, include = [], []
for line in open(f'{x}/listing.txt'):
    perm, size, path = line.split()
    if perm[0] != '-' or not path.startswith('Python-3.9.2/'):
        continue
    rel = path[len('Python-3.9.2/'):]
    if rel.startswith('Lib/'):
        rel = rel[4:]
        d, _, name = rel.rpartition('/')
        if d == '' and not name.endswith('.py'):
            continue
        if d != '' and d not in subdirs:
            continue
        if re.search(r'\.py[co]$|\.orig$|wininst-.*\.exe$|~$', name) or any(p in TESTS for p in rel.split('/')[:-1]):
            continue
        lib.append(f"{rel} {size}{' x' if 'x' in perm[1:4] else ''}")
    elif re.fullmatch(r'Include/(cpython/|internal/)?[^/]+\.h', rel):
        include.append(f'{rel[len("Include/"):]} {size}')
setup = open(f'{src}/setup.py').read()
names = set(re.findall(r"Extension\(\s*['\"]([A-Za-z0-9_]+)['\"]", setup))
names -= {'_scproxy'}  # macOS only
names |= {f'_codecs_{c}' for c in ('cn', 'hk', 'iso2022', 'jp', 'kr', 'tw')} | {'_ssl', '_md5', '_sha1', '_sha256', '_sha512', '_blake2', '_sha3'}
builtin = set()
for line in open(f'{src}/Modules/Setup'):
    m = re.match(r'^([A-Za-z_][A-Za-z0-9_]*)\s', line)
    if m:
        builtin.add(m.group(1))
names -= builtin
names -= {'nis'}
# `##  self.add(Extension('xx', ...))` is commented out in setup.py.
if re.search(r"^##\s+self\.add\(Extension\('xx'", setup, re.M):
    names.discard('xx')
import glob, zipfile
wheel = zipfile.ZipFile(glob.glob(f'{x}/pipdeb/usr/share/python-wheels/pip-*.whl')[0])
pip = [f'{i.filename} {i.file_size}' for i in wheel.infolist() if not i.is_dir()]
json.dump({
    'note': 'Recorded by worker/registry/generate-python-files.sh from the CPython 3.9.2 source (Debian bullseye orig tarball): files as make install lays them out under /usr/local, after the official image removes tests and bytecode. Lines are "path size" (x = mode 0755).',
    'lib': '\n'.join(sorted(lib)),
    'include': '\n'.join(sorted(include)),
    'dynload': ' '.join(sorted(names)),
    'pip': '\n'.join(sorted(pip)),
}, open(out, 'w'), indent=1)
open(out, 'a').write('\n')
print(f'{len(lib)} library files, {len(include)} headers, {len(names)} extension modules, {len(pip)} pip files -> {out}', file=sys.stderr)
EOF
