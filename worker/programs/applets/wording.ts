/**
 * just-bash's tools print GNU-style messages of their own; the real tools differ
 * per family. This is the data-driven rewrite of their messages into busybox
 * 1.37's (alpine) and GNU's (Debian's coreutils 9.1, grep 3.8, sed 4.9,
 * findutils 4.9) wording and exit codes, each rule taken from
 * test/programs/fixtures/tools.json (recorded by record-tools.sh) and checked
 * there line for line by tools-fidelity.test.ts.
 */
import { hasUsage, busyboxUsage } from './usage.ts';

/** What a tool printed and returned. */
export interface Output { stdout: string; stderr: string; exitCode: number }

type Rule = [RegExp, string];
interface Wording {
  /** Rewrites of whole stderr lines (`m` flag: each line). */
  busybox?: Rule[];
  gnu?: Rule[];
  /** Exit status when the tool failed (sort exits 2 on a missing file in both families, GNU sed 2). */
  busyboxFail?: number;
  gnuFail?: number;
}

const NOENT = 'No such file or directory';
const cantOpen = (tool: string): Rule => [new RegExp(`^${tool}: (.+): (${NOENT})$`, 'gm'), `${tool}: can't open '$1': $2`];

const WORDING: Record<string, Wording> = {
  cat: { busybox: [cantOpen('cat')] },
  head: { gnu: [[/^head: (.+): (No such file or directory)$/gm, "head: cannot open '$1' for reading: $2"]] },
  tail: { busybox: [cantOpen('tail')], gnu: [[/^tail: (.+): (No such file or directory)$/gm, "tail: cannot open '$1' for reading: $2"]] },
  uniq: { busybox: [cantOpen('uniq')] },
  md5sum: { busybox: [cantOpen('md5sum')] },
  sha1sum: { busybox: [cantOpen('sha1sum')] },
  sha256sum: { busybox: [cantOpen('sha256sum')] },
  tac: { gnu: [[/^tac: (.+): (No such file or directory)$/gm, "tac: failed to open '$1' for reading: $2"]] },
  sort: { gnu: [[/^sort: (.+): (No such file or directory)$/gm, 'sort: cannot read: $1: $2']], busyboxFail: 2, gnuFail: 2 },
  sed: { gnu: [[/^sed: (.+): (No such file or directory)$/gm, "sed: can't read $1: $2"]], gnuFail: 2 },
  find: { gnu: [[/^find: (.+): (No such file or directory)$/gm, "find: '$1': $2"]] },
  mkdir: { busybox: [[/^mkdir: cannot create directory/gm, "mkdir: can't create directory"]] },
  rm: { busybox: [[/^rm: cannot remove '(.+)': Is a directory$/gm, "rm: '$1' is a directory"], [/^rm: cannot remove/gm, "rm: can't remove"]] },
  rmdir: { busybox: [[/^rmdir: failed to remove '(.+)': (.*)$/gm, "rmdir: '$1': $2"]] },
  cp: { busybox: [[/^cp: cannot stat/gm, "cp: can't stat"], [/^cp: -r not specified; omitting directory/gm, 'cp: omitting directory']] },
  mv: { busybox: [[/^mv: cannot stat '(.+)': (.*)$/gm, "mv: can't rename '$1': $2"]] },
  chmod: { busybox: [[/^chmod: cannot access '(.+)': (.*)$/gm, 'chmod: $1: $2']] },
  tar: { busybox: [[/^tar: (.+): Cannot open: (.*)$/gm, "tar: can't open '$1': $2"]], gnu: [[/^(tar: .+: Cannot open: .*)$/gm, '$1\ntar: Error is not recoverable: exiting now']], busyboxFail: 1, gnuFail: 2 },
  touch: { busybox: [[/^touch: cannot touch '(.+)': (.*)$/gm, 'touch: $1: $2']] },
};

// just-bash passes Node-style errors through (`ENOENT: no such file or directory, open '/x/y'`); the tools print strerror.
const ERRNO: Rule[] = [
  [/ENOENT: no such file or directory(, \w+ '[^']*')?/g, NOENT],
  [/ENOTDIR: not a directory(, \w+ '[^']*')?/g, 'Not a directory'],
  [/EISDIR: illegal operation on a directory(, \w+ '[^']*')?/g, 'Is a directory'],
  [/EEXIST: file already exists(, \w+ '[^']*')?/g, 'File exists'],
  // A read-only root (`--read-only`) or mount (`:ro`), a mount point, a link across mounts (engine/containers/mounted-fs.ts).
  [/EROFS: read-only file system(, \w+ '[^']*')?/g, 'Read-only file system'],
  [/EBUSY: resource busy or locked(, \w+ '[^']*')?/g, 'Resource busy'],
  [/EXDEV: cross-device link not permitted(, \w+ '[^']*')?/g, 'Invalid cross-device link'],
];

/** The output `tool` would have printed as busybox's applet (`gnu` false) or GNU's program. */
export function reword(tool: string, gnu: boolean, args: string[], out: Output): Output {
  let { stderr, stdout, exitCode } = out;
  // just-bash's checksum tools print a missing file's complaint on stdout; the real ones on stderr.
  const misplaced = new RegExp(`^${tool}: .*: No such file or directory\\n`, 'gm');
  stdout = stdout.replace(misplaced, (line) => {
    stderr += line;
    return '';
  });
  for (const [re, to] of ERRNO) stderr = stderr.replace(re, to);
  const w = WORDING[tool];
  for (const [re, to] of (gnu ? w?.gnu : w?.busybox) ?? []) stderr = stderr.replace(re, to);
  if (exitCode !== 0) {
    const fail = gnu ? w?.gnuFail : w?.busyboxFail;
    if (fail !== undefined && /No such file or directory/.test(stderr)) exitCode = fail;
  }
  // A refused option: GNU points at --help, busybox prints the applet's usage.
  if (/^\S+: (invalid|unrecognized) option/m.test(stderr) && !/^Try '/m.test(stderr)) {
    if (gnu) stderr += `Try '${tool} --help' for more information.\n`;
    else if (hasUsage(tool)) stderr += busyboxUsage(tool);
  }
  // busybox tail ends with "no files" when none of its files could be opened.
  if (!gnu && tool === 'tail') {
    const files = args.filter((a, i) => !a.startsWith('-') && !/^-n$/.test(args[i - 1] ?? ''));
    const failed = (stderr.match(/^tail: can't open /gm) ?? []).length;
    if (files.length > 0 && failed === files.length) stderr += 'tail: no files\n';
  }
  // uniq -c: "%7lu " before each line in both families (just-bash pads to 4).
  if (tool === 'uniq' && args.some((a) => /^-[a-z]*c/.test(a))) stdout = stdout.replace(/^ *(\d+) /gm, (_, n: string) => `${n.padStart(7)} `);
  return { stdout, stderr, exitCode };
}
