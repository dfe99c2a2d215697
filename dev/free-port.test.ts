import { createServer, type Server } from 'node:net';
import { describe, expect, it } from 'vitest';
import { freePort } from './free-port.ts';

function listen(port: number): Promise<Server> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(port, '127.0.0.1', () => resolve(srv));
  });
}

const portOf = (srv: Server) => {
  const addr = srv.address();
  if (typeof addr !== 'object' || addr === null) throw new Error('no address');
  return addr.port;
};

describe('freePort', () => {
  it('returns an OS-assigned port that can be bound', async () => {
    const port = await freePort();
    expect(port).toBeGreaterThan(0);
    const srv = await listen(port);
    srv.close();
  });

  it('returns the preferred port when it is free', async () => {
    const preferred = await freePort();
    expect(await freePort(preferred)).toBe(preferred);
  });

  it('falls back to another port when the preferred one is taken', async () => {
    const busy = await listen(0);
    try {
      const taken = portOf(busy);
      const port = await freePort(taken);
      expect(port).not.toBe(taken);
      expect(port).toBeGreaterThan(0);
    } finally {
      busy.close();
    }
  });
});
