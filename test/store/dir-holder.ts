/**
 * A second process for the DirStore lock test: opens DIR, commits one record,
 * prints "ready", and holds the directory until its stdin closes.
 * Run as: node --import tsx test/store/dir-holder.ts DIR
 */
import { DirStore } from '../../worker/store/dir-store.ts';

const store = await DirStore.open(process.argv[2]!);
await store.commit({ put: [{ collection: 'meta', key: 'holder', value: process.pid }] });
process.stdout.write('ready\n');
process.stdin.resume();
process.stdin.on('end', () => {
  void store.close().then(() => process.exit(0));
});
