/**
 * The shell state a terminal keeps from line to line, which just-bash
 * resets on every `exec()`: variables (PWD among them), their export, the
 * aliases and `$?`. After a line, {@link carried} takes it from the final
 * environment just-bash reports; before the next, {@link preamble} sets it
 * up again, on the learner's own line so `$LINENO` and messages stay on
 * line 1 (just-bash expands aliases defined earlier on a line).
 */
import { LEARNER } from './commands/identity.ts';
import { shellQuote } from './commands/types.ts';

/** The login environment of `learner` on a Debian 12 host (bash 5.2, /etc/profile PATH). */
export const LOGIN_ENV: Readonly<Record<string, string>> = {
  HOME: LEARNER.home,
  USER: LEARNER.user,
  LOGNAME: LEARNER.user,
  HOSTNAME: LEARNER.host,
  SHELL: '/bin/bash',
  PATH: '/usr/local/bin:/usr/bin:/bin:/usr/local/games:/usr/games',
  PWD: LEARNER.home,
  LANG: 'C.UTF-8',
  TERM: 'xterm-256color',
};

// Variables just-bash derives itself or that hold state carried another way.
const DERIVED = new Set(['?', 'SHELLOPTS', 'BASHOPTS']);
// Shell variables bash sets but does not export.
const UNEXPORTED = new Set(['IFS', 'OSTYPE', 'MACHTYPE', 'HOSTTYPE', 'OPTIND', 'COLUMNS', 'LINES']);
// just-bash reports an alias `ll` as the variable BASH_ALIAS_ll.
const ALIAS_PREFIX = 'BASH_ALIAS_';

/** What one line leaves for the next: its variables and aliases. */
export function carried(finalEnv: Record<string, string>): { env: Record<string, string>; aliases: Map<string, string> } {
  const env: Record<string, string> = {};
  const aliases = new Map<string, string>();
  for (const [key, value] of Object.entries(finalEnv)) {
    if (key.startsWith(ALIAS_PREFIX)) aliases.set(key.slice(ALIAS_PREFIX.length), value);
    else if (!DERIVED.has(key)) env[key] = value;
  }
  return { env, aliases };
}

/**
 * Commands put before the learner's line: expand_aliases (on in an
 * interactive bash), the exports, the aliases, and `$?` through `(exit N)`.
 * just-bash exports only what its constructor got, so a variable exported on
 * an earlier line (`export DOCKER_BUILDKIT=0`) would not reach the next
 * line's commands; which ones were exported is not reported, so every
 * carried variable but bash's own is exported.
 */
export function preamble(env: Record<string, string>, aliases: Map<string, string>, status: number): string {
  const parts = ['shopt -s expand_aliases'];
  const exported = Object.keys(env).filter((k) => !UNEXPORTED.has(k) && /^[A-Za-z_][A-Za-z0-9_]*$/.test(k));
  if (exported.length > 0) parts.push(`export ${exported.join(' ')}`);
  for (const [name, value] of aliases) parts.push(`alias ${name}=${shellQuote(value)}`);
  if (status !== 0) parts.push(`(exit ${status})`);
  return `${parts.join('; ')}; `;
}

/**
 * What a terminal reattaching to its session finds again after a reload:
 * the variables (PWD among them), the aliases and `$?`. Kept in the store's
 * `meta` collection with each line's commit (session.ts).
 */
export interface ShellState {
  env: Record<string, string>;
  aliases: Record<string, string>;
  status: number;
}

/** The `meta` record that holds the shell state. */
export const SHELL_STATE_KEY = 'shell';

/** A stored {@link ShellState}, checked, or undefined when `value` is not one (an older or damaged record). */
export function parseShellState(value: unknown): ShellState | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { env, aliases, status } = value as Partial<Record<keyof ShellState, unknown>>;
  const strings = (v: unknown): v is Record<string, string> =>
    typeof v === 'object' && v !== null && !Array.isArray(v) && Object.values(v).every((x) => typeof x === 'string');
  if (!strings(env) || !strings(aliases) || typeof status !== 'number' || !Number.isInteger(status)) return undefined;
  return { env: { ...env }, aliases: { ...aliases }, status };
}

/** bash's default PS1 on Debian, `\u@\h:\w\$ `, for the variables `env` (the home directory shows as `~`). */
export function ps1(env: Readonly<Record<string, string>>): string {
  const home = env.HOME ?? LEARNER.home;
  const cwd = env.PWD ?? LEARNER.home;
  const shown = cwd === home ? '~' : cwd.startsWith(`${home}/`) ? `~${cwd.slice(home.length)}` : cwd;
  return `${LEARNER.user}@${LEARNER.host}:${shown}$ `;
}
