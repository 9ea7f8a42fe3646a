/**
 * A learner session for the layer view's tests: real shell, docker CLI,
 * simulated Hub and programs (test/builder/helpers.ts), plus the view of
 * its engine after the lines run.
 */
import { builderSession } from '../builder/helpers.ts';
import { layerFileText, layerFiles, layerView } from '../../worker/layers/service.ts';
import type { ExploreTarget } from '../../worker/layers/types.ts';

/** Index and Dockerfile of the course's hello app (test/chapters/flows/003-doing-more.txt). */
export const HELLO = [
  'mkdir hello && cd hello',
  `echo 'var os = require("os");' > index.js`,
  `echo 'var hostname = os.hostname();' >> index.js`,
  `echo 'console.log("hello from " + hostname);' >> index.js`,
  `echo 'FROM alpine' > Dockerfile`,
  `echo 'RUN apk update && apk add nodejs' >> Dockerfile`,
  `echo 'COPY . /app' >> Dockerfile`,
  `echo 'WORKDIR /app' >> Dockerfile`,
  `echo 'CMD ["node","index.js"]' >> Dockerfile`,
];

/** A session with alpine, the view and explorer of its engine, and a line runner that fails loudly. */
export async function viewSession(preload: string[] = ['alpine']) {
  const s = await builderSession(preload);
  const engine = (await s.session.engine!(true))!;
  const run = async (...lines: string[]): Promise<string> => {
    let out = '';
    for (const l of lines) {
      const r = await s.line(l);
      if (r.rc !== 0) throw new Error(`${l}: rc ${r.rc}\n${r.stderr}`);
      out += r.stdout;
    }
    return out;
  };
  return {
    ...s,
    engine,
    run,
    view: () => layerView(engine),
    files: (t: ExploreTarget) => layerFiles(engine, t),
    text: (t: ExploreTarget, path: string) => layerFileText(engine, t, path),
    /** The image ID a reference names. */
    id: async (ref: string) => (await run(`docker image inspect --format '{{.Id}}' ${ref}`)).trim(),
  };
}
