#!/bin/bash
# Records what real busybox and GNU tools print for the command lines of
# tools-lines.txt, into fixtures/tools.json, for tools-fidelity.test.ts.
#
# Needs root on a Debian 12 host with busybox-static (Debian's 1.35.0; alpine
# 3.22 ships 1.37.0, same messages for these applets) and GNU coreutils 9.1,
# grep 3.8, sed 4.9, findutils 4.9, diffutils 3.8, tar 1.34, bash 5.2.15 (what
# debian:bookworm has). Each line runs as `sh -c "SETUP; cd /w; LINE"` in a
# chroot whose /etc/passwd and /etc/group are the simulated image's (so names
# and `id` match what the image holds) with root's supplementary groups as runc
# gives them (every group of /etc/group that lists root):
#   busybox: a fresh root holding only /bin/busybox and its applet links;
#   gnu:     the host's /usr bind-mounted read-only (its sh is dash, as in debian).
# Usage: sudo bash test/programs/record-tools.sh
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT

# The images' passwd and group, from the simulated registry.
cat > "$T/etc.mts" <<TS
import { imageFs } from '$repo/test/programs/fixture.ts';
import { writeFileSync } from 'node:fs';
for (const img of ['alpine', 'debian']) {
  const fs = await imageFs(img);
  for (const f of ['passwd', 'group']) writeFileSync('$T/' + img + '.' + f, await fs.readFile('/etc/' + f));
}
TS
(cd "$repo" && npx tsx "$T/etc.mts")

groups_of() { # gid list runc gives root: its primary group and every group naming root
  { echo 0; awk -F: '$4 ~ /(^|,)root(,|$)/ {print $3}' "$1.group"; } | sort -nu | paste -sd, -
}

make_root() { # $1 flavour → $T/$1/root
  local r="$T/$1/root"
  mkdir -p "$r/etc" "$r/w" "$r/tmp" "$r/proc"
  if [ "$1" = busybox ]; then
    mkdir -p "$r/bin"
    cp /bin/busybox "$r/bin/busybox"
    for a in $(/bin/busybox --list); do [ -e "$r/bin/$a" ] || ln -s busybox "$r/bin/$a"; done
    cp "$T/alpine.passwd" "$r/etc/passwd"; cp "$T/alpine.group" "$r/etc/group"
  else
    mkdir -p "$r/usr"
    ln -s usr/bin "$r/bin"; ln -s usr/sbin "$r/sbin"; ln -s usr/lib "$r/lib"; ln -s usr/lib64 "$r/lib64"
    cp "$T/debian.passwd" "$r/etc/passwd"; cp "$T/debian.group" "$r/etc/group"
    # debianutils' which is reached through the alternatives link, as in the image.
    mkdir -p "$r/etc/alternatives"; ln -s /usr/bin/which.debianutils "$r/etc/alternatives/which"
  fi
}

setup=$(sed -n 's/^SETUP //p' "$here/tools-lines.txt")
mapfile -t lines < <(grep -v -e '^#' -e '^SETUP ' -e '^$' "$here/tools-lines.txt")
for l in "${lines[@]}"; do case $l in *"'"*) echo "single quote in: $l" >&2; exit 1;; esac; done

record() { # $1 flavour, $2 image (passwd/group)
  local f=$1 r="$T/$1/root" n=0 gids
  make_root "$f"
  gids=$(cd "$T" && groups_of "$2")
  for l in "${lines[@]}"; do
    rm -rf "$r/w"
    mkdir -p "$T/$f/out/$n"
    printf '%s' "$l" > "$T/$f/out/$n/line"
    set +e
    if [ "$f" = busybox ]; then
      env -i TZ=UTC PATH=/bin HOME=/root /usr/sbin/chroot --groups="$gids" "$r" sh -c "$setup; cd /w; $l" </dev/null >"$T/$f/out/$n/stdout" 2>"$T/$f/out/$n/stderr"
    else
      env -i TZ=UTC PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin HOME=/root \
        unshare -m /bin/bash -c 'mount --bind /usr "$1/usr" && mount -o remount,bind,ro "$1/usr" && exec chroot --groups="$2" "$1" sh -c "$3"' _ "$r" "$gids" "$setup; cd /w; $l" \
        </dev/null >"$T/$f/out/$n/stdout" 2>"$T/$f/out/$n/stderr"
    fi
    echo $? > "$T/$f/out/$n/rc"
    set -e
    n=$((n + 1))
  done
}
record busybox alpine
record gnu debian

cat > "$T/json.mjs" <<'JS'
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
const [T, out, busybox, gnu] = process.argv.slice(2);
const read = (f) => readdirSync(`${T}/${f}/out`).map(Number).sort((a, b) => a - b).map((n) => {
  const p = `${T}/${f}/out/${n}`;
  return { line: readFileSync(`${p}/line`, 'utf8'), stdout: readFileSync(`${p}/stdout`, 'utf8'), stderr: readFileSync(`${p}/stderr`, 'utf8'), exitCode: Number(readFileSync(`${p}/rc`, 'utf8')) };
});
const doc = {
  recordedBy: 'test/programs/record-tools.sh',
  recordedOn: new Date().toISOString().slice(0, 10),
  busybox: { what: busybox, where: 'chroot holding only busybox-static and its applet links; /etc/passwd and /etc/group of the simulated alpine image', cases: read('busybox') },
  gnu: { what: gnu, where: 'chroot with the Debian 12 host /usr (dash as sh); /etc/passwd and /etc/group of the simulated debian image', cases: read('gnu') },
};
writeFileSync(out, JSON.stringify(doc, null, 1) + '\n');
JS
bbv=$(/bin/busybox | head -1)
gv="$(ls --version | head -1); $(grep --version | head -1); $(sed --version | head -1); $(find --version | head -1); $(diff --version | head -1); $(tar --version | head -1); $(bash --version | head -1); dash $(dpkg-query -W -f '${Version}' dash 2>/dev/null)"
node "$T/json.mjs" "$T" "$here/fixtures/tools.json" "$bbv" "$gv"
echo "wrote $here/fixtures/tools.json"
