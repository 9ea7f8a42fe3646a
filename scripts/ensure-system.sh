#!/usr/bin/env bash
# Installs the system packages the test suites need when they are missing:
# Debian's chromium (the browser suite drives it with playwright-core; no
# browser download is possible or wanted), tar and jq (host-shell tests
# compare with the real tools), docker.io (the interop suite loads our
# archives into a private real dockerd and ours load its archives; the Engine
# 26.1 unpacked by test/golden/oracle.sh serves too), and the terminal's
# fonts that Debian has: fonts-dejavu-core (DejaVu Sans Mono, first in
# src/lib/term-font.ts) and fonts-liberation (Liberation Mono), which the
# underscore test draws with (test/browser/underscore.test.ts; Cascadia Mono,
# Menlo and Consolas are not in Debian). Runs before `npm test`, so the README's one
# test command works on a fresh Debian machine. Needs root (or sudo) only
# when something is missing.
set -euo pipefail
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
command -v tar >/dev/null || missing+=(tar)
command -v jq >/dev/null || missing+=(jq)
# figlet: the port in worker/programs/apps is compared with the real binary (test/programs/figlet.test.ts).
[ -x /usr/bin/figlet ] || missing+=(figlet)
# busybox-static: the engine-client conformance test imports an alpine stand-in built from it (no registry here).
[ -x /bin/busybox ] || missing+=(busybox-static)
# runsc: the runner's session engines run learner containers under gVisor (test/runner/server/).
[ -x /usr/bin/runsc ] || missing+=(runsc)
[ -e /usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf ] || missing+=(fonts-dejavu-core)
[ -e /usr/share/fonts/truetype/liberation/LiberationMono-Regular.ttf ] || missing+=(fonts-liberation)
if [ ! -x /opt/docker26/usr/sbin/dockerd ] && [ ! -x /usr/sbin/dockerd ] && [ ! -x /usr/bin/dockerd ]; then
  missing+=(docker.io)
fi
[ ${#missing[@]} -eq 0 ] && exit 0
echo "Installing system packages for the tests: ${missing[*]}" >&2
as_root=()
[ "$(id -u)" -eq 0 ] || as_root=(sudo)
export DEBIAN_FRONTEND=noninteractive
"${as_root[@]}" apt-get update -qq
"${as_root[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
