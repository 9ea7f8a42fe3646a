/**
 * Refusing an option as the real tool does. GNU tools print one line and point
 * at --help (`ls: invalid option -- 'z'` / `Try 'ls --help' for more
 * information.`, exit 1, ls exit 2); busybox prints its applet's usage text
 * after the banner of the build (exit 1). Usage texts are busybox's own
 * (recorded from busybox 1.35 in test/programs/fixtures/tools.json; alpine's
 * 1.37 prints the same for these applets under its own banner).
 */
import type { ProgramRun } from '../program.ts';

/** The banner of alpine 3.22's busybox (1.37.0), first line of every usage text. */
export const BUSYBOX_BANNER = 'BusyBox v1.37.0 (2025-05-26 20:04:45 UTC) multi-call binary.';

const USAGE: Record<string, string> = {
  cat: 'Usage: cat [-nbvteA] [FILE]...\n\nPrint FILEs to stdout\n\n\t-n\tNumber output lines\n\t-b\tNumber nonempty lines\n\t-v\tShow nonprinting characters as ^x or M-x\n\t-t\t...and tabs as ^I\n\t-e\t...and end lines with $\n\t-A\tSame as -vte\n',
  id: 'Usage: id [-ugGnr] [USER]\n\nPrint information about USER or the current user\n\n\t-u\tUser ID\n\t-g\tGroup ID\n\t-G\tSupplementary group IDs\n\t-n\tPrint names instead of numbers\n\t-r\tPrint real ID instead of effective ID\n',
  ls: 'Usage: ls [-1AaCxdLHRFplinshrSXvctu] [-w WIDTH] [FILE]...\n\nList directory contents\n\n\t-1\tOne column output\n\t-a\tInclude names starting with .\n\t-A\tLike -a, but exclude . and ..\n\t-x\tList by lines\n\t-d\tList directory names, not contents\n\t-L\tFollow symlinks\n\t-H\tFollow symlinks on command line\n\t-R\tRecurse\n\t-p\tAppend / to directory names\n\t-F\tAppend indicator (one of */=@|) to names\n\t-l\tLong format\n\t-i\tList inode numbers\n\t-n\tList numeric UIDs and GIDs instead of names\n\t-s\tList allocated blocks\n\t-lc\tList ctime\n\t-lu\tList atime\n\t--full-time\tList full date/time\n\t-h\tHuman readable sizes (1K 243M 2G)\n\t--group-directories-first\n\t-S\tSort by size\n\t-X\tSort by extension\n\t-v\tSort by version\n\t-t\tSort by mtime\n\t-tc\tSort by ctime\n\t-tu\tSort by atime\n\t-r\tReverse sort order\n\t-w N\tFormat N columns wide\n\t--color[={always,never,auto}]\n',
};

/** Whether busybox's usage text for `applet` is known here. */
export function hasUsage(applet: string): boolean {
  return applet in USAGE;
}

/** busybox's usage text (banner included) for `applet`. */
export function busyboxUsage(applet: string): string {
  return `${BUSYBOX_BANNER}\n\n${USAGE[applet] ?? ''}`;
}

/**
 * The complaint about option `bad` (one letter, or a whole `--long` option), or about
 * the options as a whole when `bad` is undefined (busybox then prints only its usage).
 */
export function usageMessage(name: string, gnu: boolean, bad?: string): string {
  const what = bad === undefined ? '' : bad.startsWith('--') ? `${name}: unrecognized option '${bad}'\n` : `${name}: invalid option -- '${bad}'\n`;
  return gnu ? `${what}Try '${name} --help' for more information.\n` : `${what}${busyboxUsage(name)}`;
}

/** Writes {@link usageMessage} and returns the tool's status for it (GNU ls 2, the rest 1). */
export function usageError(run: ProgramRun, gnu: boolean, bad?: string): number {
  run.spec.stderr(usageMessage(run.name, gnu, bad));
  return gnu && run.name === 'ls' ? 2 : 1;
}
