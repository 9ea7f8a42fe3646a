#!/usr/bin/env bash
# Record golden transcripts from the real-Docker oracle (test/golden/oracle.sh).
#
#   test/golden/record.sh [scenario ...]     default: every test/golden/scenarios/*.txt
#
# A scenario file holds one shell command line per line (blank lines and lines
# starting with "#" are skipped). Each scenario starts from `oracle.sh reset`
# (no containers; alpine, hello-world, busybox pulled through the mirror, as the
# simulator's `--preload alpine,hello-world,busybox`) in a fresh temp directory;
# each line runs as `bash -c "$line"` there with stdin empty (not a TTY), so
# files persist between lines. The fixture test/golden/fixtures/<scenario>.json
# is the JSON array `bin/layerlab exec --json` prints:
#   [{"cmd": line, "stdout": text, "stderr": text, "rc": exit code}, ...]
# and fixtures/_meta.json records which client/engine produced them.
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
ORACLE=$HERE/oracle.sh
OUT=$HERE/fixtures
mkdir -p "$OUT"

# One recorder at a time: scenarios reset the shared engine.
exec 9>"${ORACLE_DIR:-/tmp/oracle}.record.lock"
flock 9

"$ORACLE" start
eval "$("$ORACLE" env)"
export DOCKER_HOST DOCKER_CONFIG
# A plain, predictable host environment for the lines (what a learner's shell has).
export LANG=C.UTF-8 LC_ALL=C.UTF-8 HOME=${HOME:-/root}
unset DOCKER_BUILDKIT DOCKER_CLI_HINTS COLUMNS TERM || true

if [ $# -gt 0 ]; then names=("$@"); else
  names=(); for f in "$HERE"/scenarios/*.txt; do names+=("$(basename "$f" .txt)"); done
fi

record_scenario() {
  local name=$1 src=$HERE/scenarios/$1.txt work tmp line rc
  [ -f "$src" ] || { echo "record: no scenario $src" >&2; return 1; }
  "$ORACLE" reset
  work=$(mktemp -d /tmp/golden-"$name".XXXXXX)
  tmp=$(mktemp -d)
  : >"$tmp/entries.jsonl"
  while IFS= read -r line || [ -n "$line" ]; do
    case $line in '' | '#'*) continue ;; esac
    rc=0
    # Help texts hide flags annotated with a newer API than the daemon's (history/inspect/rmi
    # --platform, images --tree): let the client assume Docker 28.5's API 1.51 for pure --help
    # lines, which never reach the daemon, so they show what 28.5 shows.
    api=; [[ $line =~ ^docker(\ [a-z-]+)*\ --help$ ]] && api=1.51
    (cd "$work" && DOCKER_API_VERSION=${api:-} bash -c "$line") </dev/null >"$tmp/out" 2>"$tmp/err" || rc=$?
    jq -nc --arg cmd "$line" --rawfile stdout "$tmp/out" --rawfile stderr "$tmp/err" --argjson rc "$rc" \
      '{cmd: $cmd, stdout: $stdout, stderr: $stderr, rc: $rc}' >>"$tmp/entries.jsonl"
  done <"$src"
  jq -s '.' "$tmp/entries.jsonl" >"$OUT/$name.json"
  # Containers left running (e.g. `sleep`) must not leak into the next scenario.
  rm -rf "$work" "$tmp"
  echo "recorded $name ($(jq length "$OUT/$name.json") lines)" >&2
}

for n in "${names[@]}"; do record_scenario "$n"; done
"$ORACLE" reset

server=$(docker version --format '{{json .Server}}')
jq -n --arg client "$(docker version --format '{{.Client.Version}}')" \
  --arg clientApi "$(docker version --format '{{.Client.APIVersion}}')" \
  --argjson server "$server" \
  --arg buildx "$(docker buildx version 2>/dev/null || echo none)" \
  --arg date "$(date -u +%Y-%m-%dT%H:%M:%SZ)" \
  --arg storageDriver "$(docker info --format '{{.Driver}}')" \
  '{client: $client, clientApiVersion: $clientApi, engine: $server.Version, engineApiVersion: $server.ApiVersion,
    components: [$server.Components[] | {Name, Version}], buildx: $buildx, storageDriver: $storageDriver,
    recorded: $date, preload: ["alpine:latest", "hello-world:latest", "busybox:latest"],
    note: "Base images are local stand-ins built by test/golden/oracle.sh, served by a registry mirror on 127.0.0.1:5000"}' \
  >"$OUT/_meta.json"
