/**
 * `docker search` against the practice Hub, whole outputs: the table (45-cell
 * descriptions with `…`), --no-trunc, --limit (default 25, [1, 100], applied
 * before the filters as the daemon does), --filter is-official/stars/is-automated,
 * --format, and the daemon's errors (docker/cli v28.5 search.go,
 * formatter_search.go; moby v28.5 registry/search.go).
 */
import { describe, expect, it } from 'vitest';
import { createSession, type LineResult } from '../../worker/session.ts';
import { MemoryStore } from '../../worker/store/memory-store.ts';
import { NOW, seeded } from '../containers/helpers.ts';

async function lab() {
  const s = await createSession({ store: new MemoryStore(), clock: () => NOW, random: seeded(7), isTTY: false });
  return async (line: string): Promise<Pick<LineResult, 'stdout' | 'stderr' | 'rc'>> => {
    const { stdout, stderr, rc } = await s.runLine(line);
    return { stdout, stderr, rc };
  };
}

const ok = (stdout: string) => ({ stdout, stderr: '', rc: 0 });
const daemon = (message: string) => ({ stdout: '', stderr: `Error response from daemon: ${message}\n`, rc: 1 });

describe('docker search', () => {
  it('prints NAME, DESCRIPTION cut to 45 cells, STARS, OFFICIAL; the exact name first, then by stars', async () => {
    const run = await lab();
    expect(await run('docker search redis')).toEqual(ok(
      'NAME      DESCRIPTION                                     STARS     OFFICIAL\n'
      + 'redis     Redis is the world’s fastest data platform f…   13100     [OK]\n'));
    expect(await run('docker search database')).toEqual(ok(
      'NAME       DESCRIPTION                                     STARS     OFFICIAL\n'
      + 'mysql      MySQL is a widely used, open-source relation…   15900     [OK]\n'
      + 'postgres   The PostgreSQL object-relational database sy…   14200     [OK]\n'
      + 'redis      Redis is the world’s fastest data platform f…   13100     [OK]\n'
      + 'mongo      MongoDB document databases provide high avai…   10500     [OK]\n'
      + 'mariadb    MariaDB Server is a high performing open sou…   6000      [OK]\n'));
    expect(await run('docker search NGINX')).toEqual(ok(
      'NAME      DESCRIPTION                STARS     OFFICIAL\n'
      + 'nginx     Official build of Nginx.   20800     [OK]\n'));
  });

  it('names match before descriptions; library/ and docker.io/ prefixes are the same search', async () => {
    const run = await lab();
    expect(await run('docker search bu')).toEqual(ok(
      'NAME              DESCRIPTION                                     STARS     OFFICIAL\n'
      + 'ubuntu            Ubuntu is a Debian-based Linux operating sys…   17500     [OK]\n'
      + 'busybox           Busybox base image.                             3400      [OK]\n'
      + 'nginx             Official build of Nginx.                        20800     [OK]\n'
      + 'debian            Debian is a Linux distribution that\'s compos…   5200      [OK]\n'
      + 'registry          Distribution implementation for storing and …   4300      [OK]\n'
      + 'openjdk           Pre-release / non-production builds of OpenJ…   4100      [OK]\n'
      + 'memcached         Free & open source, high-performance, distri…   2400      [OK]\n'
      + 'eclipse-temurin   Official Images for OpenJDK binaries built b…   700       [OK]\n'));
    expect(await run('docker search library/busybox')).toEqual(await run('docker search busybox'));
    expect(await run('docker search docker.io/library/busybox')).toEqual(await run('docker search busybox'));
  });

  it('--no-trunc prints whole descriptions', async () => {
    const run = await lab();
    expect(await run('docker search --no-trunc python')).toEqual(ok(
      'NAME      DESCRIPTION                                                                                 STARS     OFFICIAL\n'
      + 'python    Python is an interpreted, interactive, object-oriented, open-source programming language.   10000     [OK]\n'));
  });

  it('--limit takes the first N of the Hub\'s order; the filters apply after it', async () => {
    const run = await lab();
    expect(await run('docker search --limit 2 --format {{.Name}} e')).toEqual(ok('postgres\nnode\n'));
    expect(await run('docker search --limit 0 --format {{.Name}} e')).toEqual(await run('docker search --format {{.Name}} e'));
    expect(await run('docker search --limit 2 --filter stars=13500 --format {{.Name}} e')).toEqual(ok('postgres\nnode\n'));
    expect(await run('docker search --limit 101 nginx')).toEqual(daemon('limit 101 is outside the range of [1, 100]'));
  });

  it('--filter is-official and stars; is-automated=true finds nothing, with the CLI\'s warning', async () => {
    const run = await lab();
    expect(await run('docker search -f is-official=true -f stars=13000 --format {{.Name}}:{{.StarCount}}:{{.IsOfficial}} o')).toEqual(ok('postgres:14200:[OK]\nnode:13900:[OK]\nnginx:20800:[OK]\nubuntu:17500:[OK]\nmysql:15900:[OK]\nredis:13100:[OK]\n'));
    expect(await run('docker search -f is-official=false nginx')).toEqual(ok('NAME      DESCRIPTION   STARS     OFFICIAL\n'));
    expect(await run('docker search -f is-automated=true nginx')).toEqual({
      stdout: 'NAME      DESCRIPTION   STARS     OFFICIAL\n',
      stderr: 'WARNING: the "is-automated" filter is deprecated, and searching for "is-automated=true" will not yield any results in future.\n',
      rc: 0,
    });
  });

  it('--format: fields, json (booleans as true/false), table', async () => {
    const run = await lab();
    expect(await run("docker search --format '{{json .}}' hello")).toEqual(ok('{"Description":"Hello World! (an example of minimal Dockeriz…","IsOfficial":"true","Name":"hello-world","StarCount":"2500"}\n'));
    expect(await run("docker search --format 'table {{.Name}}\\t{{.StarCount}}' alpine")).toEqual(ok('NAME      STARS\nalpine    11400\n'));
    expect(await run("docker search --format '{{.Description}}' --no-trunc busybox")).toEqual(ok('Busybox base image.\n'));
  });

  it('answers with the daemon\'s errors', async () => {
    const run = await lab();
    expect(await run('docker search -f bogus=1 nginx')).toEqual(daemon("invalid filter 'bogus'"));
    expect(await run('docker search -f is-official=maybe nginx')).toEqual(daemon("invalid filter 'is-official=[maybe]'"));
    expect(await run('docker search -f stars=many nginx')).toEqual(daemon('invalid filter \'stars=many\': strconv.Atoi: parsing "many": invalid syntax'));
    expect(await run('docker search https://nginx')).toEqual(daemon('invalid repository name: repository name (https://nginx) should not have a scheme'));
    expect(await run('docker search quay.io/nginx')).toEqual(daemon("Layerlab's engine reaches only its practice Docker Hub; it cannot search quay.io"));
    expect(await run('docker search --format {{.Bogus}} nginx')).toEqual({ stdout: '', stderr: 'template parsing error: template: :1:2: executing "" at <.Bogus>: can\'t evaluate field Bogus in type *registry.searchContext\n', rc: 1 });
    expect(await run('docker search')).toEqual({ stdout: '', stderr: "docker: 'docker search' requires 1 argument\n\nUsage:  docker search [OPTIONS] TERM\n\nRun 'docker search --help' for more information\n", rc: 1 });
  });
});
