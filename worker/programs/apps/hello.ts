/**
 * hello-world's /hello: the text of docker-library/hello-world's hello.c, the
 * image's own output (a fact of the image, like figlet's fonts), as every
 * tutorial and the course chapters show it for amd64.
 */
import type { Program } from '../program.ts';

/** The message, 22 lines (hello.c's `message`, starting and ending with an empty line). */
export const HELLO_TEXT = [
  '',
  'Hello from Docker!',
  'This message shows that your installation appears to be working correctly.',
  '',
  'To generate this message, Docker took the following steps:',
  ' 1. The Docker client contacted the Docker daemon.',
  ' 2. The Docker daemon pulled the "hello-world" image from the Docker Hub.',
  '    (amd64)',
  ' 3. The Docker daemon created a new container from that image which runs the',
  '    executable that produces the output you are currently reading.',
  ' 4. The Docker daemon streamed that output to the Docker client, which sent it',
  '    to your terminal.',
  '',
  'To try something more ambitious, you can run an Ubuntu container with:',
  ' $ docker run -it ubuntu bash',
  '',
  'Share images, automate workflows, and more with a free Docker ID:',
  ' https://hub.docker.com/',
  '',
  'For more examples and ideas, visit:',
  ' https://docs.docker.com/get-started/',
  '',
].join('\n') + '\n';

/** The hello program: prints the message and exits 0. */
export const hello: Program = async (run) => {
  run.spec.stdout(HELLO_TEXT);
  return 0;
};
