import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createNormalizer, normalizeSizes } from './normalize.ts';
import { inspectToApi151, maskDockerVersion, registryCmd, registryOutput } from './replay-rewrites.ts';
const name = process.argv[2]!;
const only = process.argv[3];
const reg = name === 'pull-registry';
const fx = JSON.parse(readFileSync(`test/golden/fixtures/${name}.json`, 'utf8')) as any[];
const out = (t: string) => maskDockerVersion(inspectToApi151(reg ? registryOutput(t) : t));
const exp = fx.map((e) => ({ cmd: reg ? registryCmd(e.cmd) : e.cmd, stdout: out(e.stdout), stderr: out(e.stderr), rc: e.rc }));
const res = spawnSync(process.execPath, ['bin/layerlab', 'exec', '--json', '--preload', 'alpine,hello-world,busybox'], { input: exp.map((e) => e.cmd).join('\n') + '\n', encoding: 'utf8', maxBuffer: 1 << 28 });
const got = JSON.parse(res.stdout) as any[];
const n1 = createNormalizer(), n2 = createNormalizer();
exp.forEach((e, i) => {
  const g = got[i];
  const a = { o: normalizeSizes(n1(maskDockerVersion(e.stdout))), e: normalizeSizes(n1(maskDockerVersion(e.stderr))), rc: e.rc };
  const b = { o: normalizeSizes(n2(maskDockerVersion(g.stdout))), e: normalizeSizes(n2(maskDockerVersion(g.stderr))), rc: g.rc };
  if (only && !e.cmd.includes(only)) return;
  if (a.o !== b.o || a.e !== b.e || a.rc !== b.rc) {
    console.log(`\n######## #${i + 1} ${e.cmd}   rc want ${a.rc} got ${b.rc}`);
    if (a.o !== b.o) console.log(`--- want stdout\n${a.o}--- got stdout\n${b.o}`);
    if (a.e !== b.e) console.log(`--- want stderr\n${a.e}--- got stderr\n${b.e}`);
  }
});
