/**
 * Types of the docker command-line grammar: one {@link CommandSpec} per cobra command of
 * docker/cli 28.x, each with its pflag flag table. The catalog (catalog*.ts) is data of these
 * types; parse.ts and help.ts interpret it the way cobra and pflag do.
 */

/**
 * How a flag's value is parsed. Names follow pflag's `Value.Type()` where the semantics
 * differ (each has its own error text, recorded in test/cli-command/fixtures/errors):
 * - `bool`: no value needed, `--x=false` allowed (strconv.ParseBool)
 * - `string`: last one wins
 * - `int` / `int64`: strconv.ParseInt, 64-bit
 * - `uint` / `uint16` / `uint32` / `uint64`: strconv.ParseUint with that bit size
 * - `float`: strconv.ParseFloat
 * - `decimal`: docker's NanoCPUs (`big.Rat`), "failed to parse X as a rational number"
 * - `duration`: Go time.ParseDuration
 * - `bytes`: docker's MemBytes (go-units RAMInBytes)
 * - `filter`: docker's FilterOpt, repeated `name=value`
 * - `list`: docker's ListOpts, repeated, no validation here
 * - `stringSlice`: pflag `strings`, comma separated and repeated
 * - `stringArray`: pflag `stringArray`, repeated verbatim
 * - `map`: docker's MapOpts / pflag stringToString, repeated `k=v`
 * - `value`: any other docker opts type (mount, port, ulimit, …), kept as repeated strings
 * - `host`: docker/cli ≥28.4 hostVar (global `-H`): a string that may be given only once
 */
export type FlagType =
  | 'bool'
  | 'string'
  | 'int'
  | 'int64'
  | 'uint'
  | 'uint16'
  | 'uint32'
  | 'uint64'
  | 'float'
  | 'decimal'
  | 'duration'
  | 'bytes'
  | 'filter'
  | 'list'
  | 'stringSlice'
  | 'stringArray'
  | 'map'
  | 'value'
  | 'host';

/** One pflag flag of a command. */
export interface FlagSpec {
  /** Long name without dashes. */
  name: string;
  /** One-letter shorthand without dash. */
  shorthand?: string;
  type: FlagType;
  /**
   * pflag's DefValue as help prints it inside `(default …)`; absent when help prints
   * none. Strings are given unquoted (help adds the quotes for string flags).
   */
  default?: string;
  /** Usage text, embedded newlines included (pflag indents them under the usage column). */
  usage: string;
  /**
   * Placeholder help shows after the name when it differs from the type's pflag name
   * (`defaultValueName`): `strings`, `uint16`, `mount`, …
   */
  valueName?: string;
  /** Hidden flags parse but never show in help (pflag MarkHidden). */
  hidden?: boolean;
  /** pflag MarkDeprecated message: hidden, and using it prints `Flag --x has been deprecated, <msg>`. */
  deprecated?: string;
  /**
   * The docker/cli ListOpts validator run on each value (opts.NewListOpts(validator)):
   * container/opts.go validateAttach, opts.ValidateIPAddress, ValidateExtraHost, ValidateLabel.
   */
  validate?: 'attach' | 'ip-address' | 'extra-host' | 'label';
  /**
   * docker/cli flag annotations that hide the flag in help depending on the daemon
   * (cmd/docker/docker.go hideUnsupportedFeatures): `experimental` daemon features and
   * `ostype` (e.g. windows-only resource flags).
   */
  annotations?: { experimental?: boolean; ostype?: string; swarm?: boolean };
}

/** Positional-argument validator of a command (docker/cli cli/required.go). */
export interface ArgsSpec {
  /** cli.RequiresMinArgs(min), or with max: cli.RequiresRangeArgs(min, max). */
  min?: number;
  /** cli.RequiresMaxArgs(max), or with min: cli.RequiresRangeArgs(min, max). */
  max?: number;
  /** cli.ExactArgs(n). */
  exact?: number;
  /** cli.NoArgs. */
  none?: boolean;
  /** The validator is cobra's own (cobra.ExactArgs, `docker context use`), with cobra's wording. */
  cobra?: boolean;
}

/** One docker command: a management group (`image`) or a runnable command (`image ls`). */
export interface CommandSpec {
  /** Canonical space-separated path without `docker`: 'image ls', 'container run', 'version', 'image'. */
  path: string;
  /** cobra Use, e.g. 'ls [OPTIONS] [REPOSITORY[:TAG]]'; may span lines (docker cp). */
  use: string;
  /** cobra Aliases: other names of the last path word under the same parent ('list'). */
  aliases: string[];
  /** Short description (command lists). */
  short: string;
  /** Long description; help shows it instead of short when set. */
  long?: string;
  args: ArgsSpec;
  flags: FlagSpec[];
  /** Legacy top-level form of a nested command ('images' for 'image ls'). */
  topLevel?: string;
  /** Further full paths that run this same command ('builder build' for 'image build'). */
  extraPaths?: string[];
  /**
   * Root-help section: 'common' (annotation category-top), 'management' (groups),
   * 'swarm' (swarm groups), 'other' (the rest of the top-level commands).
   */
  group?: 'common' | 'management' | 'swarm' | 'other';
  /** category-top order in "Common Commands:" (docker/cli annotation value). */
  topOrder?: number;
  /** True for management commands, which have sub-commands and print help when run bare. */
  isGroup?: boolean;
  /** annotation experimentalCLI: help adds the EXPERIMENTAL block (docker manifest). */
  experimentalCLI?: boolean;
  /** Daemon-dependent visibility (annotation experimental / ostype), see FlagSpec.annotations. */
  annotations?: { experimental?: boolean; ostype?: string; swarm?: boolean };
  /** pflag SetInterspersed(false): flags end at the first positional (run, create, exec). */
  noInterspersed?: boolean;
  /** cobra DisableFlagParsing: everything after the name is an argument (CLI plugins). */
  disableFlagParsing?: boolean;
  /** Shown only when this CLI plugin is installed (the `bake` stub needs buildx). */
  requiresPlugin?: string;
}

/** A CLI plugin found in cli-plugins (root help marks its name with `*`). */
export interface PluginStub {
  name: string;
  /** Plugin metadata ShortDescription, e.g. 'Docker Buildx'. */
  short: string;
}
