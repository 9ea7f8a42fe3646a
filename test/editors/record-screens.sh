#!/bin/bash
# Records real vim's and nano's screens for the keys recorded.test.ts types,
# into fixtures/vim-debian.json and fixtures/nano-debian.json: each editor runs
# in a detached 80x12 tmux session on a new Dockerfile in an empty directory,
# keys go in with `tmux send-keys`, and `tmux capture-pane -p` reads the
# screen (it drops trailing spaces).
# Needs Debian 12's vim 9.0 (vim -u DEFAULTS), nano 7.2 and tmux:
#   apt-get install -y vim nano tmux
# Usage: bash test/editors/record-screens.sh
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
T=$(mktemp -d)
trap 'tmux kill-server 2>/dev/null || true; rm -rf "$T"' EXIT
export TMUX_TMPDIR=$T
settle() { sleep 0.5; }
capture() { tmux capture-pane -p -t rec | jq -R . | jq -s .; }

# record NAME COMMAND then pairs of (label, keys...) separated by --
start() { tmux new-session -d -s rec -x 80 -y 12 -c "$T/w" "$1"; settle; }
mkdir -p "$T/w"

start 'vim -u DEFAULTS Dockerfile'
open=$(capture)
tmux send-keys -t rec i; tmux send-keys -t rec -l 'FROM alpine:3.21'; settle
typed=$(capture)
tmux send-keys -t rec Escape; tmux send-keys -t rec -l ':w'; tmux send-keys -t rec Enter; settle
saved=$(capture)
tmux kill-session -t rec
jq -n --argjson a "$open" --argjson b "$typed" --argjson c "$saved" \
  '{about: "Screens of Debian 12 vim 9.0 (vim -u DEFAULTS, 80x12, tmux capture-pane) editing a new Dockerfile; recorded with tmux send-keys.", screens: {"open new file": $a, "after i and typing": $b, "after Escape :w": $c}}' \
  > "$here/fixtures/vim-debian.json"

rm -f "$T/w/Dockerfile"
start 'nano --ignorercfiles Dockerfile'
open=$(capture)
tmux send-keys -t rec -l 'FROM alpine'; settle
typed=$(capture)
tmux send-keys -t rec C-x; settle
quit=$(capture)
tmux kill-session -t rec
jq -n --argjson a "$open" --argjson b "$typed" --argjson c "$quit" \
  '{about: "Screens of Debian 12 nano 7.2 (nano --ignorercfiles, 80x12, tmux capture-pane) on a new Dockerfile; recorded with tmux send-keys.", screens: {"open new file": $a, "after typing": $b, "after ^X": $c}}' \
  > "$here/fixtures/nano-debian.json"
