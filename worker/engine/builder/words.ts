/**
 * How each builder writes an instruction into history and progress: Go's
 * `%q` of a string slice (moby's `CMD ["cat" "/greeting.txt"]`), `%v`
 * (`VOLUME [/data]`), BuildKit's step prefix `[ 2/12] ` and the variable
 * scope a step runs with (build args declared in the stage, then ENV).
 */

/** Go strconv.Quote for the printable ASCII and UTF-8 text Dockerfiles hold. */
export function goQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (ch === '"' || ch === '\\') out += '\\' + ch;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\t') out += '\\t';
    else if (ch === '\r') out += '\\r';
    else if (c < 0x20 || c === 0x7f) out += '\\x' + c.toString(16).padStart(2, '0');
    else out += ch;
  }
  return out + '"';
}

/** `fmt.Sprintf("%q", []string{…})`: `["a" "b"]`. */
export function goQuoteSlice(list: readonly string[]): string {
  return '[' + list.map(goQuote).join(' ') + ']';
}

/** `fmt.Sprintf("%v", []string{…})`: `[a b]`. */
export function goSlice(list: readonly string[]): string {
  return '[' + list.join(' ') + ']';
}

/** dockerfile2llb prefixCommand: `[stage i/n] ` with the index padded to n's width. */
export function stepPrefix(stageName: string, index: number, total: number): string {
  const w = String(total).length;
  const i = String(index).padStart(w, ' ');
  return stageName ? `[${stageName} ${i}/${total}] ` : `[${i}/${total}] `;
}

/** `KEY=value` lines → map (last wins, order of first appearance kept). */
export function envMap(env: readonly string[]): Map<string, string> {
  const m = new Map<string, string>();
  for (const kv of env) {
    const eq = kv.indexOf('=');
    if (eq > 0) m.set(kv.slice(0, eq), kv.slice(eq + 1));
    else m.set(kv, '');
  }
  return m;
}

/** Sets one variable in an Env list as both builders do: replaced in place, else appended. */
export function setEnv(env: readonly string[], key: string, value: string): string[] {
  const out = [...env];
  const i = out.findIndex((kv) => kv.slice(0, kv.indexOf('=') < 0 ? kv.length : kv.indexOf('=')) === key);
  if (i >= 0) out[i] = `${key}=${value}`;
  else out.push(`${key}=${value}`);
  return out;
}

/** path.Join for WORKDIR: relative paths resolve against the current one. */
export function joinWorkdir(current: string, path: string): string {
  const joined = path.startsWith('/') ? path : `${current || '/'}/${path}`;
  const parts: string[] = [];
  for (const p of joined.split('/')) {
    if (p === '' || p === '.') continue;
    if (p === '..') parts.pop();
    else parts.push(p);
  }
  return '/' + parts.join('/');
}

/** The predefined proxy ARGs (usable without a declaration) — BuildKit and moby's builtinAllowedBuildArgs. */
export const PREDEFINED_ARGS = new Set(['HTTP_PROXY', 'http_proxy', 'HTTPS_PROXY', 'https_proxy', 'FTP_PROXY', 'ftp_proxy', 'NO_PROXY', 'no_proxy', 'ALL_PROXY', 'all_proxy']);
