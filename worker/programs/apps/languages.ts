/**
 * The language toolchains of the Hub's language images: go, java/javac/jshell,
 * ruby (and gem, bundle, irb, which are Ruby scripts run through it), php, and
 * rustup's proxies (rustc, cargo, rustup, rustdoc). They print their versions as
 * the real tools do, reading them from the image's own files (Go's VERSION, the
 * JDK's `release`, RubyGems' and Bundler's files, the php binary's build time,
 * rustup's settings.toml) or its environment. Layerlab has no compiler or
 * interpreter for these languages: anything else says so in one plain line and
 * fails, never pretending to have run the code.
 */
import type { IFileSystem } from 'just-bash';
import type { Program, ProgramRun } from '../program.ts';

async function read(fs: IFileSystem, path: string): Promise<string | undefined> {
  try {
    return await fs.readFile(path);
  } catch {
    return undefined;
  }
}

function dirOf(path: string): string {
  return path.slice(0, path.lastIndexOf('/')) || '/';
}

/** The one line every unsimulated use of a toolchain gets (exit 1). */
function notRun(run: ProgramRun, language: string, simulated: string): number {
  run.spec.stderr(`${run.name}: Layerlab does not run ${language} code (no ${language} toolchain runs in this simulator); only ${simulated} ${simulated.includes(' and ') || simulated.includes(', ') ? 'are' : 'is'} simulated\n`);
  return 1;
}

const has = (args: readonly string[], ...flags: string[]): boolean => args.length === 1 && flags.includes(args[0]!);

// ---- go ----

/** `go version` and `go env VAR…`; the version is the toolchain's VERSION file (GOROOT/VERSION). */
export const go: Program = async (run) => {
  const root = dirOf(dirOf(run.path));
  const version = (await read(run.spec.fs, `${root}/VERSION`))?.split('\n')[0] ?? `go${run.spec.env.GOLANG_VERSION ?? ''}`;
  const [cmd, ...rest] = run.args;
  if (cmd === 'version' && rest.length === 0) {
    run.spec.stdout(`go version ${version} linux/amd64\n`);
    return 0;
  }
  if (cmd === 'env' && rest.length > 0 && rest.every((v) => /^[A-Z0-9_]+$/.test(v))) {
    const env = run.spec.env;
    const known: Record<string, string> = {
      GOARCH: 'amd64', GOOS: 'linux', GOROOT: root, GOPATH: env.GOPATH ?? `${env.HOME ?? '/root'}/go`, GOVERSION: version,
      GOTOOLCHAIN: env.GOTOOLCHAIN ?? 'auto', GOPROXY: env.GOPROXY ?? 'https://proxy.golang.org,direct', GOSUMDB: env.GOSUMDB ?? 'sum.golang.org',
      GOCACHE: `${env.HOME ?? '/root'}/.cache/go-build`, GOMODCACHE: `${env.GOPATH ?? '/go'}/pkg/mod`, CGO_ENABLED: env.CGO_ENABLED ?? '1', GOHOSTOS: 'linux', GOHOSTARCH: 'amd64',
    };
    run.spec.stdout(rest.map((v) => `${known[v] ?? env[v] ?? ''}\n`).join(''));
    return 0;
  }
  return notRun(run, 'Go', '`go version` and `go env`');
};

// ---- java ----

/** Fields of the JDK's `release` file (JAVA_VERSION="21.0.8" …). */
async function javaRelease(run: ProgramRun): Promise<Record<string, string>> {
  const text = (await read(run.spec.fs, `${dirOf(dirOf(run.path))}/release`)) ?? '';
  const out: Record<string, string> = {};
  for (const m of text.matchAll(/^([A-Z_]+)="(.*)"$/gm)) out[m[1]!] = m[2]!;
  return out;
}

/**
 * `java -version` (stderr) and `java --version` (stdout), as HotSpot prints them:
 * Temurin names itself (`Temurin-21.0.8+9`), LTS releases say so, Oracle's
 * jdk.java.net builds (openjdk image) carry no vendor string.
 */
export async function javaVersionLines(run: ProgramRun, dashDash: boolean): Promise<string> {
  const r = await javaRelease(run);
  const runtime = r.JAVA_RUNTIME_VERSION ?? '';
  const lts = runtime.endsWith('-LTS') ? ' LTS' : '';
  const vendor = r.IMPLEMENTOR_VERSION ? `${r.IMPLEMENTOR_VERSION} ` : '';
  return [
    dashDash ? `openjdk ${r.JAVA_VERSION} ${r.JAVA_VERSION_DATE}${lts}` : `openjdk version "${r.JAVA_VERSION}" ${r.JAVA_VERSION_DATE}${lts}`,
    `OpenJDK Runtime Environment ${vendor}(build ${runtime})`,
    `OpenJDK 64-Bit Server VM ${vendor}(build ${runtime}, mixed mode, sharing)`,
    '',
  ].join('\n');
}

