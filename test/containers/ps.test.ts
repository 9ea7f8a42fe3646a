/**
 * docker ps: the default table with STATUS texts from the engine clock,
 * COMMAND quoting and truncation, PORTS, -q/-n/-l/-s/--no-trunc, filters and
 * --format (docker-reference §3, captured tables [cap:26]).
 */
import { describe, expect, it } from 'vitest';
import { displayablePorts } from '../../worker/cli/container/ports.ts';
import { containerCli, NOW } from './helpers.ts';

async function scene() {
  const d = await containerCli();
  await d.run('pull base');
  await d.run(['run', '--name', 'ref-exit7', 'base', 'sh', '-c', 'exit 7']);
  d.clock.now += 100;
  await d.run(['run', '--name', 'ref-long', 'base', 'sh', '-c', 'echo x > /new-file-here']);
  d.clock.now += 100;
  await d.run('create --name ref-created -l tier=db base');
  d.clock.now = NOW + 2_000;
  await d.run('run -d --name ref-web -p 8080:80 base sleep 1000');
  d.clock.now = NOW + 5_000;
  return d;
}

describe('docker ps', () => {
  it('lists running containers, newest first, with Up times', async () => {
    const d = await scene();
    const ps = await d.run('ps');
    expect(ps.stdout).toEqual(
      'CONTAINER ID   IMAGE     COMMAND        CREATED         STATUS         PORTS                                     NAMES\n' +
        `${d.svc.get('ref-web').id.slice(0, 12)}   base      "sleep 1000"   3 seconds ago   Up 3 seconds   0.0.0.0:8080->80/tcp, [::]:8080->80/tcp   ref-web\n`,
    );
  });

  it('-a shows Created and Exited with quoted, truncated commands', async () => {
    const d = await scene();
    const id = (n: string) => d.svc.get(n).id.slice(0, 12);
    d.clock.now += 200;
    expect((await d.run('ps -a')).stdout).toEqual(
      'CONTAINER ID   IMAGE     COMMAND                  CREATED         STATUS                     PORTS                                     NAMES\n' +
        `${id('ref-web')}   base      "sleep 1000"             3 seconds ago   Up 3 seconds               0.0.0.0:8080->80/tcp, [::]:8080->80/tcp   ref-web\n` +
        `${id('ref-created')}   base      "sh"                     5 seconds ago   Created                                                              ref-created\n` +
        `${id('ref-long')}   base      "sh -c 'echo x > /ne…"   5 seconds ago   Exited (0) 5 seconds ago                                             ref-long\n` +
        `${id('ref-exit7')}   base      "sh -c 'exit 7'"         5 seconds ago   Exited (7) 5 seconds ago                                             ref-exit7\n`,
    );
  });

  it('-q, -n, -l, --no-trunc and -s', async () => {
    const d = await scene();
    const full = (n: string) => d.svc.get(n).id;
    expect((await d.run('ps -q')).stdout).toEqual(`${full('ref-web').slice(0, 12)}\n`);
    expect((await d.run('ps -n 2 -q --no-trunc')).stdout).toEqual(`${full('ref-web')}\n${full('ref-created')}\n`);
    expect((await d.run('ps -l --format {{.Names}}')).stdout).toEqual('ref-web\n');
    expect((await d.run('ps -s --format {{.Size}}')).stdout).toEqual('0B (virtual 57B)\n');
    expect(await d.run('ps -q --format {{.ID}}')).toEqual({ stdout: `${full('ref-web').slice(0, 12)}\n`, stderr: 'WARNING: Ignoring custom format, because both --format and --quiet are set.\n', rc: 0 });
  });

  it('filters by status, name, exited, label, ancestor and id', async () => {
    const d = await scene();
    const names = async (f: string) => (await d.run(`ps -a --filter ${f} --format {{.Names}}`)).stdout;
    expect(await names('status=exited')).toEqual('ref-long\nref-exit7\n');
    expect(await names('name=ref-e')).toEqual('ref-exit7\n');
    expect(await names('exited=7')).toEqual('ref-exit7\n');
    expect(await names('label=tier=db')).toEqual('ref-created\n');
    expect(await names('ancestor=base')).toEqual('ref-web\nref-created\nref-long\nref-exit7\n');
    expect(await names(`id=${d.svc.get('ref-web').id.slice(0, 5)}`)).toEqual('ref-web\n');
    expect(await d.run('ps --filter status=sleeping')).toEqual({ stdout: '', stderr: "Error response from daemon: invalid filter 'status=sleeping'\n", rc: 1 });
  });

  it('--format json has the ContainerContext keys', async () => {
    const d = await scene();
    expect((await d.run('ps --format json')).stdout).toEqual(
      `{"Command":"\\"sleep 1000\\"","CreatedAt":"2026-11-24 03:00:02 +0000 UTC","ID":"${d.svc.get('ref-web').id.slice(0, 12)}","Image":"base","Labels":"","LocalVolumes":"0","Mounts":"","Names":"ref-web","Networks":"bridge","Platform":null,"Ports":"0.0.0.0:8080-\\u003e80/tcp, [::]:8080-\\u003e80/tcp","RunningFor":"3 seconds ago","Size":"0B","State":"running","Status":"Up 3 seconds"}\n`,
    );
  });
});

describe('docker port', () => {
  it('lists published ports of a running container', async () => {
    const d = await scene();
    expect(await d.run('port ref-web')).toEqual({ stdout: '80/tcp -> 0.0.0.0:8080\n80/tcp -> [::]:8080\n', stderr: '', rc: 0 });
    expect(await d.run('port ref-web 80')).toEqual({ stdout: '0.0.0.0:8080\n[::]:8080\n', stderr: '', rc: 0 });
    expect(await d.run('port ref-web 81')).toEqual({ stdout: '', stderr: "Error: No public port '81' published for ref-web\n", rc: 1 });
    expect(await d.run('port ref-exit7')).toEqual({ stdout: '', stderr: '', rc: 0 });
  });
});

describe('DisplayablePorts', () => {
  it('groups ranges, keeps exposed-only ports and lists other mappings last', () => {
    expect(displayablePorts([{ PrivatePort: 80, Type: 'tcp' }])).toEqual('80/tcp');
    expect(displayablePorts([8000, 8001, 8002].map((p) => ({ IP: '0.0.0.0', PrivatePort: p, PublicPort: p, Type: 'tcp' })))).toEqual('0.0.0.0:8000-8002->8000-8002/tcp');
    expect(displayablePorts([{ IP: '0.0.0.0', PrivatePort: 80, PublicPort: 8080, Type: 'tcp' }, { PrivatePort: 443, Type: 'tcp' }])).toEqual('443/tcp, 0.0.0.0:8080->80/tcp');
  });
});
