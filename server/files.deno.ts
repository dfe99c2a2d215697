// Deno's file system as the server's FileSystem (deps.ts), for main.deno.ts and
// migrate-storage.deno.ts: atomic writes (temp file, fsync, rename, folder fsync) as on Node.
import type { FileSystem } from './deps.ts';

// A path under a regular file (ENOTDIR) does not exist either, nor a name too long for the
// file system (ENAMETOOLONG), as on Node.
const notFound = (err: unknown) => {
  const code = (err as { code?: string }).code;
  return err instanceof Deno.errors.NotFound || code === 'ENOTDIR' || code === 'ENAMETOOLONG';
};

export const denoFiles: FileSystem = {
  async readFile(path) {
    try {
      return await Deno.readFile(path);
    } catch (err) {
      if (notFound(err)) return null;
      throw err;
    }
  },
  async readDir(path) {
    try {
      const names: string[] = [];
      for await (const entry of Deno.readDir(path)) names.push(entry.name);
      return names;
    } catch (err) {
      if (notFound(err)) return null;
      throw err;
    }
  },
  async writeFileAtomic(path, data) {
    const dir = path.slice(0, Math.max(path.lastIndexOf('/'), 0)) || '.';
    await Deno.mkdir(dir, { recursive: true });
    const tmp = `${path}.tmp-${Deno.pid}-${Math.random().toString(36).slice(2)}`;
    try {
      const file = await Deno.open(tmp, { write: true, create: true, truncate: true, mode: 0o644 });
      try {
        // write() may take only part of the bytes; the rest goes in further calls.
        const bytes = new TextEncoder().encode(data);
        for (let at = 0; at < bytes.length; ) at += await file.write(bytes.subarray(at));
        await file.sync();
      } finally {
        file.close();
      }
      await Deno.rename(tmp, path);
    } catch (err) {
      await Deno.remove(tmp).catch(() => undefined);
      throw err;
    }
    // The rename itself is durable only once the directory entry is on disk.
    const dh = await Deno.open(dir, { read: true });
    try {
      await dh.sync();
    } finally {
      dh.close();
    }
  },
  async remove(path) {
    try {
      await Deno.remove(path);
    } catch (err) {
      if (!notFound(err)) throw err;
    }
  },
  async stamp(path) {
    try {
      const s = await Deno.stat(path);
      // A save renames a new file in: a new inode, whatever its size and mtime.
      return `${s.ino}:${s.size}:${s.mtime?.getTime()}`;
    } catch (err) {
      if (notFound(err)) return null;
      throw err;
    }
  },
};
