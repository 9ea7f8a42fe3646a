#!/bin/bash
# Records what apt-get prints in a fresh Debian 12 root made as Docker's
# debian:bookworm image is made (debootstrap --variant=minbase, plus the
# image's /etc/apt/apt.conf.d/docker-* files and debian.sources, no package
# lists, no extended_states), into fixtures/apt-bookworm.json for
# apt-fidelity.test.ts. Needs root, debootstrap and deb.debian.org.
# Dates move the archive: sizes, counts and "N not upgraded" differ from the
# simulated snapshot, and the test normalizes exactly those.
# Usage: sudo bash test/programs/record-apt.sh
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
R=$(mktemp -d)
chmod 755 "$R"  # apt downloads as _apt, which must reach the lists and the cache
cleanup() { umount "$R/dev/pts" "$R/dev" "$R/proc" 2>/dev/null || true; rm -rf "$R"; }
trap cleanup EXIT
debootstrap --variant=minbase bookworm "$R" http://deb.debian.org/debian >/dev/null
mount --bind /proc "$R/proc"; mount --bind /dev "$R/dev"; mount --bind /dev/pts "$R/dev/pts"
# The image's apt configuration (docker-library/debian, debuerreotype).
c=$R/etc/apt/apt.conf.d
echo 'Apt::AutoRemove::SuggestsImportant "false";' > "$c/docker-autoremove-suggests"
cat > "$c/docker-clean" <<'CONF'
DPkg::Post-Invoke { "rm -f /var/cache/apt/archives/*.deb /var/cache/apt/archives/partial/*.deb /var/cache/apt/*.bin || true"; };
APT::Update::Post-Invoke { "rm -f /var/cache/apt/archives/*.deb /var/cache/apt/archives/partial/*.deb /var/cache/apt/*.bin || true"; };
Dir::Cache::pkgcache "";
Dir::Cache::srcpkgcache "";
CONF
echo 'Acquire::GzipIndexes "true";' > "$c/docker-gzip-indexes"
echo 'Acquire::Languages "none";' > "$c/docker-no-languages"
: > "$R/etc/apt/sources.list"
cat > "$R/etc/apt/sources.list.d/debian.sources" <<'CONF'
Types: deb
URIs: http://deb.debian.org/debian
Suites: bookworm bookworm-updates
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg

Types: deb
URIs: http://deb.debian.org/debian-security
Suites: bookworm-security
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
CONF
rm -rf "$R/var/lib/apt/lists/"* "$R/var/lib/apt/extended_states"
# The lines of apt-fidelity.test.ts, in order, in the same root (state carries).
lines=(
  'apt-get install -y figlet'
  'apt-get update'
  'apt-get install -y figlet'
  'apt-get install -y figlet'
  'apt-get install -y nosuchpackage'
  'cat /var/lib/apt/extended_states'
)
for line in "${lines[@]}"; do
  out=$(mktemp); err=$(mktemp)
  set +e; chroot "$R" sh -c "$line" >"$out" 2>"$err"; rc=$?; set -e
  jq -n --arg line "$line" --rawfile stdout "$out" --rawfile stderr "$err" --argjson rc "$rc" '{line: $line, stdout: $stdout, stderr: $stderr, rc: $rc}'
  rm -f "$out" "$err"
done | jq -s --arg apt "$(chroot "$R" dpkg-query -W -f '${Version}' apt)" '{recordedBy: "test/programs/record-apt.sh", apt: $apt, where: "debootstrap --variant=minbase bookworm with debian:bookworm apt configuration, not a tty", cases: .}' > "$here/fixtures/apt-bookworm.json"
