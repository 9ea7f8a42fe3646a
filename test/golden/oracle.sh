#!/usr/bin/env bash
# The real-Docker oracle: a private dockerd (Engine 26.1 from Debian trixie,
# unpacked in /opt/docker26, falling back to Debian 12's Engine 20.10) plus a
# private registry on 127.0.0.1:5000 that doubles as the engine's Docker Hub
# mirror, so `docker pull alpine` works offline and yields the same references
# (docker.io/library/alpine, RepoDigests alpine@sha256:…) as the simulator.
#
#   oracle.sh start   install what is missing, start registry + engine, seed images
#   oracle.sh stop    stop both by their own pids
#   oracle.sh reset   restart the engine on a fresh data root, pull the preload images
#   oracle.sh env     print the environment a client needs (eval "$(oracle.sh env)")
#
# Everything lives in $ORACLE_DIR (default /tmp/oracle); nothing else on the
# machine is touched: no iptables, no bridge, no systemd units. See docs/oracle.md.
set -euo pipefail

D=${ORACLE_DIR:-/tmp/oracle}
CLIENT=${ORACLE_CLIENT:-/usr/local/bin/docker}
D26=/opt/docker26
REG_ADDR=127.0.0.1:5000
# Images the simulator's `--preload alpine,hello-world,busybox` makes present.
PRELOAD=(alpine:latest hello-world:latest busybox:latest)

