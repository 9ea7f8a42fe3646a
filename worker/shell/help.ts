/**
 * `help` in the host shell: with no argument, what this machine is, its
 * tools and keys, and how to start over; `help NAME` stays bash's builtin
 * help (`help cd`).
 *
 * just-bash dispatches its builtins before custom commands (a custom `help`
 * is never called), but a shell function wins over a builtin, in just-bash
 * as in bash. So a line that calls `help` gets a `help` function defined
 * before it, on the same line (as line-state.ts sets up the carried state),
 * which prints this text or hands its arguments to `builtin help`. Lines
 * that do not call `help` are left alone, so `type help` and `declare -f`
 * show no function on them.
 */
import type { ScriptNode } from 'just-bash';
import { shellQuote } from './commands/types.ts';

/** What `help` prints. Only the docker commands the simulator implements are named (worker/cli/handlers.ts). */
export const HELP_TEXT = `Layerlab: a Debian 12 machine simulated in your browser (user learner, host
layerlab). The docker CLI talks to a simulated Docker Engine 28.5: images are
real OCI images with real layers and sha256 digests, and the output is what
real Docker prints. Containers run a simulated Alpine, BusyBox or Debian
userland, not a Linux kernel. Everything stays in this browser: there is no
network, and Docker Hub is a simulated one holding the course's images.

Docker commands simulated
  docker run, ps, images, pull, build, exec, attach, logs, stop, start,
  restart, kill, rm, rmi, tag, history, inspect, save, load, import, export,
  commit, diff, cp, create, rename, top, port, wait, info, version,
  docker image prune, docker container prune
  docker COMMAND --help shows each command's options.

Host tools
  bash (pipes, redirections, here-documents, for, if, case, functions),
  ls cat echo printf mkdir rm cp mv touch ln grep sed awk head tail wc sort
  uniq cut tr find xargs tee diff sha256sum md5sum base64 gzip od stat tree
  seq date env, tar, jq, yq, the editors vi and nano, sudo, apt (offline).

Keys
  Ctrl-C          interrupt the running command; copies when text is selected
  Ctrl-D          end typed input (cat > file); on an empty line, log out
  Ctrl-P Ctrl-Q   detach from a container's terminal (docker attach to return)
  Tab             complete commands, docker words, image, container and file
                  names; Tab twice lists the choices
  Up, Down        walk the command history (history lists it)
  Ctrl+Shift+C    copy the selection
  Ctrl+Shift+V, Ctrl+V, right-click
                  paste
  Cmd+C, Cmd+V    copy and paste on macOS

Start over: Reset lab in the menu at the top of the page (Export lab and
Import lab keep and restore a copy).

help NAME describes the bash builtin NAME (help cd).
`;

// `builtin help` for a name keeps bash's own text; `help` alone prints ours.
const HELP_FUNCTION = `help() { if [ $# -eq 0 ]; then printf '%s' ${shellQuote(HELP_TEXT)}; else builtin help "$@"; fi; }; `;

type Node = { type?: string; [key: string]: unknown };

/** The definition to put before a line that calls `help`, else ''. */
export function helpPreamble(script: ScriptNode): string {
  let calls = false;
  const visit = (value: unknown): void => {
    if (calls || value === null || typeof value !== 'object') return;
    if (Array.isArray(value)) return value.forEach(visit);
    const node = value as Node;
    if (node.type === 'SimpleCommand') {
      const parts = (node.name as Node | null)?.parts as Node[] | undefined;
      if (parts?.length === 1 && parts[0]!.type === 'Literal' && parts[0]!.value === 'help') calls = true;
    }
    for (const [key, child] of Object.entries(node)) if (key !== 'type') visit(child);
  };
  visit(script);
  return calls ? HELP_FUNCTION : '';
}
