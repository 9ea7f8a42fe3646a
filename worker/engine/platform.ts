/**
 * Platforms (`--platform linux/arm64`) as containerd's platforms package
 * parses, normalizes and prints them, and the simulated machine's own: a
 * linux/amd64 host without emulation. The simulated Hub publishes every image
 * for linux/amd64 only (registry/catalog.ts), so asking for another platform
 * fails as Docker fails for a manifest list without that platform; an image of
 * another architecture (loaded from an archive) cannot run: `exec format error`.
 */
import { EngineError } from './errors.ts';

/** An OCI platform. */
export interface Platform {
  os: string;
  architecture: string;
  variant?: string;
}

/** The simulated host (what `docker info` calls OSType/Architecture). */
export const HOST_PLATFORM: Platform = { os: 'linux', architecture: 'amd64' };

/**
 * How the daemon names the host in its warning about a foreign image
 * (platforms.DefaultSpec with the CPU's amd64 microarchitecture level; v3 for
 * the machines of the last decade).
 */
export const HOST_PLATFORM_TEXT = 'linux/amd64/v3';

const OSES = new Set(['aix', 'android', 'darwin', 'dragonfly', 'freebsd', 'hurd', 'illumos', 'ios', 'js', 'linux', 'nacl', 'netbsd', 'openbsd', 'plan9', 'solaris', 'wasip1', 'windows', 'zos']);
const ARCHES = new Set(['386', 'amd64', 'amd64p32', 'arm', 'armbe', 'arm64', 'arm64be', 'loong64', 'mips', 'mipsle', 'mips64', 'mips64le', 'mips64p32', 'mips64p32le', 'ppc', 'ppc64', 'ppc64le', 'riscv', 'riscv64', 's390', 's390x', 'sparc', 'sparc64', 'wasm']);

/** platforms.normalizeArch. */
function normalizeArch(arch: string, variant: string | undefined): { architecture: string; variant?: string } {
  const a = arch.toLowerCase();
  const v = variant?.toLowerCase();
  switch (a) {
    case 'i386':
      return { architecture: '386' };
    case 'x86_64':
    case 'x86-64':
    case 'amd64':
      return v === undefined || v === 'v1' ? { architecture: 'amd64' } : { architecture: 'amd64', variant: v };
    case 'aarch64':
    case 'arm64':
      // A variant given is kept: Engine 26.1 names `--platform linux/arm64/v8` as linux/arm64/v8.
      return v === undefined ? { architecture: 'arm64' } : { architecture: 'arm64', variant: ['8', 'v8.0'].includes(v) ? 'v8' : v };
    case 'armhf':
      return { architecture: 'arm', variant: 'v7' };
    case 'armel':
      return { architecture: 'arm', variant: 'v6' };
    case 'arm':
      if (v === undefined || ['7', 'v7'].includes(v)) return { architecture: 'arm', variant: 'v7' };
      if (['5', '6', '8'].includes(v)) return { architecture: 'arm', variant: `v${v}` };
      return { architecture: 'arm', variant: v };
    default:
      return v === undefined ? { architecture: a } : { architecture: a, variant: v };
  }
}

/** platforms.Parse: `os`, `arch`, `os/arch`, `os/arch/variant`; the daemon's error otherwise. */
export function parsePlatform(text: string): Platform {
  const bad = (why: string) => new EngineError('InvalidParameter', `"${text}": ${why}: invalid argument`);
  const parts = text.split('/');
  if (text === '' || parts.length > 3 || parts.some((p) => !/^[A-Za-z0-9_.-]+$/.test(p))) throw bad('invalid platform component');
  const os = parts[0]!.toLowerCase();
  if (parts.length === 1) {
    if (OSES.has(os)) return { os, architecture: HOST_PLATFORM.architecture };
    const arch = normalizeArch(os, undefined);
    if (ARCHES.has(arch.architecture)) return { os: HOST_PLATFORM.os, ...arch };
    throw bad('unknown operating system or architecture');
  }
  const arch = normalizeArch(parts[1]!, parts[2]);
  // containerd drops arm's default variant when only os/arch was given (`linux/arm`, not `linux/arm/v7`).
  if (parts.length === 2 && arch.architecture === 'arm' && arch.variant === 'v7') delete arch.variant;
  return { os: os === 'macos' ? 'darwin' : os, ...arch };
}

/** platforms.Format: `os/arch[/variant]`. */
export function formatPlatform(p: Platform): string {
  return [p.os, p.architecture, ...(p.variant ? [p.variant] : [])].join('/');
}

/** Whether an image of platform `have` satisfies a request for `want` (os and architecture; a variant must match when asked for). */
export function platformMatches(want: Platform, have: Platform): boolean {
  if (want.os !== have.os || want.architecture !== have.architecture) return false;
  // An amd64 image without a variant runs on every amd64 level (v1…v4).
  return want.variant === undefined || want.variant === have.variant || (want.architecture === 'amd64' && have.variant === undefined);
}

/** Whether the simulated machine runs programs built for `p` (no emulation: linux/amd64 only). */
export function runsOnHost(p: Platform): boolean {
  return p.os === HOST_PLATFORM.os && p.architecture === HOST_PLATFORM.architecture;
}

/**
 * An error the daemon reports inside a pull's message stream (not as an
 * HTTP error): the CLI prints it as it is, without `Error response from daemon:`.
 */
export class StreamError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StreamError';
  }
}

/** The pull error for a manifest list without the requested platform. */
export function noMatchingManifest(want: Platform): StreamError {
  return new StreamError(`no matching manifest for ${formatPlatform(want)} in the manifest list entries`);
}

/** The platform an image config declares (`os`, `architecture`, `variant`). */
export function imagePlatform(config: { os?: string; architecture?: string; variant?: string }): Platform {
  const p: Platform = { os: config.os || 'linux', architecture: config.architecture || 'amd64' };
  if (config.variant) p.variant = config.variant;
  return p;
}
