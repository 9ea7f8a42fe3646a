/**
 * dpkg / dpkg-query listing: `dpkg -l [pattern…]` in dpkg 1.21's table (columns as wide
 * as their longest value, at least the header's), `dpkg -L pkg`, `dpkg -s pkg`.
 */
import type { Program } from '../program.ts';
import { readText } from './files.ts';
import { readStatus } from './dpkg-db.ts';

function glob(pattern: string): RegExp {
  return new RegExp(`^${pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`);
}

/** dpkg and dpkg-query. */
export const dpkg: Program = async (run) => {
  const { spec } = run;
  const [flag = '', ...names] = run.args;
  const entries = await readStatus(spec.fs);
  if (flag === '-l' || flag === '--list') {
    const matched = names.length === 0 ? entries : entries.filter((e) => names.some((n) => glob(n).test(e.name)));
    const missing = names.filter((n) => !entries.some((e) => glob(n).test(e.name)));
    const nw = Math.max(14, ...matched.map((e) => e.name.length));
    const vw = Math.max(12, ...matched.map((e) => e.version.length));
    const aw = Math.max(12, ...matched.map((e) => e.arch.length));
    const dw = Math.max(11, ...matched.map((e) => e.desc.length));
    if (matched.length > 0) {
      spec.stdout([
        'Desired=Unknown/Install/Remove/Purge/Hold',
        '| Status=Not/Inst/Conf-files/Unpacked/halF-conf/Half-inst/trig-aWait/Trig-pend',
        '|/ Err?=(none)/Reinst-required (Status,Err: uppercase=bad)',
        `||/ ${'Name'.padEnd(nw)} ${'Version'.padEnd(vw)} ${'Architecture'.padEnd(aw)} Description`,
        `+++-${'='.repeat(nw)}-${'='.repeat(vw)}-${'='.repeat(aw)}-${'='.repeat(dw)}`,
        ...matched.map((e) => `ii  ${e.name.padEnd(nw)} ${e.version.padEnd(vw)} ${e.arch.padEnd(aw)} ${e.desc}`),
        '',
      ].join('\n'));
    }
    for (const n of missing) spec.stderr(`dpkg-query: no packages found matching ${n}\n`);
    return missing.length > 0 ? 1 : 0;
  }
  if (flag === '-L' || flag === '--listfiles' || flag === '-s' || flag === '--status') {
    let status = 0;
    for (const n of names) {
      const e = entries.find((x) => x.name === n);
      if (!e) {
        spec.stderr(flag.startsWith('-s') || flag === '--status' ? `dpkg-query: package '${n}' is not installed and no information is available\nUse dpkg --info (= dpkg-deb --info) to examine archive files.\n` : `dpkg-query: package '${n}' is not installed\nUse dpkg --contents (= dpkg-deb --contents) to list archive files contents.\n`);
        status = 1;
        continue;
      }
      if (flag === '-s' || flag === '--status') spec.stdout(e.text + '\n');
      else spec.stdout((await readText(spec.fs, `/var/lib/dpkg/info/${n}.list`)) || (await readText(spec.fs, `/var/lib/dpkg/info/${n}:amd64.list`)));
    }
    return status;
  }
  spec.stderr('dpkg: error: need an action option\n\nType dpkg --help for help about installing and deinstalling packages [*];\nUse \'apt\' or \'aptitude\' for user-friendly package management;\nType dpkg -Dhelp for a list of dpkg debug flag values;\nType dpkg --force-help for a list of forcing options;\nType dpkg-deb --help for help about manipulating *.deb files;\n\nOptions marked [*] produce a lot of output - pipe it through \'less\' or \'more\' !\n');
  return 2;
};
