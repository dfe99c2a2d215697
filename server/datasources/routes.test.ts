import { describe, expect, it } from 'vitest';
import {
  connectionRefused,
  MemoryFs,
  prometheusLike,
  type Responder,
  testApp,
} from '../test-helpers.ts';
import { uidForUrl } from './registry.ts';

const JSON_HEADERS = { 'Content-Type': 'application/json', Origin: 'http://localhost' };
const post = (body: unknown, headers: Record<string, string> = JSON_HEADERS): RequestInit => ({
  method: 'POST',
  headers,
  body: typeof body === 'string' ? body : JSON.stringify(body),
});

/** Prometheus at the default URL and at prom-b; nothing listens anywhere else. */
const onlyKnownHosts: Responder = (url, init) =>
  url.startsWith('http://localhost:9090/') || url.startsWith('http://prom-b:9090/')
    ? prometheusLike(url, init)
    : connectionRefused();

describe('GET /api/datasources', () => {
  it("lists datasources in Grafana's shape and never their credentials", async () => {
    const t = await testApp({
      config: { prometheusUrl: 'http://prom:9090', prometheusAuthorization: 'Basic c2VjcmV0' },
    });
    const res = await t.request('/api/datasources');
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(text).not.toMatch(/authorization|c2VjcmV0/i);
    expect(JSON.parse(text)).toEqual([
      {
        uid: 'prometheus',
        name: 'Prometheus',
        type: 'prometheus',
        access: 'proxy',
        url: 'http://prom:9090',
        isDefault: true,
        readOnly: true,
        basicAuth: false,
        jsonData: { timeInterval: '15s', incrementalQueryOverlapWindow: '600s' },
        secureJsonFields: {},
      },
    ]);
  });

  it('shows a datasource by uid, and 404 for an unknown one', async () => {
    const t = await testApp();
    expect(await (await t.request('/api/datasources/uid/prometheus')).json()).toMatchObject({
      uid: 'prometheus',
    });
    expect((await t.request('/api/datasources/uid/nope')).status).toBe(404);
  });
});

