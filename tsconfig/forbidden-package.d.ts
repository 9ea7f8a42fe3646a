/**
 * What the pure layers (worker/engine, worker/cli) see in place of the
 * packages of the layers above them (just-bash, idb, comlink, xterm): their
 * tsconfig maps those names here, so an import of them finds no export
 * (TS2305) and does not compile. A mapping to a missing file would fall back
 * to node_modules.
 */
export {};
