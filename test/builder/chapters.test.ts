/**
 * The course chapters' builds, end to end in a learner session: hello:v0.1
 * and v0.2 (alpine + `apk add --update nodejs` + index.js), running them, the
 * v0.2 rebuild reusing the RUN step and rebuilding from COPY on (legacy
 * `Using cache`, BuildKit `CACHED`), the base layer alpine and hello share
 * (`docker image inspect --format "{{ json .RootFS.Layers }}"`), and the
 * python:3.9-slim app printing `Hello, World!`.
 */
import { describe, expect, it } from 'vitest';
import { builderSession } from './helpers.ts';

const INDEX_V1 = `printf 'var os = require("os");\\nconsole.log("hello from " + os.hostname());\\n' > index.js`;
const DOCKERFILE = `printf 'FROM alpine\\nRUN apk add --update nodejs\\nCOPY index.js /app/index.js\\nCMD ["node","/app/index.js"]\\n' > Dockerfile`;

describe('the chapters', () => {
  it('builds hello:v0.1 and v0.2 with BuildKit; v0.2 reuses the nodejs layer and both run', async () => {
    const s = await builderSession();
    await s.lines(['mkdir hello && cd hello', INDEX_V1, DOCKERFILE]);
    expect((await s.line('docker build -t hello:v0.1 .')).rc).toBe(0);
    const run1 = await s.line('docker run hello:v0.1');
    expect(run1.stdout).toMatch(/^hello from [0-9a-f]{12}\n$/);
    const cid = (await s.line('docker ps -a -l -q')).stdout.trim();
    expect(run1.stdout).toBe(`hello from ${cid}\n`);
    await s.line(`printf 'console.log("this is v0.2");\\n' >> index.js`);
    const v2 = await s.line('docker build -t hello:v0.2 .');
    // The whole progress output: the RUN step comes from the cache, COPY runs again.
    expect(v2.stderr.replace(/sha256:[0-9a-f]{64}/, 'sha256:<id>')).toBe(
      [
        '#0 building with "default" instance using docker driver',
        '',
        '#1 [internal] load build definition from Dockerfile',
        '#1 transferring dockerfile: 134B done',
        '#1 DONE 0.0s',
        '',
        '#2 [internal] load metadata for docker.io/library/alpine:latest',
        '#2 DONE 0.0s',
        '',
        '#3 [internal] load .dockerignore',
        '#3 transferring context: 2B done',
        '#3 DONE 0.0s',
        '',
        '#4 [1/3] FROM docker.io/library/alpine:latest',
        '#4 CACHED',
        '',
        '#5 [internal] load build context',
        '#5 transferring context: 132B done',
        '#5 DONE 0.0s',
        '',
        '#6 [2/3] RUN apk add --update nodejs',
        '#6 CACHED',
        '',
        '#7 [3/3] COPY index.js /app/index.js',
        '#7 DONE 0.0s',
        '',
        '#8 exporting to image',
        '#8 exporting layers 0.0s done',
        '#8 writing image sha256:<id> done',
        '#8 naming to docker.io/library/hello:v0.2 done',
        '#8 DONE 0.0s',
        '',
      ].join('\n'),
    );
    s.clock.now += 1000;
    const run2 = await s.line('docker run hello:v0.2');
    const cid2 = (await s.line('docker ps -a -l -q')).stdout.trim();
    expect(run2.stdout).toBe(`hello from ${cid2}\nthis is v0.2\n`);
    const layers = async (ref: string) => JSON.parse((await s.line(`docker image inspect --format "{{ json .RootFS.Layers }}" ${ref}`)).stdout) as string[];
    const [alpine, v01, v02] = [await layers('alpine'), await layers('hello:v0.1'), await layers('hello:v0.2')];
    expect(alpine.length).toBe(1);
    expect(v01.length).toBe(3);
    expect(v01[0]).toBe(alpine[0]);
    expect(v02.slice(0, 2)).toEqual(v01.slice(0, 2));
    expect(v02[2]).not.toBe(v01[2]);
  });

  it('rebuilds v0.2 with the legacy builder: Using cache for RUN, a new layer from COPY on', async () => {
    const s = await builderSession();
    await s.lines(['mkdir hello && cd hello', INDEX_V1, DOCKERFILE, 'DOCKER_BUILDKIT=0 docker build -t hello:v0.1 .', `printf 'console.log("this is v0.2");\\n' >> index.js`]);
    const v2 = await s.line('DOCKER_BUILDKIT=0 docker build -t hello:v0.2 .');
    const lines = v2.stdout.split('\n').map((l) => l.replace(/[0-9a-f]{12}/g, '<id>'));
    expect(lines).toEqual([
      'Sending build context to Docker daemon  3.072kB\r\r',
      'Step 1/4 : FROM alpine',
      ' ---> <id>',
      'Step 2/4 : RUN apk add --update nodejs',
      ' ---> Using cache',
      ' ---> <id>',
      'Step 3/4 : COPY index.js /app/index.js',
      ' ---> <id>',
      'Step 4/4 : CMD ["node","/app/index.js"]',
      ' ---> Running in <id>',
      ' ---> Removed intermediate container <id>',
      ' ---> <id>',
      'Successfully built <id>',
      'Successfully tagged hello:v0.2',
      '',
    ]);
    expect((await s.line('docker run --rm hello:v0.2')).stdout).toMatch(/^hello from [0-9a-f]{12}\nthis is v0.2\n$/);
  });

  it('builds the python:3.9-slim app, which prints Hello, World!, without listing the base', async () => {
    const s = await builderSession();
    await s.lines([
      'mkdir py && cd py',
      `printf 'print("Hello, World!")\\n' > app.py`,
      `printf 'FROM python:3.9-slim\\nWORKDIR /app\\nCOPY app.py .\\nCMD ["python", "app.py"]\\n' > Dockerfile`,
    ]);
    expect((await s.line('docker build -t pyapp .')).rc).toBe(0);
    expect(await s.line('docker run --rm pyapp')).toEqual({ cmd: 'docker run --rm pyapp', stdout: 'Hello, World!\n', stderr: '', rc: 0 });
    // BuildKit keeps a pulled base in its own store: the classic image list shows only what was built.
    expect((await s.line("docker images --format '{{.Repository}}:{{.Tag}}'")).stdout).toBe('pyapp:latest\nalpine:latest\n');
  });
});