describe('POST /api/datasources refusals', () => {
  it('answers 400 for malformed JSON', async () => {
    const t = await testApp();
    const res = await t.request('/api/datasources', post('{"url": '));
    expect(res.status).toBe(400);
    const body = (await res.json()) as { errorType: string; error: string };
    expect(body.errorType).toBe('bad_data');
    expect(body.error).toMatch(/^malformed JSON/);
  });

  it.each([[[]], [null], ['"http://prom-b:9090"'], [{ url: 'http://prom-b:9090', name: 7 }]])(
    'answers 400 for the JSON %j',
    async (body) => {
      const t = await testApp({ respond: onlyKnownHosts });
      const res = await t.request('/api/datasources', post(body));
      expect(res.status).toBe(400);
      expect(t.calls).toHaveLength(0);
    },
  );

  it.each(['text/plain', 'application/x-www-form-urlencoded', ''])(
    'answers 415 for the content type %j',
    async (type) => {
      const t = await testApp({ respond: onlyKnownHosts });
      const headers: Record<string, string> = type ? { 'Content-Type': type } : {};
      const res = await t.request('/api/datasources', post({ url: 'http://prom-b:9090' }, headers));
      expect(res.status).toBe(415);
      expect(t.calls).toHaveLength(0);
    },
  );

  it('answers 403 for a foreign Origin or a cross-site fetch', async () => {
    const t = await testApp({ respond: onlyKnownHosts });
    const foreign = { 'Content-Type': 'application/json', Origin: 'http://evil.example' };
    const res = await t.request('/api/datasources', post({ url: 'http://prom-b:9090' }, foreign));
    expect(res.status).toBe(403);
    expect(await res.json()).toEqual({
      status: 'error',
      errorType: 'forbidden',
      error: 'cross-origin write from http://evil.example refused',
    });
    const crossSite = { 'Content-Type': 'application/json', 'Sec-Fetch-Site': 'cross-site' };
    expect(
      (await t.request('/api/datasources', post({ url: 'http://prom-b:9090' }, crossSite))).status,
    ).toBe(403);
    expect(t.calls).toHaveLength(0);
    expect(t.fs.writes).toHaveLength(0);
  });

  it('answers 400 for a non-http URL', async () => {
    const t = await testApp();
    const res = await t.request('/api/datasources', post({ url: 'ftp://x' }));
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ status: 'error', errorType: 'bad_data' });
    expect(t.calls).toHaveLength(0);
  });

  it('answers 502 for an unreachable URL and changes nothing', async () => {
    const t = await testApp({ respond: onlyKnownHosts });
    const res = await t.request('/api/datasources', post({ url: 'http://down:9090' }));
    expect(res.status).toBe(502);
    const body = (await res.json()) as { errorType: string; error: string };
    expect(body.errorType).toBe('unavailable');
    expect(body.error).toMatch(/http:\/\/down:9090 is unreachable: connection refused/);
    const list = (await (await t.request('/api/datasources')).json()) as { uid: string }[];
    expect(list.map((d) => d.uid)).toEqual(['prometheus']);
    expect(t.fs.writes).toHaveLength(0);
  });

  it('answers 502 for a URL that answers, but not like Prometheus', async () => {
    const t = await testApp({ respond: () => new Response('<html>login</html>', { status: 200 }) });
    const res = await t.request('/api/datasources', post({ url: 'http://web:80' }));
    expect(res.status).toBe(502);
    expect(t.fs.writes).toHaveLength(0);
  });

  it('answers 403 on a read-only server, before looking at the body', async () => {
    const t = await testApp({ config: { readOnly: true }, respond: onlyKnownHosts });
    const res = await t.request('/api/datasources', post({ url: 'http://prom-b:9090' }));
    expect(res.status).toBe(403);
    expect(await res.json()).toMatchObject({ errorType: 'read_only' });
    expect(t.calls).toHaveLength(0);
    expect(t.fs.writes).toHaveLength(0);
  });

  it('answers 403 for a URL outside ALLOWED_DATASOURCE_URLS on a loopback server too', async () => {
    // Behind a reverse proxy on the same machine: loopback bind, remote users.
    const t = await testApp({
      config: { host: '127.0.0.1', allowedDatasourceUrls: ['http://prom-b:9090'] },
      respond: onlyKnownHosts,
    });
    const res = await t.request('/api/datasources', post({ url: 'http://localhost:9091' }));
    expect(res.status).toBe(403);
    expect(await res.json()).toMatchObject({
      errorType: 'forbidden',
      error: 'http://localhost:9091 does not match ALLOWED_DATASOURCE_URLS',
    });
    expect(t.calls).toHaveLength(0);
    expect((await t.request('/api/datasources', post({ url: 'http://prom-b:9090' }))).status).toBe(
      201,
    );
  });

  it.each(['127.evil.example', '127.0.0.1.nip.io'])(
    'answers 403 on HOST=%s, a name and not loopback, without ALLOWED_DATASOURCE_URLS',
    async (host) => {
      const t = await testApp({ config: { host }, respond: onlyKnownHosts });
      const res = await t.request('/api/datasources', post({ url: 'http://prom-b:9090' }));
      expect(res.status).toBe(403);
      expect(t.calls).toHaveLength(0);
    },
  );

  it('answers 403 on a server reachable from the network without ALLOWED_DATASOURCE_URLS', async () => {
    const t = await testApp({ config: { host: '0.0.0.0' }, respond: onlyKnownHosts });
    const res = await t.request('/api/datasources', post({ url: 'http://prom-b:9090' }));
    expect(res.status).toBe(403);
    expect(await res.json()).toMatchObject({ errorType: 'forbidden' });
    expect(t.calls).toHaveLength(0);
  });
});

