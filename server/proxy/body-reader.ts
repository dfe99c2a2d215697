// Reads an upstream body chunk by chunk into bytes the flight may keep (flight.ts holds every
// chunk until the answer is done), without the garbage a runtime's own chunks can leave.
//
// Deno's fetch hands what it inflates as 4 KiB views of 64 KiB buffers: kept as they came, a
// 16 MiB answer held 256 MiB; copied, each read still left a 64 KiB buffer behind, 256 MiB of
// garbage per 16 MiB read, and nine gzip bombs on a server with a 16 MiB cap raised its peak
// memory by 250 MiB. Its body is a byte stream, so it is read here with a BYOB reader into one
// scratch buffer that goes back and forth (the same memory, never a new allocation), and each
// chunk kept is a copy of exactly the bytes read, or the buffer itself when a read filled it.
// A stream that is not a byte stream (Node's node:http client) is read as it comes, a chunk
// copied only when it is a small view of a larger buffer.

const SCRATCH = 64 * 1024; // bytes: Deno reads at most this much per call

export interface BodyReader {
  /** The next chunk, owned by the caller; undefined at the end. */
  read(): Promise<Uint8Array | undefined>;
  cancel(reason?: unknown): Promise<void>;
}

export function bodyReader(body: ReadableStream<Uint8Array>): BodyReader {
  let byob: ReadableStreamBYOBReader | undefined;
  try {
    byob = body.getReader({ mode: 'byob' });
  } catch {
    // Not a byte stream.
  }
  if (byob) {
    const reader = byob;
    let scratch = new Uint8Array(SCRATCH);
    return {
      async read() {
        const { done, value } = await reader.read(scratch);
        if (done || !value) return undefined;
        // A read that filled the whole buffer: kept as it is, and a new one for the next read.
        if (value.byteLength === value.buffer.byteLength) {
          scratch = new Uint8Array(SCRATCH);
          return value;
        }
        // The read took the scratch buffer over and gives it back inside `value`.
        scratch = new Uint8Array(value.buffer);
        return value.slice();
      },
      cancel: (reason) => reader.cancel(reason),
    };
  }
  const reader = body.getReader();
  return {
    async read() {
      const { done, value } = await reader.read();
      return done ? undefined : ownBytes(value);
    },
    cancel: (reason) => reader.cancel(reason),
  };
}

/**
 * The chunk, or a copy of it when it is a small view of a much larger buffer, which keeping the
 * chunk would keep whole.
 */
export function ownBytes(chunk: Uint8Array): Uint8Array {
  return chunk.buffer.byteLength > 2 * chunk.byteLength ? chunk.slice() : chunk;
}
