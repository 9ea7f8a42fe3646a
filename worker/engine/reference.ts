/**
 * Image references, as github.com/distribution/reference parses them
 * (the grammar of regexp.go, the normalisation of normalize.go) with the same
 * error texts, because Docker prints them verbatim:
 * `invalid reference format`, `invalid reference format: repository name
 * (library/UPPER) must be lowercase`, `invalid repository name (…), cannot
 * specify 64-byte hexadecimal strings`.
 */
import { EngineError } from './errors.ts';

/** A parsed, normalised reference: `docker.io/library/alpine:latest`. */
export interface Reference {
  /** Registry host, `docker.io` for Docker Hub. */
  domain: string;
  /** Path inside the registry, `library/alpine`. */
  path: string;
  /** Tag, when given. */
  tag?: string;
  /** Digest (`sha256:…`), when given. */
  digest?: string;
}

const alnum = '[a-z0-9]+';
const separator = '(?:[._]|__|[-]+)';
const pathComponent = `${alnum}(?:${separator}${alnum})*`;
const domainComponent = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const ipv6 = '\\[(?:[a-fA-F0-9:]+)\\]';
const host = `(?:${domainComponent}(?:\\.${domainComponent})*|${ipv6})`;
const domainAndPort = `${host}(?::[0-9]+)?`;
const tagPat = '[\\w][\\w.-]{0,127}';
const digestPat = '[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*[:][0-9a-fA-F]{32,}';
const namePat = `(?:${domainAndPort}/)?${pathComponent}(?:/${pathComponent})*`;
const referenceRe = new RegExp(`^(${namePat})(?::(${tagPat}))?(?:@(${digestPat}))?$`);
const anchoredIdentifier = /^[a-f0-9]{64}$/;
const tagRe = new RegExp(`^${tagPat}$`);

/** Docker Hub's canonical domain. */
export const DEFAULT_DOMAIN = 'docker.io';
const NAME_TOTAL_LENGTH_MAX = 255;

/**
 * A reference that failed to parse; `message` is distribution/reference's
 * text. It is the daemon's InvalidParameter error as it stands, so engine
 * code lets it propagate; the CLI catches it where Docker's client parses
 * the reference itself and prints the text without the daemon prefix.
 */
export class ReferenceError extends EngineError {
  constructor(message: string) {
    super('InvalidParameter', message);
    this.name = 'ReferenceError';
  }
}

/** distribution/reference `Parse`: the raw grammar, no normalisation. */
function parseRaw(s: string): { name: string; tag?: string; digest?: string } {
  const m = referenceRe.exec(s);
  if (!m) {
    if (s === '') throw new ReferenceError('repository name must have at least one component');
    if (referenceRe.test(s.toLowerCase())) throw new ReferenceError('repository name must be lowercase');
    throw new ReferenceError('invalid reference format');
  }
  if (m[1]!.length > NAME_TOTAL_LENGTH_MAX) {
    throw new ReferenceError(`repository name must not be more than ${NAME_TOTAL_LENGTH_MAX} characters`);
  }
  const digest = m[3];
  // go-digest: a sha256 digest must be exactly 64 hex characters.
  if (digest !== undefined) validateDigest(digest);
  return { name: m[1]!, tag: m[2], digest };
}

/** go-digest `Digest.Validate` for the algorithms Docker accepts. */
export function validateDigest(digest: string): void {
  const i = digest.indexOf(':');
  const alg = digest.slice(0, i);
  const hex = digest.slice(i + 1);
  const sizes: Record<string, number> = { sha256: 64, sha384: 96, sha512: 128 };
  const want = sizes[alg];
  if (want === undefined) throw new ReferenceError('unsupported digest algorithm');
  if (hex.length !== want) throw new ReferenceError('invalid checksum digest length');
  if (!/^[a-f0-9]+$/.test(hex)) throw new ReferenceError('invalid checksum digest format');
}

