/**
 * Loads MicroPython's WebAssembly port (@micropython/micropython-webassembly-pyscript,
 * MIT) on first use, as node.ts loads QuickJS: a lazy chunk, so the page's first load
 * does not carry it. Every Python process gets a fresh interpreter (a new instance
 * of the module, a few ms once the wasm is compiled): a process starts with empty
 * sys.modules and globals, as CPython does.
 *
 * Where the wasm comes from: in the built page Vite emits micropython.wasm as an
 * asset (the `?url` import) and precaches it with the rest of dist/; in Node
 * (vitest, bin/layerlab) emscripten's own loader reads it next to micropython.mjs.
 */

/** The part of the MicroPython API (its api.js) Layerlab uses. */
export interface MicroPython {
  runPython(code: string): unknown;
  registerJsModule(name: string, module: Record<string, unknown>): void;
  globals: { get(key: string): unknown; set(key: string, value: unknown): void };
  FS: EmscriptenFs;
  _module: Record<string, unknown>;
}

/** The emscripten FS calls python-fs.ts makes. */
export interface EmscriptenFs {
  mkdir(path: string): void;
  mkdirTree(path: string): void;
  writeFile(path: string, data: Uint8Array): void;
  readFile(path: string): Uint8Array;
  readdir(path: string): string[];
  stat(path: string): { mode: number };
  lstat(path: string): { mode: number };
  symlink(target: string, path: string): void;
  readlink(path: string): string;
  rmdir(path: string): void;
  unlink(path: string): void;
  chdir(path: string): void;
  isDir(mode: number): boolean;
  isFile(mode: number): boolean;
  isLink(mode: number): boolean;
}

/** Byte-level I/O of one interpreter: stdin gives a byte or null (EOF), outputs take one byte. */
export interface MicroPythonIo {
  stdin(): number | null;
  stdout(byte: number): void;
  stderr(byte: number): void;
}

type Loader = (options: Record<string, unknown>) => Promise<MicroPython>;

let loader: Promise<{ load: Loader; url: string | undefined }> | undefined;

function isNode(): boolean {
  return typeof process !== 'undefined' && typeof process.versions?.node === 'string';
}

async function prepare(): Promise<{ load: Loader; url: string | undefined }> {
  const mod = (await import('@micropython/micropython-webassembly-pyscript')) as unknown as { loadMicroPython: Loader };
  // In Node the module finds micropython.wasm beside itself (import.meta.url is a file: URL).
  const url = isNode() ? undefined : (await import('@micropython/micropython-webassembly-pyscript/micropython.wasm?url')).default;
  return { load: mod.loadMicroPython, url };
}

/** A fresh MicroPython interpreter whose standard streams are `io`; its heap starts at `heapBytes` and grows on demand (the pyscript variant splits its heap). */
export async function newMicroPython(io: MicroPythonIo, heapBytes = 2 * 1024 * 1024): Promise<MicroPython> {
  loader ??= prepare();
  const { load, url } = await loader;
  const mp = await load({
    url,
    heapsize: heapBytes,
    pystack: 16 * 1024,
    linebuffer: false,
    stdin: () => io.stdin(),
    stdout: (b: Uint8Array) => io.stdout(b[0]!),
    stderr: (b: Uint8Array) => io.stderr(b[0]!),
  });
  return mp;
}

/**
 * Runs `fn` with this interpreter as the module's current one. The port's JS glue
 * (api.js) keeps its instance in `globalThis.Module`, which the last load sets: with
 * two interpreters alive (a REPL and a script in another container) each call must
 * point it back at its own instance first. Python runs synchronously, so nothing
 * else can run in between.
 */
export function withInstance<T>(mp: MicroPython, fn: () => T): T {
  (globalThis as { Module?: unknown }).Module = mp._module;
  return fn();
}
