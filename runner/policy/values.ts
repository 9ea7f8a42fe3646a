/**
 * Checks on the values the rebuild copies: object names, image references,
 * container paths, labels (runner-security.md §2.1 "Config (top level)",
 * §5.3 32–34).
 */
import { forbid, malformed } from './refusal.ts';

/** Container, volume and network names: moby's RestrictedNameChars `[a-zA-Z0-9][a-zA-Z0-9_.-]`. */
const NAME = /^[a-zA-Z0-9][a-zA-Z0-9_.-]{0,127}$/;

/** A container/volume/network name or id as it appears in a path or a query. */
export function checkName(what: string, v: string): string {
  if (!NAME.test(v)) malformed(`invalid ${what} ${JSON.stringify(v)}`);
  return v;
}

/** Registries the session engine may pull from: Docker Hub (through the configured mirror). */
const HUB = ['docker.io', 'index.docker.io', 'registry-1.docker.io'];

/**
 * An image reference (distribution/reference grammar, loosely) that names
 * Docker Hub: a first component that looks like a host (has `.` or `:`, or
 * is `localhost`) must be Hub, so `169.254.169.254/x`, `localhost:5000/x`
 * and `10.0.0.5/x` are refused before any pull (§2.3, §5.3 34: the daemon's
 * pull is an HTTPS request to wherever the reference points).
 */
export function checkImage(v: string, what = 'image reference'): string {
  if (v.length === 0 || v.length > 512) malformed(`invalid ${what}`);
  if (!/^[a-zA-Z0-9][a-zA-Z0-9._/:@-]*$/.test(v) || v.includes('..') || v.includes('//')) malformed(`invalid ${what} ${JSON.stringify(v)}`);
  const slash = v.indexOf('/');
  if (slash > 0) {
    const first = v.slice(0, slash);
    if ((first.includes('.') || first.includes(':') || first === 'localhost') && !HUB.includes(first.toLowerCase())) {
      forbid(`pulling from registry ${JSON.stringify(first)} is not allowed on this runner`);
    }
  }
  return v;
}

/**
 * An absolute, clean path inside the container, not under /proc: the
 * `WorkingDir: /proc/self/fd/N` vector of runc CVE-2024-21626 (§2.1, §5.3 33).
 */
export function checkContainerPath(what: string, v: string): string {
  if (!v.startsWith('/')) malformed(`${what} must be an absolute path`);
  const parts = v.split('/').slice(1);
  if (v !== '/' && parts.some((p) => p === '' || p === '.' || p === '..')) malformed(`${what} must be a clean path`);
  if (v === '/proc' || v.startsWith('/proc/')) forbid(`${what} under /proc is not allowed`);
  if (v.length > 4096 || v.includes('\0')) malformed(`invalid ${what}`);
  return v;
}

/** The label prefix the runner owns (session ownership, §3.2). */
export const RESERVED_LABEL_PREFIX = 'org.layerlab.';

/** The learner's labels (none under the reserved prefix, §5.3 32), then the session's. */
export function mergeLabels(mine: Record<string, string> | null, session: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(mine ?? {})) {
    if (k.toLowerCase().startsWith(RESERVED_LABEL_PREFIX)) forbid(`labels under ${RESERVED_LABEL_PREFIX} are reserved for the runner`);
    out[k] = v;
  }
  return { ...out, ...session };
}