/** normalize.go `splitDockerDomain`. */
function splitDockerDomain(name: string): [string, string] {
  const i = name.indexOf('/');
  let domain: string;
  let remainder: string;
  const first = i === -1 ? '' : name.slice(0, i);
  if (i === -1 || (!/[.:]/.test(first) && first !== 'localhost' && first.toLowerCase() === first)) {
    domain = DEFAULT_DOMAIN;
    remainder = name;
  } else {
    domain = first;
    remainder = name.slice(i + 1);
  }
  if (domain === 'index.docker.io') domain = DEFAULT_DOMAIN;
  if (domain === DEFAULT_DOMAIN && !remainder.includes('/')) remainder = `library/${remainder}`;
  return [domain, remainder];
}

// Listings parse the same stored references over and over; parsing is pure, so
// results are remembered (frozen, since callers share them).
const parsedMemo = new Map<string, Reference>();

/** distribution/reference `ParseNormalizedNamed`: `alpine` → docker.io/library/alpine. The result is frozen. */
export function parseNormalizedNamed(s: string): Reference {
  const hit = parsedMemo.get(s);
  if (hit) return hit;
  const ref = Object.freeze(parseNormalizedNamedUncached(s));
  if (parsedMemo.size >= 8192) parsedMemo.clear();
  parsedMemo.set(s, ref);
  return ref;
}

function parseNormalizedNamedUncached(s: string): Reference {
  if (anchoredIdentifier.test(s)) {
    throw new ReferenceError(`invalid repository name (${s}), cannot specify 64-byte hexadecimal strings`);
  }
  const [domain, remainder] = splitDockerDomain(s);
  const tagSep = remainder.indexOf(':');
  const remote = tagSep > -1 ? remainder.slice(0, tagSep) : remainder;
  if (remote.toLowerCase() !== remote) {
    throw new ReferenceError(`invalid reference format: repository name (${remote}) must be lowercase`);
  }
  const raw = parseRaw(`${domain}/${remainder}`);
  const slash = raw.name.indexOf('/');
  const ref: Reference = { domain: raw.name.slice(0, slash), path: raw.name.slice(slash + 1) };
  if (raw.tag !== undefined) ref.tag = raw.tag;
  if (raw.digest !== undefined) ref.digest = raw.digest;
  return ref;
}

/** `ParseAnyReference`: a bare 64-hex or `sha256:<hex>` is an image ID, anything else a name. */
export function parseAnyReference(s: string): Reference | { id: string } {
  if (anchoredIdentifier.test(s)) return { id: `sha256:${s}` };
  if (/^sha256:[a-f0-9]{64}$/.test(s)) return { id: s };
  return parseNormalizedNamed(s);
}

/** `TagNameOnly`: adds `latest` when a reference has neither tag nor digest. */
export function withDefaultTag(ref: Reference): Reference {
  return ref.tag === undefined && ref.digest === undefined ? { ...ref, tag: 'latest' } : ref;
}

/** The full repository name: `docker.io/library/alpine`. */
export function repositoryName(ref: Reference): string {
  return `${ref.domain}/${ref.path}`;
}

/** The familiar repository name Docker shows: `alpine`, `user/app`, `localhost:5000/x`. */
export function familiarName(ref: Reference): string {
  if (ref.domain !== DEFAULT_DOMAIN) return repositoryName(ref);
  const rest = ref.path;
  return rest.startsWith('library/') && !rest.slice(8).includes('/') ? rest.slice(8) : rest;
}

/** `FamiliarString`: familiar name plus `:tag` and/or `@digest`. */
export function familiarString(ref: Reference): string {
  return familiarName(ref) + (ref.tag !== undefined ? `:${ref.tag}` : '') + (ref.digest !== undefined ? `@${ref.digest}` : '');
}

/** The normalised string: `docker.io/library/alpine:latest`. */
export function referenceString(ref: Reference): string {
  return repositoryName(ref) + (ref.tag !== undefined ? `:${ref.tag}` : '') + (ref.digest !== undefined ? `@${ref.digest}` : '');
}

/** Parses a stored normalised reference string back (stored keys are always valid). */
export function parseStored(s: string): Reference {
  return parseNormalizedNamed(s);
}

/** Whether a string is a valid tag (`[\w][\w.-]{0,127}`). */
export function isValidTag(tag: string): boolean {
  return tagRe.test(tag);
}
