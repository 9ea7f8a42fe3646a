/**
 * Every command the host adds to just-bash, in one module that the shell
 * imports dynamically together with just-bash: none of it is needed before
 * the first line runs, so none of it weighs on the page's first load.
 */
import type { Command } from 'just-bash';
import { aptCommands } from './apt.ts';
import { curlCommands } from './curl.ts';
import { dockerCommands } from './docker.ts';
import type { DockerCommand } from './docker.ts';
import { editorCommands } from './editors.ts';
import { envCommands } from './env.ts';
import { historyCommand } from './history.ts';
import type { History } from './history.ts';
import { identityCommands } from './identity.ts';
import { jqCommand } from './jq.ts';
import { lsCommand } from './ls.ts';
import { sudoCommand } from './sudo.ts';
import { tarCommand } from './tar.ts';
import type { JustBash, LineHooks } from './types.ts';

/** The host's commands: docker, curl, tar, ls, jq, apt, sudo, history, env, the editors and the identity ones. */
export function hostCommands(jb: JustBash, docker: DockerCommand, hooks: LineHooks, history: History): Command[] {
  return [
    ...historyCommand(jb, history),
    ...envCommands(jb),
    ...dockerCommands(jb, docker, hooks),
    ...curlCommands(jb, docker, hooks),
    ...identityCommands(jb),
    ...sudoCommand(jb),
    ...aptCommands(jb, hooks),
    ...tarCommand(jb, hooks),
    ...lsCommand(jb, hooks),
    ...jqCommand(jb, hooks),
    ...editorCommands(jb, hooks),
  ];
}
