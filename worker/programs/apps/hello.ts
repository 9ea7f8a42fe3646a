/**
 * hello-world's /hello: a 22-line message with the structure of Docker's own
 * (docker-library/hello-world hello.c; docker-reference §4), in Layerlab's words.
 */
import type { Program } from '../program.ts';

/** The message, 22 lines. */
export const HELLO_TEXT = [
  '',
  'Hello from Docker, running inside Layerlab!',
  'If you can read this, pulling the image and starting a container both worked.',
  '',
  'Here is what just happened behind the scenes:',
  ' 1. The Docker client asked the Docker daemon to run a container.',
  ' 2. The daemon fetched the "hello-world" image from Docker Hub.',
  '    (amd64)',
  ' 3. The daemon made a new container from that image and started the program',
  '    inside it, which wrote the text you are reading now.',
  ' 4. The daemon passed that text to the Docker client, and the client',
  '    printed it in your terminal.',
  '',
  'For a bigger challenge, start an Ubuntu container with a shell:',
  ' $ docker run -it ubuntu bash',
  '',
  'Keep images and share them with a free Docker ID:',
  ' https://hub.docker.com/',
  '',
  'Find more examples and guides at:',
  ' https://docs.docker.com/get-started/',
  '',
].join('\n') + '\n';

/** The hello program: prints the message and exits 0. */
export const hello: Program = async (run) => {
  run.spec.stdout(HELLO_TEXT);
  return 0;
};
