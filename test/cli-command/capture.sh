#!/bin/sh
# Records the real Docker CLI's help and usage-error output as golden fixtures for
# test/cli-command. Oracle: docker CLI 28.2.2 with no daemon reachable (DOCKER_HOST points
# nowhere), so everything recorded here is produced by the CLI alone (cobra/pflag).
#
#   test/cli-command/capture.sh            # re-record fixtures/help and fixtures/errors
#   test/cli-command/capture.sh --wide DIR # also record unwrapped help (pty 2000 columns)
#                                          # into DIR, the input of gen-catalog.ts
#
# Help is recorded without a terminal, so flag usages wrap at 79 columns exactly as
# docker/cli's wrappedFlagUsages does when GetWinsize fails (defaultTermWidth 80 - 1).
set -eu
# HOME=/root: the root help prints config defaults under $HOME/.docker, as for the simulator's root user.
export DOCKER_HOST=unix:///nonexistent HOME=/root
unset DOCKER_CONFIG
here=$(cd "$(dirname "$0")" && pwd)
help="$here/fixtures/help"
errs="$here/fixtures/errors"
wide=""
if [ "${1:-}" = "--wide" ]; then wide=$2; mkdir -p "$wide"; fi
mkdir -p "$help" "$errs"

# Sub-command names listed in the "...Commands:" blocks of a help text.
subcommands() {
  awk '/^[A-Za-z ]*Commands:$/ {in_=1; next} /^$/ {in_=0} in_ && /^  [a-z]/ {sub(/\*$/, "", $1); print $1}'
}

# fixture name: words joined by '.', root is '_root'
name() { if [ -z "$1" ]; then echo _root; else echo "$1" | tr ' ' '.'; fi; }

record_help() { # $1 = command path ('' for root)
  # shellcheck disable=SC2086
  # stdout only: the legacy-builder DEPRECATED banner (no buildx here) goes to stderr.
  docker $1 --help >"$help/$(name "$1").txt" 2>/dev/null || true
  if [ -n "$wide" ] && [ -n "$1" ]; then
    script -qc "stty cols 2000; docker $1 --help" /dev/null | tr -d '\r' >"$wide/$(name "$1").txt"
  fi
}

walk() { # $1 = command path
  record_help "$1"
  # shellcheck disable=SC2086
  for sub in $(docker $1 --help 2>/dev/null | subcommands); do
    if [ -z "$1" ]; then walk "$sub"; else walk "$1 $sub"; fi
  done
}
walk ""

# Usage errors: one fixture per case, file = case name, contents = argv line, then the
# recorded stdout, stderr and exit code separated by marker lines.
record_err() { # $1 = case name, rest = argv (without 'docker')
  case_=$1; shift
  set +e
  docker "$@" >/tmp/capture.out 2>/tmp/capture.err
  rc=$?
  set -e
  { printf '%s\n' "$*"; echo '--- stdout'; cat /tmp/capture.out; echo '--- stderr'; cat /tmp/capture.err; echo "--- exit $rc"; } >"$errs/$case_.txt"
}
while IFS='|' read -r case_ argv; do
  [ -z "$case_" ] && continue
  # shellcheck disable=SC2086
  record_err "$case_" $argv
done <"$here/error-cases.txt"

# Arity probes: every command once with no arguments and once with twelve, stdin closed.
# A recorded arity error is what gen-catalog.ts derives CommandSpec.args from; any other
# outcome (usually "Cannot connect to the Docker daemon") means the count was accepted.
arity="$here/fixtures/arity"
mkdir -p "$arity"
# Some probes write client config (trust keys, contexts): keep that in a throw-away dir
# with a fixed name, since some recorded messages quote the path.
DOCKER_CONFIG=/tmp/layerlab-capture-docker-config
rm -rf "$DOCKER_CONFIG"
export DOCKER_CONFIG
trap 'rm -rf "$DOCKER_CONFIG"' EXIT
for f in "$help"/*.txt; do
  n=$(basename "$f" .txt)
  [ "$n" = _root ] && continue
  path=$(echo "$n" | tr '.' ' ')
  {
    for argv in "" "a1 a2 a3 a4 a5 a6 a7 a8 a9 a10 a11 a12"; do
      set +e
      # shellcheck disable=SC2086
      timeout 20 docker $path $argv </dev/null >/tmp/capture.out 2>/tmp/capture.err
      rc=$?
      set -e
      echo "=== docker $path $argv" | sed 's/ *$//'
      echo '--- stdout'; cat /tmp/capture.out; echo '--- stderr'; cat /tmp/capture.err; echo "--- exit $rc"
    done
  } >"$arity/$n.txt"
done
