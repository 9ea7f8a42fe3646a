/** Bytes that may be large, in chunks of any size (typically ~1 MB), read once. */
export type ByteStream = AsyncIterable<Uint8Array>;
