/**
 * The layers of style.md, enforced by the compiler: a file of the CLI that
 * imports the engine's implementation does not compile, while the Engine API
 * types do; the engine cannot import the CLI, the shell or just-bash.
 */
import { describe, expect, it } from 'vitest';
import { compileWith } from './layers.ts';

const CLI_FILE = 'worker/cli/layering-probe.ts';
const ENGINE_FILE = 'worker/engine/layering-probe.ts';

describe('layering', () => {
  it('the CLI compiles against the Engine API types', () => {
    const src = "import type { EngineApi } from '../engine-api/api.ts';\nimport { isEngineError } from '../engine/errors.ts';\nexport const probe = (e: EngineApi, x: unknown) => isEngineError(x) ? e.ping() : e.version();\n";
    expect(compileWith('worker/cli', CLI_FILE, src)).toEqual([]);
  }, 60_000);

  it('a CLI file importing the container service does not compile', () => {
    const src = "import type { ContainerService } from '../engine/containers/service.ts';\nexport type Probe = ContainerService;\n";
    const diags = compileWith('worker/cli', CLI_FILE, src);
    expect(diags[0]).toEqual(
      "TS6307: File 'worker/engine/containers/service.ts' is not listed within the file list of project 'worker/cli/tsconfig.json'. Projects must list all files or use an 'include' pattern.",
    );
  }, 60_000);

  it('a CLI file importing the shell does not compile', () => {
    const src = "import type { HostFs } from '../shell/host-fs.ts';\nexport type Probe = HostFs;\n";
    expect(compileWith('worker/cli', CLI_FILE, src)[0]).toEqual(
      "TS6307: File 'worker/shell/host-fs.ts' is not listed within the file list of project 'worker/cli/tsconfig.json'. Projects must list all files or use an 'include' pattern.",
    );
  }, 60_000);

  it('an engine file importing the CLI does not compile', () => {
    const src = "import { tabwrite } from '../cli/format/tabwriter.ts';\nexport const probe = tabwrite;\n";
    expect(compileWith('worker/engine', ENGINE_FILE, src)).toEqual([
      "TS6307: File 'worker/cli/format/tabwriter.ts' is not listed within the file list of project 'worker/engine/tsconfig.json'. Projects must list all files or use an 'include' pattern.",
    ]);
  }, 60_000);

  it('the engine has no just-bash types and no DOM', () => {
    const src = "import type { IFileSystem } from 'just-bash';\nexport type Probe = IFileSystem;\nexport const doc = document;\n";
    expect(compileWith('worker/engine', ENGINE_FILE, src)).toEqual([
      "TS2305: Module '\"just-bash\"' has no exported member 'IFileSystem'.",
      "TS2584: Cannot find name 'document'. Do you need to change your target library? Try changing the 'lib' compiler option to include 'dom'.",
    ]);
  }, 60_000);
});
