// The Node upstream client against a bare node:http server: what it sends, what it gives back,
// keep-alive, no redirects, and aborts and deaths at every point of an answer.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { type NodeUpstream, nodeUpstream } from './upstream.node.ts';

interface Seen {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}

let server: Server | undefined;
let client: NodeUpstream | undefined;
const sockets = new Set<Socket>();
const closed: Promise<void>[] = [];

async function serve(handle: (res: ServerResponse, seen: Seen) => void) {
  const seen: Seen[] = [];
  server = createServer((req, res) => {
    closed.push(new Promise((resolve) => res.on('close', () => resolve())));
    let body = '';
    req.on('data', (c: Buffer) => {
      body += c.toString();
    });
    req.on('end', () => {
      const s = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, body };
      seen.push(s);
      handle(res, s);
    });
  });
  server.on('connection', (s: Socket) => sockets.add(s));
  await new Promise<void>((r) => server!.listen(0, '127.0.0.1', r));
  client = nodeUpstream();
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen };
}

afterEach(async () => {
  client?.close();
  server?.closeAllConnections();
  await new Promise((r) => server?.close(r));
  server = client = undefined;
  sockets.clear();
  closed.length = 0;
});

/** A signal that never fires. */
const never = () => new AbortController().signal;

const init = (signal = never()) => ({
  method: 'GET' as const,
  headers: { Accept: 'application/json' },
  signal,
});

describe('nodeUpstream', () => {
  it('sends only the given headers and body, and gives back status, headers and body', async () => {
    const { url, seen } = await serve((res) => {
      res.writeHead(200, { 'Content-Type': 'application/json', 'X-Extra': 'yes' });
      res.end('{"status":"success"}');
    });
    const res = await client!.upstream(`${url}/api/v1/query`, {
      method: 'POST',
      headers: { Accept: 'application/json', 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new TextEncoder().encode('query=up'),
      signal: never(),
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toBe('application/json');
    expect(res.headers.get('X-Extra')).toBe('yes');
    expect(await res.text()).toBe('{"status":"success"}');
    expect(seen[0]).toMatchObject({ method: 'POST', url: '/api/v1/query', body: 'query=up' });
    expect(seen[0]!.headers['content-length']).toBe('8');
    expect(seen[0]!.headers.cookie).toBeUndefined();
    expect(seen[0]!.headers.authorization).toBeUndefined();
  });

  it('keeps one socket alive across calls', async () => {
    const { url } = await serve((res) => res.end('ok'));
    for (let i = 0; i < 3; i++)
      expect(await (await client!.upstream(url, init())).text()).toBe('ok');
    expect(sockets.size).toBe(1);
  });

  it('does not follow a redirect', async () => {
    const { url, seen } = await serve((res) => {
      res.writeHead(302, { Location: '/elsewhere' });
      res.end();
    });
    const res = await client!.upstream(`${url}/api/v1/query`, init());
    expect(res.status).toBe(302);
    expect(res.headers.get('Location')).toBe('/elsewhere');
    expect(seen.map((s) => s.url)).toEqual(['/api/v1/query']);
  });

  it('passes an encoded body through undecoded', async () => {
    const { url } = await serve((res) => {
      res.writeHead(200, { 'Content-Encoding': 'gzip' });
      res.end(Buffer.from([0x1f, 0x8b, 1, 2, 3]));
    });
    const res = await client!.upstream(url, init());
    expect(res.headers.get('Content-Encoding')).toBe('gzip');
    expect([...new Uint8Array(await res.arrayBuffer())]).toEqual([0x1f, 0x8b, 1, 2, 3]);
  });

  it('rejects when nothing listens, with the socket error code', async () => {
    const { url } = await serve(() => {});
    await new Promise((r) => server!.close(r));
    await expect(client!.upstream(url, init())).rejects.toMatchObject({ code: 'ECONNREFUSED' });
  });

  it('aborts before the answer, closing the upstream connection', async () => {
    const { url } = await serve(() => {}); // never answers
    const ac = new AbortController();
    const pending = client!.upstream(url, init(ac.signal));
    for (let i = 0; i < 100 && closed.length === 0; i++) await new Promise((r) => setTimeout(r, 5));
    ac.abort();
    await expect(pending).rejects.toThrow();
    await closed[0];
  });

  it('aborts in the middle of the body: the stream errors and the connection closes', async () => {
    const { url } = await serve((res) => {
      res.writeHead(200);
      res.write('{"partial":');
    });
    const ac = new AbortController();
    const res = await client!.upstream(url, init(ac.signal));
    const reader = res.body!.getReader();
    expect(new TextDecoder().decode((await reader.read()).value)).toBe('{"partial":');
    ac.abort();
    await expect(reader.read()).rejects.toThrow();
    await closed[0];
  });

  it('an upstream dying mid-answer is an error of the body, not of the process', async () => {
    const { url } = await serve((res) => {
      res.writeHead(200, { 'Content-Length': '100' });
      res.write('{"cut":', () => res.socket?.destroy());
    });
    const res = await client!.upstream(url, init());
    await expect(res.text()).rejects.toThrow();
  });

  it('cancelling the body closes the upstream connection', async () => {
    const { url } = await serve((res) => {
      res.writeHead(200);
      res.write('x'.repeat(1000));
    });
    const res = await client!.upstream(url, init());
    const reader = res.body!.getReader();
    await reader.read();
    await reader.cancel();
    await closed[0];
  });
});
