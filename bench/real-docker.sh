#!/usr/bin/env bash
# The real-docker half of the "simulator answers at least 10x faster" budget
# (design.md §9): wall time of the real docker CLI (28.2.2) against the local
# oracle engine (test/golden/oracle.sh: Engine 26.1, private socket, registry
# mirror on 127.0.0.1:5000), median of N runs per command, after one warm-up run.
#
#   bench/real-docker.sh [N]      (default N=15; needs root, as the oracle does)
#
# Prints `<cmd>\t<median ms>` per command and writes bench/results/real-docker.json
# ({"medians": {cmd: ms}, ...}), which bench/cli-vs-docker.ts reads for the ratio.
# `docker pull alpine` goes through the mirror (the image is present, so it is the
# "Image is up to date" path the simulator takes); `docker pull localhost:5000/alpine`
# is the same pull by registry name.
set -euo pipefail

N=${1:-15}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
ORACLE=$ROOT/test/golden/oracle.sh
OUT=$ROOT/bench/results/real-docker.json
CMDS=(
  "docker image ls"
  "docker image inspect alpine"
  "docker history alpine"
  "docker pull alpine"
  "docker pull localhost:5000/alpine"
)

"$ORACLE" start
"$ORACLE" reset
eval "$("$ORACLE" env)"
export DOCKER_HOST DOCKER_CONFIG
docker pull -q localhost:5000/alpine >/dev/null # make the registry-name pull a "present" pull too

now_ns() { date +%s%N; }
median() { sort -n | awk '{v[NR]=$1} END {m=int((NR+1)/2); printf "%.1f", (NR%2 ? v[m] : (v[m]+v[m+1])/2)}'; }

tmp=$(mktemp)
trap 'rm -f "$tmp"' EXIT
: >"$tmp"
for cmd in "${CMDS[@]}"; do
  read -r -a argv <<<"$cmd"
  "${argv[@]}" >/dev/null # warm-up (page cache, client start-up)
  times=()
  for _ in $(seq "$N"); do
    t0=$(now_ns)
    "${argv[@]}" >/dev/null
    t1=$(now_ns)
    times+=("$(awk -v a="$t0" -v b="$t1" 'BEGIN {printf "%.3f", (b-a)/1e6}')")
  done
  m=$(printf '%s\n' "${times[@]}" | median)
  printf '%s\t%s\n' "$cmd" "$m"
  jq -nc --arg cmd "$cmd" --argjson ms "$m" --argjson runs "$(printf '%s\n' "${times[@]}" | jq -s .)" \
    '{cmd: $cmd, ms: $ms, runs: $runs}' >>"$tmp"
done

mkdir -p "$(dirname "$OUT")"
jq -s --argjson n "$N" \
  --arg client "$(docker version --format '{{.Client.Version}}')" \
  --arg engine "$(docker version --format '{{.Server.Version}}')" \
  --arg date "$(date -u +%Y-%m-%dT%H:%M:%SZ)" \
  --arg cpus "$(nproc)" \
  '{medians: (map({key: .cmd, value: .ms}) | from_entries), runsPerCommand: $n, samplesMs: (map({key: .cmd, value: .runs}) | from_entries),
    client: $client, engine: $engine, host: {cpus: ($cpus | tonumber)}, measured: $date,
    note: "Wall time of one docker CLI process per run, median, after one warm-up run; engine: test/golden/oracle.sh"}' \
  "$tmp" >"$OUT"
