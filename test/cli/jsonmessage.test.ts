/**
 * The CLI's message-stream rendering on a terminal against moby's
 * JSONMessage.Display: stream messages are written as they are (they carry
 * their own line breaks), a status line ends in "\n", and a layer's progress
 * line is redrawn in place. The bytes are what docker writes; the tty's
 * ONLCR makes CR LF of each "\n" (the page's console, a real pty).
 */
import { describe, expect, it } from 'vitest';
import { JsonMessageWriter } from '../../worker/cli/jsonmessage.ts';
import { stepLine } from '../../worker/engine/builder/build.ts';
import type { JsonMessage } from '../../worker/engine/api-types.ts';

function render(messages: JsonMessage[], tty: boolean): string {
  let out = '';
  const w = new JsonMessageWriter((s) => (out += s), { tty });
  for (const m of messages) w.message(m);
  return out;
}

describe('JsonMessageWriter on a terminal', () => {
  it('writes the legacy builder stream as it is, the same bytes as without a terminal', () => {
    // The legacy builder sends "Step n/m : ..." and its line break as two messages (stepLine).
    const messages: JsonMessage[] = [
      ...stepLine(2, 3, 'COPY . /app'),
      { stream: ' ---> 73eb2f1c0a1d\n' },
      ...stepLine(3, 3, 'RUN echo hi'),
      { stream: ' ---> Running in 5b32500dcbf6\n' },
      { stream: 'hi\n' },
      { stream: ' ---> Removed intermediate container 5b32500dcbf6\n' },
      { stream: ' ---> 864da110deb5\n' },
      { stream: 'Successfully built 864da110deb5\n' },
      { stream: 'Successfully tagged t:1\n' },
    ];
    const expected = [
      'Step 2/3 : COPY . /app',
      ' ---> 73eb2f1c0a1d',
      'Step 3/3 : RUN echo hi',
      ' ---> Running in 5b32500dcbf6',
      'hi',
      ' ---> Removed intermediate container 5b32500dcbf6',
      ' ---> 864da110deb5',
      'Successfully built 864da110deb5',
      'Successfully tagged t:1',
      '',
    ].join('\n');
    expect(render(messages, true)).toEqual(expected);
    expect(render(messages, false)).toEqual(expected);
  });

  it('ends a status with a line feed and redraws each layer on its own line', () => {
    const messages: JsonMessage[] = [
      { status: 'latest: Pulling from library/alpine' },
      { id: 'aa', status: 'Pulling fs layer', progressDetail: {} },
      { id: 'bb', status: 'Waiting', progressDetail: {} },
      { id: 'aa', status: 'Pull complete', progressDetail: {} },
      { status: 'Digest: sha256:00' },
    ];
    expect(render(messages, true)).toEqual(
      'latest: Pulling from library/alpine\n' +
        '\n\x1b[1A\x1b[2K\raa: Pulling fs layer \r\x1b[1B' +
        '\n\x1b[1A\x1b[2K\rbb: Waiting \r\x1b[1B' +
        '\x1b[2A\x1b[2K\raa: Pull complete \r\x1b[2B' +
        'Digest: sha256:00\n',
    );
  });
});
