import { createServer } from 'node:net';

/** Try to bind `port` on `host`; resolves with the bound port, or null if it is unavailable. */
function tryListen(port: number, host: string): Promise<number | null> {
  return new Promise((resolve) => {
    const srv = createServer();
    srv.unref();
    srv.once('error', () => resolve(null));
    srv.listen({ port, host, exclusive: true }, () => {
      const addr = srv.address();
      const bound = typeof addr === 'object' && addr !== null ? addr.port : null;
      srv.close(() => resolve(bound));
    });
  });
}

/**
 * Returns `preferred` if it can be bound on `host`, else an OS-assigned free port.
 * There is an unavoidable race between this check and the caller's own bind; callers
 * that fail to bind should simply ask again.
 */
export async function freePort(preferred?: number, host = '127.0.0.1'): Promise<number> {
  if (preferred !== undefined && preferred > 0) {
    const got = await tryListen(preferred, host);
    if (got !== null) return got;
  }
  const got = await tryListen(0, host);
  if (got === null) throw new Error(`freePort: could not bind any port on ${host}`);
  return got;
}