describe('POST /api/datasources adds', () => {
  it('a reachable URL: 201, listed, and written atomically to DATA_DIR', async () => {
    const t = await testApp({ respond: onlyKnownHosts });
    const res = await t.request(
      '/api/datasources',
      post({ url: 'http://prom-b:9090/', name: 'Team B' }),
    );
    expect(res.status).toBe(201);
    const uid = uidForUrl('http://prom-b:9090');
    expect(await res.json()).toEqual({
      uid,
      name: 'Team B',
      type: 'prometheus',
      access: 'proxy',
      url: 'http://prom-b:9090',
      isDefault: false,
      readOnly: false,
      basicAuth: false,
      jsonData: { timeInterval: '15s', incrementalQueryOverlapWindow: '600s' },
      secureJsonFields: {},
    });

    const list = (await (await t.request('/api/datasources')).json()) as { uid: string }[];
    expect(list.map((d) => d.uid)).toEqual(['prometheus', uid]);
    expect(t.fs.writes.map((w) => w.path)).toEqual(['/data/datasources.json']);
    expect(JSON.parse(t.fs.text('/data/datasources.json')!)).toEqual({
      datasources: [{ uid, name: 'Team B', url: 'http://prom-b:9090' }],
    });

    // It can be queried through the proxy right away.
    const q = await t.request(`/api/datasources/proxy/uid/${uid}/api/v1/query?query=up`);
    expect(q.status).toBe(200);
    expect(t.calls.at(-1)!.url).toBe('http://prom-b:9090/api/v1/query?query=up&timeout=29000ms');
  });

  it('the same URL again: 200 with the same uid, nothing rewritten', async () => {
    const t = await testApp({ respond: onlyKnownHosts });
    const first = await t.request('/api/datasources', post({ url: 'http://prom-b:9090' }));
    const again = await t.request('/api/datasources', post({ url: 'http://prom-b:9090/' }));
    expect(first.status).toBe(201);
    expect(again.status).toBe(200);
    const a = (await first.json()) as { uid: string };
    expect(((await again.json()) as { uid: string }).uid).toBe(a.uid);
    expect(t.fs.writes).toHaveLength(1);
  });

  it('the default URL: 200 with the provisioned datasource', async () => {
    const t = await testApp();
    const res = await t.request('/api/datasources', post({ url: 'http://localhost:9090' }));
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ uid: 'prometheus', readOnly: true });
    expect(t.fs.writes).toHaveLength(0);
  });

  it('a URL matching ALLOWED_DATASOURCE_URLS on a network-facing server', async () => {
    const t = await testApp({
      config: { host: '0.0.0.0', allowedDatasourceUrls: ['http://prom-*:9090'] },
      respond: onlyKnownHosts,
    });
    expect((await t.request('/api/datasources', post({ url: 'http://prom-b:9090' }))).status).toBe(
      201,
    );
    expect((await t.request('/api/datasources', post({ url: 'http://other:9090' }))).status).toBe(
      403,
    );
  });

  it('two URLs posted at once: both end up in the stored file', async () => {
    const respond: Responder = (url, init) =>
      /^http:\/\/prom-[cd]:9090\//.test(url) ? prometheusLike(url, init) : connectionRefused();
    const t = await testApp({ respond });
    const [c, d] = await Promise.all([
      t.request('/api/datasources', post({ url: 'http://prom-c:9090' })),
      t.request('/api/datasources', post({ url: 'http://prom-d:9090' })),
    ]);
    expect([c.status, d.status]).toEqual([201, 201]);
    const stored = JSON.parse(t.fs.text('/data/datasources.json')!) as {
      datasources: { url: string }[];
    };
    expect(stored.datasources.map((x) => x.url).sort()).toEqual([
      'http://prom-c:9090',
      'http://prom-d:9090',
    ]);
  });

  it('survives a restart: a new app reads DATA_DIR/datasources.json', async () => {
    const fs = new MemoryFs();
    const first = await testApp({ fs, respond: onlyKnownHosts });
    await first.request('/api/datasources', post({ url: 'http://prom-b:9090', name: 'B' }));
    const second = await testApp({ fs, respond: onlyKnownHosts });
    const list = (await (await second.request('/api/datasources')).json()) as { name: string }[];
    expect(list.map((d) => d.name)).toEqual(['Prometheus', 'B']);
  });

  it('refuses to add over an unreadable datasources file, and leaves it untouched', async () => {
    const fs = new MemoryFs({ '/data/datasources.json': '{ broken' });
    const t = await testApp({ fs, respond: onlyKnownHosts });
    const res = await t.request('/api/datasources', post({ url: 'http://prom-b:9090' }));
    expect(res.status).toBe(500);
    // Its name, not its path; what is wrong, not the parser's message.
    expect(((await res.json()) as { error: string }).error).toBe(
      'could not save the datasource: datasources.json in DATA_DIR is unreadable (not valid JSON); fix or remove it',
    );
    expect(fs.text('/data/datasources.json')).toBe('{ broken');
    expect(fs.writes).toHaveLength(0);
  });
});

