import { describe, expect, it } from 'vitest';
import { buildCommandTree } from '../../worker/cli/command/catalog.ts';
import { simulatorEnv } from '../../worker/cli/command/help.ts';
import { createCompleter } from '../../worker/terminal/completion.ts';
import type { CompletionSources } from '../../worker/terminal/completion.ts';
import { applyCompletion } from '../../worker/terminal/completion-apply.ts';
import type { TabResult } from '../../worker/terminal/completion-apply.ts';

const files: Record<string, Array<{ name: string; dir: boolean }>> = {
  '': [
    { name: 'demo', dir: true },
    { name: 'notes.txt', dir: false },
    { name: 'my file', dir: false },
    { name: '.bash_history', dir: false },
  ],
  'demo/': [{ name: 'Dockerfile', dir: false }],
};

const sources: CompletionSources = {
  commandNames: async () => ['cat', 'cd', 'docker', 'echo'],
  dockerTree: async () => buildCommandTree(simulatorEnv.plugins),
  images: async () => ['alpine:3.20', 'alpine:latest', 'nginx:latest'],
  containers: async () => ['web', 'worker'],
  ids: async (kind) => (kind === 'image' ? ['91ef0af61f39', 'a606584aa9aa'] : ['9c3e1d2f0b7a']),
  listDir: async (dir) => {
    const entries = files[dir];
    if (!entries) throw new Error('ENOENT');
    return entries;
  },
};

const complete = createCompleter(sources);

async function tab(text: string, second = false): Promise<TabResult> {
  return applyCompletion(complete, { text, cursor: text.length }, second);
}

describe('completion of commands and docker words', () => {
  it('completes a command name in command position', async () => {
    expect((await tab('doc')).line.text).toEqual('docker ');
  });

  it('completes docker sub-commands, through management commands', async () => {
    expect((await tab('docker image hi')).line.text).toEqual('docker image history ');
    expect((await tab('docker image l', true)).list).toEqual(['load', 'ls']);
    expect((await tab('DOCKER_BUILDKIT=0 docker bu')).line.text).toEqual('DOCKER_BUILDKIT=0 docker build');
    expect((await tab('sudo docker vers')).line.text).toEqual('sudo docker version ');
  });

  it('rings the bell on an ambiguous word and lists the candidates on the second Tab', async () => {
    expect(await tab('docker im')).toEqual({ line: { text: 'docker im', cursor: 9 }, bell: true });
    expect(await tab('docker im', true)).toEqual({ line: { text: 'docker im', cursor: 9 }, bell: false, list: ['image', 'images', 'import'] });
  });

  it('completes flags of the command reached', async () => {
    expect((await tab('docker image ls --fi')).line.text).toEqual('docker image ls --filter ');
    expect((await tab('docker images --no-t')).line.text).toEqual('docker images --no-trunc ');
  });

  it('offers image references where the command takes an image', async () => {
    expect((await tab('docker run ng')).line.text).toEqual('docker run nginx:latest ');
    expect((await tab('docker rmi alp')).line.text).toEqual('docker rmi alpine:');
    expect((await tab('docker run -it --rm alpine:l')).line.text).toEqual('docker run -it --rm alpine:latest ');
  });

  it('offers IDs once the word is hex digits', async () => {
    expect((await tab('docker rmi 91')).line.text).toEqual('docker rmi 91ef0af61f39 ');
    expect((await tab('docker rm 9')).line.text).toEqual('docker rm 9c3e1d2f0b7a ');
    expect((await tab('docker inspect 9', true)).list).toEqual(['91ef0af61f39', '9c3e1d2f0b7a']);
  });

  it('offers container names where the command takes a container', async () => {
    expect((await tab('docker rm we')).line.text).toEqual('docker rm web ');
    expect((await tab('docker container stop w', true)).list).toEqual(['web', 'worker']);
  });
});

describe('completion of file names', () => {
  it('completes files and directories, escaping blanks', async () => {
    expect((await tab('cat no')).line.text).toEqual('cat notes.txt ');
    expect((await tab('cd de')).line.text).toEqual('cd demo/');
    expect((await tab('cat demo/D')).line.text).toEqual('cat demo/Dockerfile ');
    expect((await tab('cat my')).line.text).toEqual('cat my\\ file ');
  });

  it('shows dot files only for a word starting with a dot', async () => {
    expect((await tab('cat .ba')).line.text).toEqual('cat .bash_history ');
    expect((await tab('cat ', true)).list).toEqual(['demo/', 'my file', 'notes.txt']);
  });

  it('completes a docker build context as a path', async () => {
    expect((await tab('docker build -t app de')).line.text).toEqual('docker build -t app demo/');
  });

  it('rings the bell when nothing matches', async () => {
    expect(await tab('cat nothing/x')).toEqual({ line: { text: 'cat nothing/x', cursor: 13 }, bell: true });
  });
});