log() { printf 'oracle: %s\n' "$*" >&2; }
alive() { [ -s "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null; }
dk() { DOCKER_HOST=unix://$D/docker.sock DOCKER_CONFIG=$D/config "$CLIENT" "$@"; }

ensure_packages() {
  local missing=()
  command -v runc >/dev/null || missing+=(runc)
  [ -x /bin/busybox ] || missing+=(busybox-static)
  command -v jq >/dev/null || missing+=(jq)
  command -v curl >/dev/null || missing+=(curl)
  command -v docker-registry >/dev/null || missing+=(docker-registry)
  command -v gcc >/dev/null || missing+=(gcc libc6-dev)
  if [ ${#missing[@]} -gt 0 ]; then
    log "installing ${missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
}

# Engine 26.1 + containerd + tini + buildx from trixie, unpacked privately
# (real-docker.md "A newer engine"); runc stays Debian 12's (trixie's fails on
# mixed cgroup v1/v2 hosts).
ensure_engine26() {
  [ -x $D26/usr/sbin/dockerd ] && return 0
  local x=/tmp/aptx uri o
  mkdir -p $x/lists/partial $x/cache/archives/partial $D26
  uri=$(awk '/^URIs:/{print $2; exit}' /etc/apt/sources.list.d/*.sources)
  echo "deb $uri trixie main" >$x/sources.list
  o="-oDir::Etc::SourceList=$x/sources.list -oDir::Etc::SourceParts=/dev/null -oDir::State::Lists=$x/lists -oDir::Cache=$x/cache"
  # shellcheck disable=SC2086
  if apt-get $o update -qq && (cd $x && apt-get $o download docker.io containerd tini docker-buildx >/dev/null); then
    for f in $x/*.deb; do dpkg -x "$f" $D26; done
  else
    log "trixie packages unavailable; falling back to Debian 12 docker.io (Engine 20.10)"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq docker.io >/dev/null
  fi
}

engine_path() {
  if [ -x $D26/usr/sbin/dockerd ]; then echo "$D26/usr/sbin:$D26/usr/bin:$PATH"; else echo "$PATH"; fi
}

start_registry() {
  alive $D/registry.pid && return 0
  mkdir -p $D/registry
  cat >$D/registry.yml <<EOF
version: 0.1
log: {level: error}
storage:
  filesystem: {rootdirectory: $D/registry}
  delete: {enabled: true}
http:
  addr: $REG_ADDR
EOF
  # 9>&-: a daemon must not inherit record.sh's lock (fd 9), or the lock outlives the recording.
  docker-registry serve $D/registry.yml >$D/registry.log 2>&1 9>&- &
  echo $! >$D/registry.pid
  for _ in $(seq 100); do curl -sf http://$REG_ADDR/v2/ >/dev/null 2>&1 && return 0; sleep 0.1; done
  log "registry did not come up; see $D/registry.log"; return 1
}

start_engine() {
  if alive $D/docker.pid && dk version >/dev/null 2>&1; then return 0; fi
  mkdir -p $D/data $D/exec $D/config
  # cliPluginsExtraDirs lets CLI 28 find trixie's buildx without installing it system-wide.
  printf '{"cliPluginsExtraDirs":["%s"]}\n' "$D26/usr/libexec/docker/cli-plugins" >$D/config/config.json
  PATH=$(engine_path) setsid dockerd --host unix://$D/docker.sock --data-root $D/data --exec-root $D/exec \
    --pidfile $D/docker.pid --bridge=none --iptables=false --ip6tables=false \
    --registry-mirror http://$REG_ADDR >$D/log 2>&1 </dev/null 9>&- &
  for _ in $(seq 120); do dk version >/dev/null 2>&1 && return 0; sleep 0.5; done
  log "dockerd did not come up; see $D/log"; return 1
}

# A busybox root filesystem (static busybox from Debian with its applet links).
make_rootfs() {
  local r=$1
  mkdir -p $r/bin $r/etc $r/root $r/tmp $r/home $r/var $r/usr/bin $r/usr/sbin $r/sbin $r/dev $r/proc $r/sys
  chmod 1777 $r/tmp
  cp /bin/busybox $r/bin/busybox
  for a in $(/bin/busybox --list); do [ "$a" = busybox ] || ln -s busybox $r/bin/$a; done
  printf 'root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/home:/bin/false\n' >$r/etc/passwd
  printf 'root:x:0:root\nnobody:x:65534:\n' >$r/etc/group
}

# busybox on Docker Hub is made by the legacy builder (history `ADD file:… in /`, `CMD ["sh"]`,
# no Comment, no WorkingDir). The legacy builder cannot backdate an image, so this one is
# written as a docker-archive by hand, with the simulator catalog's dates, and loaded.
make_busybox() {
  local b=$1 r diff fhash cfg
  r=$(mktemp -d); make_rootfs $r
  tar --numeric-owner --sort=name --mtime=2024-09-26T21:31:41Z -C $r -cf $b/layer.tar .
  rm -rf $r
  diff=$(sha256sum $b/layer.tar | cut -d' ' -f1)
  # The legacy builder's ADD hash is its own content hash, not the layer's DiffID.
  fhash=$(printf 'file:%s' "$diff" | sha256sum | cut -d' ' -f1)
  printf '%s' '{"architecture":"amd64","config":{"Env":["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"],"Cmd":["sh"]},' \
    '"created":"2024-09-26T21:31:42.137405312Z","history":[{"created":"2024-09-26T21:31:41.937829036Z",' \
    "\"created_by\":\"/bin/sh -c #(nop) ADD file:$fhash in / \"},{\"created\":\"2024-09-26T21:31:42.137405312Z\"," \
    '"created_by":"/bin/sh -c #(nop)  CMD [\"sh\"]","empty_layer":true}],"os":"linux",' \
    "\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[\"sha256:$diff\"]}}" >$b/config.json
  cfg=$(sha256sum $b/config.json | cut -d' ' -f1)
  mv $b/config.json $b/$cfg.json
  printf '[{"Config":"%s.json","RepoTags":["busybox:latest"],"Layers":["layer.tar"]}]\n' $cfg >$b/manifest.json
  tar -C $b -cf $b.tar manifest.json $cfg.json layer.tar
  dk load -q -i $b.tar >/dev/null
}

# Base images without a registry: stand-ins named like the Hub images, with the creation
# dates of the simulator's catalog (worker/registry/catalog.ts) so listings sort alike.
# alpine and hello-world are built by BuildKit FROM scratch (history `ADD … # buildkit` /
# `COPY … # buildkit` and `CMD`, as on Hub); SOURCE_DATE_EPOCH backdates them. Pushed to
# the mirror as library/<name>, then pulled back by reset.
seed() {
  # Bump SEED when the images change so existing oracles re-seed.
  local SEED=7
  [ "$(cat $D/seeded 2>/dev/null)" = $SEED ] && return 0
  local b=$D/base r
  rm -rf $b; mkdir -p $b/alpine $b/busybox $b/hello
  r=$(mktemp -d); make_rootfs $r
  printf '3.22.1\n' >$r/etc/alpine-release
  printf '%s\n' 'NAME="Alpine Linux"' 'ID=alpine' 'VERSION_ID=3.22.1' 'PRETTY_NAME="Alpine Linux v3.22"' \
    'HOME_URL="https://alpinelinux.org/"' 'BUG_REPORT_URL="https://gitlab.alpinelinux.org/alpine/aports/-/issues"' >$r/etc/os-release
  # Fixed mtimes, order and gzip header: the same stand-ins (and image IDs) on every seed.
  tar --numeric-owner --sort=name --mtime=@1752577276 -C $r -cf - . | gzip -n >$b/alpine/alpine-minirootfs-3.22.1-x86_64.tar.gz
  rm -rf $r
  printf 'FROM scratch\nADD alpine-minirootfs-3.22.1-x86_64.tar.gz /\nCMD ["/bin/sh"]\n' >$b/alpine/Dockerfile
  printf '%s\n' '#include <unistd.h>' \
    'static const char msg[] = "\nHello from the Layerlab oracle!\n"' \
    '  "This stand-in for hello-world shows that your installation appears to be working.\n\n";' \
    'int main(void) { return write(1, msg, sizeof msg - 1) == (ssize_t)(sizeof msg - 1) ? 0 : 1; }' >$b/hello/hello.c
  gcc -static -Os -s -o $b/hello/hello $b/hello/hello.c
  touch -d @1683046167 $b/hello/hello
  printf 'FROM scratch\nCOPY hello /\nCMD ["/hello"]\n' >$b/hello/Dockerfile
  # Without buildx (Engine 20.10 fallback) the legacy builder makes them instead.
  dk buildx version >/dev/null 2>&1 || { log "buildx missing: legacy builder"; export DOCKER_BUILDKIT=0; }
  dk build -q --build-arg SOURCE_DATE_EPOCH=1752577276 -t alpine:latest $b/alpine >/dev/null
  dk build -q --build-arg SOURCE_DATE_EPOCH=1683046167 -t hello-world:latest $b/hello >/dev/null
  make_busybox $b/busybox
  for t in alpine:latest alpine:3.22; do
    dk tag alpine:latest localhost:5000/library/$t; dk tag alpine:latest localhost:5000/$t
  done
  dk tag busybox:latest localhost:5000/library/busybox:latest
  dk tag hello-world:latest localhost:5000/library/hello-world:latest
  # An image sharing alpine's base layer, to record "Already exists" on pull.
  dk rm -f seed-derived >/dev/null 2>&1 || true
  dk run --name seed-derived alpine sh -c 'echo hi > /greeting' >/dev/null
  dk commit seed-derived localhost:5000/alpine-derived:latest >/dev/null
  dk rm seed-derived >/dev/null
  # library/* serve the mirror (Hub names); alpine:* is also reachable by its registry name.
  for ref in library/alpine:latest library/alpine:3.22 library/busybox:latest library/hello-world:latest \
    alpine:latest alpine:3.22 alpine-derived:latest; do
    dk push -q localhost:5000/$ref >/dev/null
  done
  echo $SEED >$D/seeded
}

# Known starting state for every scenario, as a learner's fresh machine after the
# simulator's --preload: a new data root (BuildKit's snapshot database otherwise keeps
# references to layers of removed images, so `rmi` would not print their Deleted: lines),
# no containers, and the preload images pulled through the mirror.
reset() {
  stop_one $D/docker.pid
  if grep -q " $D/" /proc/mounts; then
    grep " $D/" /proc/mounts | awk '{print $2}' | sort -r | xargs -r umount -l
  fi
  rm -rf $D/data $D/exec
  start_engine
  for ref in "${PRELOAD[@]}"; do dk pull -q "$ref" >/dev/null; done
}

stop_one() {
  local pidf=$1 pid
  alive "$pidf" || { rm -f "$pidf"; return 0; }
  pid=$(cat "$pidf"); kill "$pid"
  for _ in $(seq 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
  rm -f "$pidf"
}

case ${1:-} in
  start) mkdir -p $D; ensure_packages; ensure_engine26; start_registry; start_engine; seed ;;
  stop) stop_one $D/docker.pid; stop_one $D/registry.pid ;;
  reset) reset ;;
  env) printf 'export DOCKER_HOST=unix://%s/docker.sock DOCKER_CONFIG=%s/config\n' $D $D ;;
  *) echo "usage: $0 start|stop|reset|env" >&2; exit 2 ;;
esac