describe('path-prefix patterns in ALLOWED_DATASOURCE_URLS', () => {
  // A proxy in front of Prometheus at http://ok/prom/ that decodes the path would turn
  // /prom/..%2fadmin into /admin: the prefix is checked on the decoded, resolved path.
  const behindPrefix = { allowedDatasourceUrls: ['http://ok/prom/'] };
  const anything: Responder = (url, init) => prometheusLike(url, init);

  it.each([
    'http://ok/prom/..%2fadmin',
    'http://ok/prom/%2e%2e%2fadmin',
    'http://ok/prom/%252e%252e%252fadmin',
    'http://ok/prom/..%5cadmin',
  ])('refuses to add %s with 403, calling nothing', async (url) => {
    const t = await testApp({ config: behindPrefix, respond: anything });
    const res = await t.request('/api/datasources', post({ url }));
    expect(res.status).toBe(403);
    expect(((await res.json()) as { error: string }).error).toMatch(
      /does not match ALLOWED_DATASOURCE_URLS/,
    );
    expect(t.calls).toHaveLength(0);
    expect(t.fs.writes).toHaveLength(0);
  });

  it('refuses such a URL at use too, when datasources.json was edited by hand', async () => {
    const fs = new MemoryFs({
      '/data/datasources.json': JSON.stringify({
        datasources: [
          { uid: 'escape', name: 'Escape', url: 'http://ok/prom/..%2fadmin' },
          { uid: 'inside', name: 'Inside', url: 'http://ok/prom/tenant-a' },
        ],
      }),
    });
    const t = await testApp({ fs, config: behindPrefix, respond: anything });
    const proxy = '/api/datasources/proxy/uid';
    const refused = await t.request(`${proxy}/escape/api/v1/query?query=up`);
    expect(refused.status).toBe(403);
    expect(t.calls).toHaveLength(0);
    expect((await t.request(`${proxy}/inside/api/v1/query?query=up`)).status).toBe(200);
    expect(t.calls.map((c) => c.url)).toEqual([
      'http://ok/prom/tenant-a/api/v1/query?query=up&timeout=29000ms',
    ]);
  });
});

describe('MAX_DATASOURCES', () => {
  const anyProm: Responder = (url, init) => prometheusLike(url, init);

  it('refuses one more with 409 once the cap is reached, probing nothing', async () => {
    const t = await testApp({ config: { maxDatasources: 2 }, respond: anyProm });
    for (const url of ['http://prom-1:9090', 'http://prom-2:9090']) {
      expect((await t.request('/api/datasources', post({ url }))).status).toBe(201);
    }
    const calls = t.calls.length;
    const res = await t.request('/api/datasources', post({ url: 'http://prom-3:9090' }));
    expect(res.status).toBe(409);
    expect(await res.json()).toEqual({
      status: 'error',
      errorType: 'too_many',
      error:
        'this server already has 2 added datasources, the most MAX_DATASOURCES allows; remove one first, or raise MAX_DATASOURCES',
    });
    expect(t.calls).toHaveLength(calls);
    expect(t.fs.writes).toHaveLength(2);
    // A URL already added is still found, and the configured one does not count.
    expect((await t.request('/api/datasources', post({ url: 'http://prom-1:9090' }))).status).toBe(
      200,
    );
    const list = (await (await t.request('/api/datasources')).json()) as unknown[];
    expect(list).toHaveLength(3);
  });

  it('holds against adds racing past the check', async () => {
    const t = await testApp({ config: { maxDatasources: 3 }, respond: anyProm });
    const answers = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        t.request('/api/datasources', post({ url: `http://prom-${i}:9090` })),
      ),
    );
    const statuses = answers.map((r) => r.status).sort();
    expect(statuses).toEqual([201, 201, 201, 409, 409, 409, 409, 409, 409, 409]);
    const stored = JSON.parse(t.fs.text('/data/datasources.json')!) as { datasources: unknown[] };
    expect(stored.datasources).toHaveLength(3);
  });

  it('MAX_DATASOURCES=0 turns adding off', async () => {
    const t = await testApp({ config: { maxDatasources: 0 }, respond: anyProm });
    const res = await t.request('/api/datasources', post({ url: 'http://prom-1:9090' }));
    expect(res.status).toBe(409);
    expect(((await res.json()) as { error: string }).error).toBe(
      'adding datasources from the UI is turned off on this server (MAX_DATASOURCES=0)',
    );
    expect(t.calls).toHaveLength(0);
  });
});

