// Test-only: a valid gzip body that inflates about 1000 times, made in a moment. Compressing
// a gigabyte would take the machine tens of seconds; instead one MiB of spaces is deflated once,
// ending on a full flush (so it starts from an empty window and ends on a byte boundary), and
// those bytes are repeated: each copy inflates to the same MiB. The gzip frame's CRC-32 and
// size are those of the whole decoded text, so every decoder accepts it to its last byte.
// Used by the Node server tests and the e2e API specs (Node, Deno). Not imported by runtime code.
import zlib from 'node:zlib';

const MIB = 1024 * 1024;

/** `prefix`, then `mib` MiB of spaces, then `suffix`, gzipped: about `mib` KiB. */
export function gzipBomb(prefix: string, mib: number, suffix: string): Buffer {
  const spaces = Buffer.alloc(MIB, 0x20);
  const flush = { finishFlush: zlib.constants.Z_FULL_FLUSH };
  const segment = zlib.deflateRawSync(spaces, { level: 9, ...flush });
  const head = zlib.deflateRawSync(Buffer.from(prefix), flush);
  const tail = zlib.deflateRawSync(Buffer.from(suffix)); // the final block
  let crc = zlib.crc32(prefix);
  for (let i = 0; i < mib; i++) crc = zlib.crc32(spaces, crc);
  crc = zlib.crc32(suffix, crc);
  const trailer = Buffer.alloc(8);
  trailer.writeUInt32LE(crc >>> 0, 0);
  trailer.writeUInt32LE(
    (Buffer.byteLength(prefix) + mib * MIB + Buffer.byteLength(suffix)) >>> 0, // mod 2^32
    4,
  );
  // https://www.rfc-editor.org/rfc/rfc1952#section-2.3: magic, deflate, no flags, mtime 0, Unix
  const header = Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3]);
  return Buffer.concat([header, head, ...Array<Buffer>(mib).fill(segment), tail, trailer]);
}

/** An empty Prometheus matrix answer padded with `mib` MiB of JSON whitespace, gzipped. */
export const promBomb = (mib: number): Buffer =>
  gzipBomb('{"status":"success","data":{"resultType":"matrix","result":[]}', mib, '}');
