// The MicroPython webassembly package ships no types; micropython.ts declares the
// part of its API it uses.
declare module '@micropython/micropython-webassembly-pyscript' {
  export function loadMicroPython(options: Record<string, unknown>): Promise<unknown>;
}
declare module '@micropython/micropython-webassembly-pyscript/micropython.wasm?url' {
  const url: string;
  export default url;
}
