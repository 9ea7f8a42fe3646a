/**
 * Tests of the replay rewrites. The registry rewrite is checked real-against-real:
 * the same pull recorded by registry name (pull-registry) and by Hub name through
 * the oracle's mirror (pull) must coincide after it.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { inspectToApi151, maskDockerVersion, registryCmd, registryOutput, sortLines } from './replay-rewrites.ts';

interface Entry {
  cmd: string;
  stdout: string;
  stderr: string;
  rc: number;
}
const HERE = dirname(fileURLToPath(import.meta.url));
const fixture = (name: string): Entry[] => JSON.parse(readFileSync(join(HERE, 'fixtures', `${name}.json`), 'utf8')) as Entry[];
const find = (entries: Entry[], cmd: string, nth = 1): Entry => entries.filter((e) => e.cmd === cmd)[nth - 1]!;

describe('registry rewrite', () => {
  const byRegistry = fixture('pull-registry');
  const byHub = fixture('pull');

  it('maps an up-to-date pull by registry name onto the Hub-name pull', () => {
    const reg = find(byRegistry, 'docker pull localhost:5000/alpine', 2);
    expect(registryCmd(reg.cmd)).toEqual('docker pull alpine');
    expect(registryOutput(reg.stdout)).toEqual(find(byHub, 'docker pull alpine').stdout);
  });

  it('maps `pull -q` and an images table (re-flowed) onto the Hub-name ones', () => {
    expect(registryOutput(find(byRegistry, 'docker pull -q localhost:5000/alpine:3.22').stdout)).toEqual('docker.io/library/alpine:3.22\n');
    expect(registryOutput(find(byRegistry, 'docker images').stdout)).toEqual(find(byHub, 'docker image ls').stdout);
  });
});

describe('inspect shape API 1.45 → 1.51', () => {
  it('moves Config last as an alphabetical map without the deprecated fields', () => {
    const api145 = [
      '[',
      '    {',
      '        "Id": "sha256:1",',
      '        "Config": {',
      '            "Hostname": "",',
      '            "User": "",',
      '            "Tty": false,',
      '            "Env": [',
      '                "PATH=/bin"',
      '            ],',
      '            "Cmd": [',
      '                "sh"',
      '            ],',
      '            "ArgsEscaped": true,',
      '            "Image": "",',
      '            "Volumes": null,',
      '            "WorkingDir": "/",',
      '            "Entrypoint": null,',
      '            "OnBuild": null,',
      '            "Labels": null',
      '        },',
      '        "RootFS": {',
      '            "Type": "layers"',
      '        },',
      '        "Metadata": {}',
      '    }',
      ']',
      '',
    ].join('\n');
    expect(inspectToApi151(api145)).toEqual(
      [
        '[',
        '    {',
        '        "Id": "sha256:1",',
        '        "RootFS": {',
        '            "Type": "layers"',
        '        },',
        '        "Metadata": {},',
        '        "Config": {',
        '            "ArgsEscaped": true,',
        '            "Cmd": [',
        '                "sh"',
        '            ],',
        '            "Entrypoint": null,',
        '            "Env": [',
        '                "PATH=/bin"',
        '            ],',
        '            "Labels": null,',
        '            "OnBuild": null,',
        '            "User": "",',
        '            "Volumes": null,',
        '            "WorkingDir": "/"',
        '        }',
        '    }',
        ']',
        '',
      ].join('\n'),
    );
  });

  it('keeps compact `--format json` compact and leaves other text alone', () => {
    expect(inspectToApi151('[{"Id":"sha256:1","Config":{"Tty":false,"Cmd":["sh"]},"RootFS":{}}]\n')).toEqual(
      '[{"Id":"sha256:1","RootFS":{},"Config":{"Cmd":["sh"],"Entrypoint":null,"Env":null,"Labels":null,"OnBuild":null,"User":"","Volumes":null,"WorkingDir":""}}]\n',
    );
    expect(inspectToApi151('[]\n')).toEqual('[]\n');
    expect(inspectToApi151('["sha256:1"]\n')).toEqual('["sha256:1"]\n');
  });
});

describe('small rewrites', () => {
  it('masks DockerVersion and sorts lines', () => {
    expect(maskDockerVersion('"DockerVersion": "26.1.5+dfsg1",\n"DockerVersion": "",\n')).toEqual('"DockerVersion": "<version>",\n"DockerVersion": "",\n');
    expect(sortLines('b\na\n')).toEqual('a\nb\n');
  });
});