describe('DELETE /api/datasources/uid/:uid', () => {
  const del = (headers: Record<string, string> = JSON_HEADERS): RequestInit => ({
    method: 'DELETE',
    headers,
  });
  const uidB = uidForUrl('http://prom-b:9090');
  const withB = async (config = {}) => {
    const fs = new MemoryFs({
      '/data/datasources.json': JSON.stringify({
        datasources: [
          { uid: uidB, name: 'B', url: 'http://prom-b:9090' },
          { uid: 'prom-c', name: 'C', url: 'http://prom-c:9090' },
        ],
      }),
    });
    return testApp({ fs, config, respond: onlyKnownHosts });
  };
  const uids = async (t: Awaited<ReturnType<typeof testApp>>) =>
    ((await (await t.request('/api/datasources')).json()) as { uid: string }[]).map((d) => d.uid);

  it('removes an added datasource: gone from the list, the file, health and the proxy', async () => {
    const t = await withB();
    const res = await t.request(`/api/datasources/uid/${uidB}`, del());
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ message: 'Data source B deleted', uid: uidB, name: 'B' });
    expect(await uids(t)).toEqual(['prometheus', 'prom-c']);
    expect(JSON.parse(t.fs.text('/data/datasources.json')!)).toEqual({
      datasources: [{ uid: 'prom-c', name: 'C', url: 'http://prom-c:9090' }],
    });
    const health = (await (await t.request('/api/health')).json()) as {
      datasources: { uid: string }[];
    };
    expect(health.datasources.map((d) => d.uid)).toEqual(['prometheus', 'prom-c']);
    const proxied = await t.request(`/api/datasources/proxy/uid/${uidB}/api/v1/query?query=up`);
    expect(proxied.status).toBe(404);
    // Gone for good: a restart reads the file without it.
    const again = await testApp({ fs: t.fs, respond: onlyKnownHosts });
    expect(await uids(again)).toEqual(['prometheus', 'prom-c']);
  });

  it('refuses the configured datasource with 403 and says why', async () => {
    const t = await withB();
    const res = await t.request('/api/datasources/uid/prometheus', del());
    expect(res.status).toBe(403);
    expect(await res.json()).toEqual({
      status: 'error',
      errorType: 'forbidden',
      error:
        'datasource "Prometheus" is configured on the server (PROMETHEUS_URL) and cannot be removed from the UI',
    });
    expect(await uids(t)).toEqual(['prometheus', uidB, 'prom-c']);
    expect(t.fs.writes).toHaveLength(0);
  });

  it('answers 404 for an unknown uid, and for one already removed', async () => {
    const t = await withB();
    expect((await t.request('/api/datasources/uid/nope', del())).status).toBe(404);
    const [a, b] = await Promise.all([
      t.request(`/api/datasources/uid/${uidB}`, del()),
      t.request(`/api/datasources/uid/${uidB}`, del()),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 404]);
    expect(t.fs.writes).toHaveLength(1);
  });

  it('refuses on a read-only server, and a foreign or cross-site request', async () => {
    const ro = await withB({ readOnly: true });
    const res = await ro.request(`/api/datasources/uid/${uidB}`, del());
    expect(res.status).toBe(403);
    expect(await res.json()).toMatchObject({ errorType: 'read_only' });
    const t = await withB();
    const refused: Record<string, string>[] = [
      { 'Content-Type': 'application/json', Origin: 'http://evil.example' },
      { 'Content-Type': 'application/json', 'Sec-Fetch-Site': 'cross-site' },
    ];
    for (const headers of refused) {
      expect((await t.request(`/api/datasources/uid/${uidB}`, del(headers))).status).toBe(403);
    }
    expect(ro.fs.writes).toHaveLength(0);
    expect(t.fs.writes).toHaveLength(0);
    expect(await uids(t)).toContain(uidB);
  });

  it('makes room under MAX_DATASOURCES', async () => {
    const t = await withB({ maxDatasources: 2 });
    const d = { url: 'http://prom-d:9090' };
    const respondD = await t.request('/api/datasources', post(d));
    expect(respondD.status).toBe(409);
    expect((await t.request('/api/datasources/uid/prom-c', del())).status).toBe(200);
    // prom-d does not answer in this fake, so the add now fails on the probe, past the cap.
    expect((await t.request('/api/datasources', post(d))).status).toBe(502);
  });

  it('leaves an unreadable datasources file untouched', async () => {
    const fs = new MemoryFs({ '/data/datasources.json': '{ broken' });
    const t = await testApp({ fs });
    expect((await t.request('/api/datasources/uid/prometheus', del())).status).toBe(403);
    expect(fs.text('/data/datasources.json')).toBe('{ broken');
  });
});