/** java: the version lines; no JVM runs here. */
export const java: Program = async (run) => {
  if (has(run.args, '-version')) {
    run.spec.stderr(await javaVersionLines(run, false));
    return 0;
  }
  if (has(run.args, '--version', '-showversion')) {
    run.spec.stdout(await javaVersionLines(run, true));
    return 0;
  }
  return notRun(run, 'Java', '`java -version` and `java --version`');
};

/** javac and jshell: `-version`/`--version` print `javac 21.0.8` / `jshell 21.0.8` on stdout. */
export const javaTool: Program = async (run) => {
  if (has(run.args, '-version', '--version')) {
    run.spec.stdout(`${run.name} ${(await javaRelease(run)).JAVA_VERSION}\n`);
    return 0;
  }
  return notRun(run, 'Java', `\`${run.name} --version\``);
};

// ---- ruby ----

/** `ruby -v`: version, release date and revision of each Ruby the Hub images carry. */
const RUBY_BUILDS: Record<string, [date: string, revision: string]> = { '3.4.5': ['2025-07-16', '20cda200d3'] };

async function rubyVersionLine(run: ProgramRun): Promise<string> {
  const v = run.spec.env.RUBY_VERSION ?? '3.4.5';
  const [date, rev] = RUBY_BUILDS[v] ?? ['', ''];
  const musl = await run.spec.fs.exists('/etc/alpine-release');
  return `ruby ${v} (${date} revision ${rev}) +PRISM [x86_64-linux${musl ? '-musl' : ''}]\n`;
}

/** The Ruby library directory of this install (/usr/local/lib/ruby/3.4.0). */
async function rubyLib(fs: IFileSystem): Promise<string | undefined> {
  try {
    const api = (await fs.readdir('/usr/local/lib/ruby')).find((d) => /^\d+\.\d+\.\d+$/.test(d));
    return api ? `/usr/local/lib/ruby/${api}` : undefined;
  } catch {
    return undefined;
  }
}

/** `gem -v`: RubyGems' version from its rubygems.rb. */
async function gemVersion(fs: IFileSystem): Promise<string> {
  const lib = await rubyLib(fs);
  const text = lib ? await read(fs, `${lib}/rubygems.rb`) : undefined;
  return /VERSION = "([^"]+)"/.exec(text ?? '')?.[1] ?? '';
}

/** `bundle -v`: Bundler's version from its default gemspec's name. */
async function bundlerVersion(fs: IFileSystem): Promise<string> {
  try {
    const dir = '/usr/local/lib/ruby/gems';
    for (const api of await fs.readdir(dir)) {
      for (const f of await fs.readdir(`${dir}/${api}/specifications/default`)) {
        const m = /^bundler-(.+)\.gemspec$/.exec(f);
        if (m) return m[1]!;
      }
    }
  } catch {
    // no bundler
  }
  return '';
}

