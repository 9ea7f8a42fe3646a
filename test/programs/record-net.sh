#!/bin/bash
# Records what real curl and busybox wget print for the lines of net-lines.txt
# into fixtures/net.json, for net-fidelity.test.ts.
#
# Needs root on a Debian 12 host with curl 7.88.1 (the nginx image's curl),
# busybox-static (Debian's 1.35.0; alpine ships 1.37.0) and nginx (Debian's
# 1.22.1; the image runs 1.29: the test compares with the version masked).
# nginx serves the nginx image's index.html (from the simulated registry) with
# the image's default.conf on 127.0.0.1:80; `web` resolves to it through a
# private /etc/hosts bind-mounted in a mount namespace (unshare -m), so the
# tools resolve the name as in a container. Each line runs in a fresh /w.
# Usage: sudo bash test/programs/record-net.sh
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
T=$(mktemp -d /tmp/net-record.XXXXXX)
trap 'kill "$(cat "$T/nginx.pid" 2>/dev/null)" 2>/dev/null || true; rm -rf "$T"' EXIT

mkdir -p "$T/html" "$T/logs" "$T/tmp"; chmod 755 "$T"
cat > "$T/index.mts" <<TS
import { imageFs } from '$repo/test/programs/fixture.ts';
import { writeFileSync } from 'node:fs';
const fs = await imageFs('nginx');
writeFileSync('$T/html/index.html', await fs.readFile('/usr/share/nginx/html/index.html'));
writeFileSync('$T/html/50x.html', await fs.readFile('/usr/share/nginx/html/50x.html'));
TS
(cd "$repo" && npx tsx "$T/index.mts")
chmod 644 "$T"/html/*
cat > "$T/nginx.conf" <<CONF
worker_processes 1;
pid $T/nginx.pid;
error_log $T/logs/error.log notice;
events { worker_connections 64; }
http {
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log $T/logs/access.log;
    client_body_temp_path $T/tmp;
    sendfile on;
    keepalive_timeout 65;
    server {
        listen 80;
        server_name localhost;
        location / { root $T/html; index index.html index.htm; }
        error_page 500 502 503 504 /50x.html;
        location = /50x.html { root $T/html; }
    }
}
CONF
nginx -c "$T/nginx.conf" -p "$T"
for _ in $(seq 50); do [ -s "$T/nginx.pid" ] && break; sleep 0.1; done
printf '127.0.0.1\tlocalhost\n127.0.0.1\tweb\n' > "$T/hosts"
mkdir -p "$T/bin"; ln -s /bin/busybox "$T/bin/wget"

: > "$T/entries.jsonl"
grep -v -e '^#' -e '^$' "$here/net-lines.txt" | while IFS= read -r line; do
  rm -rf "$T/w"; mkdir -p "$T/w"
  rc=0
  # curl lines use the system curl; wget lines busybox's applet (first on PATH).
  printf '%s\n' "$line" > "$T/line.sh"
  unshare -m sh -c "mount --bind $T/hosts /etc/hosts && cd $T/w && PATH=$T/bin:\$PATH exec sh $T/line.sh" </dev/null >"$T/out" 2>"$T/err" || rc=$?
  jq -nc --arg line "$line" --rawfile stdout "$T/out" --rawfile stderr "$T/err" --argjson rc "$rc" \
    '{line: $line, stdout: $stdout, stderr: $stderr, rc: $rc}' >>"$T/entries.jsonl"
done
jq -s '{recorded: (now | todate), curl: "7.88.1 (Debian 12)", busybox: "1.35.0 (Debian 12)", nginx: "1.22.1 (Debian 12)", lines: .}' "$T/entries.jsonl" > "$here/fixtures/net.json"
echo "recorded $(jq '.lines | length' "$here/fixtures/net.json") lines" >&2
