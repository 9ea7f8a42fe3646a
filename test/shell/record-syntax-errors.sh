#!/bin/bash
# Records how bash 5.2.15, dash 0.5.12 (Debian 12's sh) and busybox 1.37's ash
# (alpine, run in the oracle engine: test/golden/oracle.sh start) word syntax
# errors and exit, into fixtures/syntax-errors.json for syntax-error.test.ts.
# Usage: bash test/shell/record-syntax-errors.sh
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
eval "$(bash "$here/../golden/oracle.sh" env)"
scripts=('echo 5.1(1)' 'echo a; fi' 'if true; then echo' 'echo "a' 'for x in; do' 'echo )' 'f() {')
run() { # shell-label command...
  local label=$1; shift
  local out err rc
  out=$(mktemp); err=$(mktemp)
  set +e; "$@" >"$out" 2>"$err"; rc=$?; set -e
  jq -n --arg shell "$label" --arg script "${@: -1}" --rawfile stdout "$out" --rawfile stderr "$err" --argjson rc "$rc" '{shell: $shell, script: $script, stdout: $stdout, stderr: $stderr, rc: $rc}'
  rm -f "$out" "$err"
}
{
  for s in "${scripts[@]}"; do
    run bash bash -c "$s"
    run dash sh -c "$s"
    run ash docker run --rm alpine sh -c "$s"
  done
} | jq -s '{recordedBy: "test/shell/record-syntax-errors.sh", bash: "5.2.15 (Debian 12)", dash: "0.5.12 (Debian 12)", ash: "busybox 1.37 (alpine 3.22, Docker 26.1)", cases: .}' > "$here/fixtures/syntax-errors.json"