/** Which RubyGems executable a script is (its binstub names the gem and executable). */
function rubyScript(text: string): string | undefined {
  if (text.includes('Gem::GemRunner')) return 'gem';
  return /activate_bin_path\('[^']+', '([^']+)'/.exec(text)?.[1];
}

/** ruby: `ruby -v`, and the scripts run through it: gem, bundle/bundler, irb. */
export const ruby: Program = async (run) => {
  const [first, ...rest] = run.args;
  if (has(run.args, '-v', '--version')) {
    run.spec.stdout(await rubyVersionLine(run));
    return 0;
  }
  // `#!/usr/local/bin/ruby` scripts: the kernel runs `ruby /usr/local/bin/gem -v`.
  const script = first?.startsWith('/') ? await read(run.spec.fs, first) : undefined;
  const tool = script ? rubyScript(script) : undefined;
  const name = tool ?? run.name;
  const sub: ProgramRun = { ...run, name };
  if (tool === 'gem' && has(rest, '-v', '--version')) {
    run.spec.stdout(`${await gemVersion(run.spec.fs)}\n`);
    return 0;
  }
  if ((tool === 'bundle' || tool === 'bundler') && has(rest, '-v', '--version', 'version')) {
    run.spec.stdout(`Bundler version ${await bundlerVersion(run.spec.fs)}\n`);
    return 0;
  }
  return notRun(sub, 'Ruby', '`ruby -v`, `gem -v` and `bundle -v`');
};

// ---- php ----

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** C's __DATE__ " " __TIME__ (`Jul 22 2025 19:13:45`, the day space-padded), which `php -v` prints as its build time. */
function cBuildTime(ms: number): string {
  const d = new Date(ms);
  const p = (n: number): string => String(n).padStart(2, '0');
  return `${MONTHS[d.getUTCMonth()]} ${String(d.getUTCDate()).padStart(2, ' ')} ${d.getUTCFullYear()} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())}`;
}

/** Whether an ini file under PHP_INI_DIR/conf.d loads OPcache (wordpress enables it; php's images do not). */
async function opcacheEnabled(fs: IFileSystem, iniDir: string): Promise<boolean> {
  try {
    for (const f of await fs.readdir(`${iniDir}/conf.d`)) if (/^\s*zend_extension\s*=\s*opcache/m.test((await read(fs, `${iniDir}/conf.d/${f}`)) ?? '')) return true;
  } catch {
    // no conf.d
  }
  return false;
}

/** php: `php -v` (the binary's build time is its file's mtime: the image's build); no PHP code runs. */
export const php: Program = async (run) => {
  if (has(run.args, '-v', '--version')) {
    const v = run.spec.env.PHP_VERSION ?? '';
    const [major, minor, patch] = v.split('.');
    const built = cBuildTime((await run.spec.fs.stat(run.path)).mtime.getTime());
    const opcache = await opcacheEnabled(run.spec.fs, run.spec.env.PHP_INI_DIR ?? '/usr/local/etc/php');
    run.spec.stdout([
      `PHP ${v} (cli) (built: ${built}) (NTS)`,
      'Copyright (c) The PHP Group',
      `Zend Engine v${Number(major) - 4}.${minor}.${patch}, Copyright (c) Zend Technologies`,
      ...(opcache ? [`    with Zend OPcache v${v}, Copyright (c), by Zend Technologies`] : []),
      '',
    ].join('\n'));
    return 0;
  }
  return notRun(run, 'PHP', '`php -v`');
};

// ---- rust ----

/** rustc and cargo 1.88.0's version lines (commit and date of the release). */
const RUST_BUILDS: Record<string, { rustc: string; cargo: string }> = {
  '1.88.0': { rustc: '(6b00bc388 2025-06-23)', cargo: '(873a06493 2025-05-10)' },
};
const RUSTUP_VERSION = 'rustup 1.28.2 (e4f3ad6f8 2025-04-28)';
/** The components a proxy belongs to that the image's `--profile minimal` did not install. */
const MISSING_COMPONENT: Record<string, string> = { 'cargo-clippy': 'clippy', 'clippy-driver': 'clippy', rustfmt: 'rustfmt', 'cargo-fmt': 'rustfmt', 'rust-analyzer': 'rust-analyzer', 'cargo-miri': 'miri' };

/** rustup and its proxies (hard links to it, dispatching on argv[0]), and the toolchain's rustc/cargo/rustdoc. */
export const rustup: Program = async (run) => {
  const { spec } = run;
  const settings = (await read(spec.fs, `${spec.env.RUSTUP_HOME ?? '/usr/local/rustup'}/settings.toml`)) ?? '';
  const toolchain = /default_toolchain = "([^"]+)"/.exec(settings)?.[1] ?? `${spec.env.RUST_VERSION ?? ''}-x86_64-unknown-linux-gnu`;
  const version = spec.env.RUST_VERSION ?? toolchain.split('-')[0]!;
  const b = RUST_BUILDS[version] ?? { rustc: '', cargo: '' };
  const versionFlag = has(run.args, '--version', '-V');
  if (MISSING_COMPONENT[run.name]) {
    spec.stderr(`error: '${run.name}' is not installed for the toolchain '${toolchain}'.\nTo install, run \`rustup component add ${MISSING_COMPONENT[run.name]}\`\n`);
    return 1;
  }
  if (run.name === 'rustup' && versionFlag) {
    spec.stdout(`${RUSTUP_VERSION}\n`);
    spec.stderr(`info: This is the version for the rustup toolchain manager, not the rustc compiler.\ninfo: The currently active \`rustc\` version is \`rustc ${version} ${b.rustc}\`\n`);
    return 0;
  }
  if ((run.name === 'rustc' || run.name === 'rustdoc') && versionFlag) {
    spec.stdout(`${run.name} ${version} ${b.rustc}\n`);
    return 0;
  }
  if (run.name === 'cargo' && (versionFlag || has(run.args, 'version'))) {
    spec.stdout(`cargo ${version} ${b.cargo}\n`);
    return 0;
  }
  return notRun(run, 'Rust', '`rustc --version`, `cargo --version` and `rustup --version`');
};
