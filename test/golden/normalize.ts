/**
 * Normalizer for golden comparisons: applied to BOTH the real Docker output
 * recorded from the oracle and the simulator's output before they are compared.
 *
 * It erases only what legitimately differs between two runs of the same command
 * line: content-addressed ids (they hash timestamps), relative and absolute times,
 * random container names, the oracle's private data root, and (opt-in) sizes that
 * come from the locally made stand-in base images. Everything else — words,
 * punctuation, column order, header text, line order — must still match exactly.
 */
import names from './namesgenerator.json' with { type: 'json' };
import { reflow } from './table-reflow.ts';
import { HUB_HINT_LINE } from '../../worker/cli/hub-hint.ts';

export { normalizeTable } from './table-reflow.ts';

/** Where the oracle's dockerd keeps its data (test/golden/oracle.sh); real Docker's default is /var/lib/docker. */
export const ORACLE_DATA_ROOT = '/tmp/oracle/data/';

/** A 64-hex id/digest or a 12-hex short id (moby stringid.TruncateID), not glued to other word characters. */
const HEX_ID = /(?<![0-9A-Za-z])(?:[0-9a-f]{64}|[0-9a-f]{12})(?![0-9A-Za-z])/g;

/** go-units HumanDuration phrases (docker-reference §1.5). */
const DURATION = String.raw`(?:Less than a second|About a minute|About an hour|1 second|\d+ (?:seconds|minutes|hours|days|weeks|months|years))`;
const SINCE = new RegExp(String.raw`\b${DURATION} ago\b`, 'g');
const UP = new RegExp(String.raw`\bUp ${DURATION}`, 'g');

/** RFC 3339 (inspect Created, history CreatedAt); the zero time 0001-01-01 means "never tagged" and is kept. */
const RFC3339 = /\b(?!0001-01-01T)\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?(?:Z|[+-]\d\d:\d\d)/g;
/** Go time.Time.String() as in `images --format json` CreatedAt: `2026-11-24 02:31:58 +0000 UTC`. */
const GO_TIME = /\b\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(?:\.\d+)? [+-]\d{4} [A-Z]{2,5}\b/g;

/** Random container names from moby's namesgenerator ("adjective_surname", optional retry digit). */
const NAME = new RegExp(String.raw`\b(?:${names.left.join('|')})_(?:${names.right.join('|')})\d?\b`, 'g');

/** A content hash the legacy builder puts in `ADD file:<hash> in /`, cut by docker's 45-cell ellipsis. */
const CUT_HASH = /(?<=(?:file|dir|multi):)[0-9a-f]{1,63}…/g;

/** moby's temporary directory for an archive it unpacks: `docker-import-` and a random number (ioutil.TempDir). */
const IMPORT_DIR = /\/tmp\/docker-import-\d+\//g;

/** `ip addr`'s interface index and veth peer index (`40: eth0@if41:`): counters of the host that ran the container. */
const IF_INDEX = /^\d+: (eth\d+)@if\d+:/gm;
/**
 * The directory a scenario's lines run in: record.sh's temp directory on the
 * oracle, the learner's home in the simulator (`$PWD` in bind mounts, `-v ./x`).
 */
const WORKDIR = /\/tmp\/golden-[\w-]+\.[A-Za-z0-9]{6}|\/home\/learner/g;

/** Human sizes (go-units HumanSize, decimal units) of 1 kB and more. */
const HUMAN_SIZE = /(?<![\w.])\d+(?:\.\d+)?(?:e\+\d+)?(?:kB|MB|GB|TB|PB)(?![\w])/g;
/** Raw byte counts of 1000 and more under a JSON size key (inspect Size, manifest LayerSources size). */
const JSON_SIZE = /("(?:Size|size|VirtualSize)":\s*)\d{4,}/g;

/**
 * A normalizer whose id numbering persists across calls, so one instance can be
 * applied to a whole transcript and keep "the id `docker commit` printed is the
 * one `docker history` shows" visible. With `line` (the transcript line the text
 * belongs to) an id is labelled by where it first appeared, `<id7.2>` = second
 * new id of line 7: a line that goes wrong on one side then changes only the
 * labels of ids it introduced, not the numbering of every later line.
 */
export function createNormalizer(): (text: string, line?: number) => string {
  const ids = new Map<string, string>();
  const perLine = new Map<number, number>();
  const idFor = (hex: string, line: number | undefined): string => {
    const key = hex.slice(0, 12);
    let label = ids.get(key);
    if (label === undefined) {
      const n = (perLine.get(line ?? 0) ?? 0) + 1;
      perLine.set(line ?? 0, n);
      ids.set(key, (label = line === undefined ? `${n}` : `${line}.${n}`));
    }
    return label;
  };
  const cell = (s: string, line: number | undefined): string =>
    s
      .split(ORACLE_DATA_ROOT)
      .join('/var/lib/docker/')
      .replace(IMPORT_DIR, '/tmp/docker-import-<n>/')
      .replace(WORKDIR, '<workdir>')
      .replace(HEX_ID, (hex) => (hex.length === 64 ? `<id${idFor(hex, line)}>` : `<id${idFor(hex, line)}:12>`))
      .replace(CUT_HASH, '<hash>…')
      .replace(SINCE, '<since>')
      .replace(UP, 'Up <since>')
      .replace(RFC3339, '<time>')
      .replace(GO_TIME, '<time>')
      .replace(NAME, '<name>');
  // Layerlab's one-time line after a missing repository's error is not Docker's output (worker/cli/hub-hint.ts): dropped.
  const withoutHint = (text: string): string => text.split('\n').filter((l) => !HUB_HINT_LINE.test(l)).join('\n');
  return (text, line) => reflow(withoutHint(text), (s) => cell(s, line)).replace(IF_INDEX, '<n>: $1@if<n>:');
}

/**
 * Normalizes one output text: ids → `<idN>` / `<idN:12>` numbered by first
 * appearance (a short id shares the number of its full id), times → `<since>` /
 * `<time>`, truncated `ADD file:<hash>…` → `file:<hash>…`, container names → `<name>`, the oracle data root → /var/lib/docker/,
 * and docker tables re-rendered with tabwriter padding.
 */
export function normalize(text: string): string {
  return createNormalizer()(text);
}

/**
 * Opt-in: replaces sizes of 1 kB and more with `<size>` (human sizes, raw byte
 * counts in SIZE cells of `history -H=false`, JSON size keys). The oracle's base
 * images are local stand-ins whose sizes differ from the simulated Hub images;
 * layers a scenario makes itself are tiny (bytes), so their sizes stay compared.
 */
export function normalizeSizes(text: string): string {
  return reflow(text, (s) => s.replace(HUMAN_SIZE, '<size>').replace(JSON_SIZE, '$1<size>').replace(/^\d{4,}$/, '<size>'));
}
