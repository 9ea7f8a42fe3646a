/**
 * Runs command lines in a session the way the page's worker does, in a child
 * process: without Node's Buffer (the browser has none, so just-bash and our
 * code take their portable paths) and with a Chromium worker's stack (node
 * --stack-size=500: `String.fromCharCode(...bytes)` overflows at about 63,000
 * arguments there, as in Chromium's dedicated workers). Lines come as JSON
 * on argv[2]: an array of sessions (a reload between them) of lines; the
 * results go to stdout as JSON.
 */
// Node defines fetch and its classes lazily, through undici, which needs Buffer: load them first.
void [fetch, Request, Response, Headers, FormData];
delete (globalThis as { Buffer?: unknown }).Buffer;

const { createSession } = await import('../../worker/session.ts');
const { MemoryStore } = await import('../../worker/store/memory-store.ts');
// As in the page, sessions come and go on one store (a reload builds a new one), whose close() leaves it open.
const { CountingStore } = await import('../../worker/terminal/tab-sync.ts');

const sessions = JSON.parse(process.argv[2]!) as string[][];
const store = new CountingStore(await MemoryStore.open());
const out: Array<Array<{ cmd: string; stdout: string; stderr: string; rc: number }>> = [];
for (const lines of sessions) {
  const session = await createSession({ store, isTTY: false });
  const results = [];
  for (const line of lines) {
    const { cmd, stdout, stderr, rc } = await session.runLine(line);
    results.push({ cmd, stdout, stderr, rc });
  }
  await session.close();
  out.push(results);
}
process.stdout.write(JSON.stringify(out));


export {};
