// What the proxy refuses before any upstream call, beyond the path allowlist: over-long PromQL
// (MAX_QUERY_LENGTH), PromQL nested too deep (MAX_QUERY_NESTING) and datasources whose URL
// fails the policy at the time of use.
import { describe, expect, it } from 'vitest';
import { MemoryFs, testApp } from '../test-helpers.ts';

const PROXY = '/api/datasources/proxy/uid';

describe('the PromQL length cap', () => {
  // An expression of n characters, percent-encoded where it goes into a URL.
  const long = (n: number) => `up${'+1'.repeat((n - 2) / 2)}${n % 2 ? ' ' : ''}`;
  const enc = (n: number) => encodeURIComponent(long(n));

  it('forwards a query at the cap and refuses one character more, as GET or POST', async () => {
    const t = await testApp({ config: { maxQueryLength: 100 } });
    const at = await t.request(`${PROXY}/prometheus/api/v1/query?query=${enc(100)}`);
    expect(at.status).toBe(200);
    expect(t.calls).toHaveLength(1);

    const get = await t.request(`${PROXY}/prometheus/api/v1/query?query=${enc(101)}`);
    expect(get.status).toBe(400);
    expect(await get.json()).toEqual({
      status: 'error',
      errorType: 'bad_data',
      error: 'query is over the 100-character limit (MAX_QUERY_LENGTH)',
    });
    const post = await t.request(`${PROXY}/prometheus/api/v1/query_range`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ query: long(101), start: '1', end: '2', step: '1' }).toString(),
    });
    expect(post.status).toBe(400);
    const series = await t.request(
      `${PROXY}/prometheus/api/v1/series?match[]=up&match[]=${enc(101)}`,
    );
    expect(series.status).toBe(400);
    expect(((await series.json()) as { error: string }).error).toMatch(/^match\[\] is over/);
    expect(t.calls).toHaveLength(1);
  });

  it('defaults to 64 KiB', async () => {
    const t = await testApp();
    const body = new URLSearchParams({ query: long(64 * 1024 + 1) }).toString();
    const res = await t.request(`${PROXY}/prometheus/api/v1/query`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body,
    });
    expect(res.status).toBe(400);
    expect(t.calls).toEqual([]);
  });
});

describe('the PromQL nesting limit', () => {
  const nested = (open: string, depth: number, leaf = '1') =>
    `${open.repeat(depth)}${leaf}${')'.repeat(depth)}`;
  const refusal = (k: string, n: number) => ({
    status: 'error',
    errorType: 'bad_data',
    error: `${k} nests ( [ { more than ${n} levels deep (MAX_QUERY_NESTING)`,
  });
  const post = (t: Awaited<ReturnType<typeof testApp>>, endpoint: string, query: string) =>
    t.request(`${PROXY}/prometheus/api/v1/${endpoint}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ query, start: '1', end: '2', step: '1' }).toString(),
    });

  it('refuses the attack shapes 3,000 deep with a Prometheus-shaped 400 and never sends them', async () => {
    const t = await testApp();
    for (const query of [
      nested('(', 3000),
      nested('-(', 3000),
      nested('abs(', 3000, 'vector(1)'),
      nested('rate(', 3000, 'up[5m]'),
    ]) {
      const res = await post(t, 'query', query);
      expect(res.status).toBe(400);
      expect(await res.json()).toEqual(refusal('query', 100));
    }
    const series = await t.request(
      `${PROXY}/prometheus/api/v1/series?match[]=up&match[]=${encodeURIComponent(nested('(', 101, 'up'))}`,
    );
    expect(series.status).toBe(400);
    expect(await series.json()).toEqual(refusal('match[]', 100));
    expect(t.calls).toEqual([]);
  });

  it('forwards nesting at the limit and refuses one level more, as GET or POST', async () => {
    const t = await testApp({ config: { maxQueryNesting: 10 } });
    const at = await t.request(
      `${PROXY}/prometheus/api/v1/query?query=${encodeURIComponent(nested('(', 10))}`,
    );
    expect(at.status).toBe(200);
    expect(t.calls).toHaveLength(1);
    const get = await t.request(
      `${PROXY}/prometheus/api/v1/query?query=${encodeURIComponent(nested('(', 11))}`,
    );
    expect(get.status).toBe(400);
    expect(await get.json()).toEqual(refusal('query', 10));
    expect((await post(t, 'query_range', nested('[', 11))).status).toBe(400);
    expect(t.calls).toHaveLength(1);
  });

  it('never refuses a dashboard query, nor brackets inside strings and comments', async () => {
    const t = await testApp({ config: { maxQueryNesting: 10 } });
    for (const query of [
      'histogram_quantile(0.99, sum by (le) (rate(http_request_duration_seconds_bucket{job="api"}[5m])))',
      'max_over_time((sum(rate(x[1m])))[1h:5m]) / ignoring(a) group_left (b) (y)',
      `up{job="${'('.repeat(5000)}"}`,
      `up{job=~\`${'[{('.repeat(5000)}\`} # ${'('.repeat(5000)}`,
    ]) {
      const res = await post(t, 'query', query);
      expect(res.status).toBe(200);
    }
    expect(t.calls).toHaveLength(4);
  });
});

describe('the datasource URL policy at every use', () => {
  // DATA_DIR/datasources.json edited by hand after the server checked what was added.
  const edited = () =>
    new MemoryFs({
      '/data/datasources.json': JSON.stringify({
        datasources: [
          { uid: 'prom-file', name: 'File', url: 'file:///etc/passwd' },
          { uid: 'prom-js', name: 'Js', url: 'javascript:alert(1)' },
          { uid: 'prom-meta', name: 'Metadata', url: 'http://169.254.169.254' },
          { uid: 'prom-cred', name: 'Cred', url: 'http://u:p@prom-c:9090' },
          { uid: 'prom-ok', name: 'Ok', url: 'http://prom.allowed:9090' },
        ],
      }),
    });
  const beyondLoopback = { host: '0.0.0.0', allowedDatasourceUrls: ['http://prom.allowed:9090'] };

  it.each(['prom-file', 'prom-js', 'prom-meta', 'prom-cred'])(
    'refuses to proxy to %s with 403 and never calls it',
    async (uid) => {
      const t = await testApp({ fs: edited(), config: beyondLoopback });
      const res = await t.request(`${PROXY}/${uid}/api/v1/query?query=up`);
      expect(res.status).toBe(403);
      const body = (await res.json()) as { errorType: string; error: string };
      expect(body.errorType).toBe('forbidden');
      expect(body.error).toMatch(/^datasource ".*" is refused: /);
      expect(t.calls).toEqual([]);
    },
  );

  it('still proxies to an added URL that passes', async () => {
    const t = await testApp({ fs: edited(), config: beyondLoopback });
    const res = await t.request(`${PROXY}/prom-ok/api/v1/query?query=up`);
    expect(res.status).toBe(200);
    expect(t.calls.map((c) => c.url)).toEqual([
      'http://prom.allowed:9090/api/v1/query?query=up&timeout=29000ms',
    ]);
  });

  it('refuses non-http schemes even on a loopback-only server', async () => {
    const t = await testApp({ fs: edited() });
    for (const uid of ['prom-file', 'prom-js']) {
      expect((await t.request(`${PROXY}/${uid}/api/v1/query?query=up`)).status).toBe(403);
    }
    expect(t.calls).toEqual([]);
  });

  it('reports refused datasources as down in /api/health without probing them', async () => {
    const t = await testApp({ fs: edited(), config: beyondLoopback });
    const health = (await (await t.request('/api/health')).json()) as {
      datasources: { uid: string; up: boolean; error?: string }[];
    };
    const down = health.datasources.filter((d) => !d.up).map((d) => d.uid);
    expect(down).toEqual(['prom-file', 'prom-js', 'prom-meta', 'prom-cred']);
    expect(t.calls.every((c) => /^http:\/\/(localhost|prom\.allowed):9090\//.test(c.url))).toBe(
      true,
    );
    // Never the credentials a hand-edited URL carried.
    expect(JSON.stringify(health)).not.toMatch(/u:p@/);
    expect(await (await t.request('/api/datasources')).text()).not.toMatch(/u:p@/);
  });
});

describe('alerts, rules and targets: GET with their documented parameters only', () => {
  const form = { 'Content-Type': 'application/x-www-form-urlencoded' };

  it('forwards a GET as it came, with no timeout added', async () => {
    const t = await testApp();
    for (const path of [
      'alerts',
      'rules?type=alert&rule_group%5B%5D=api&exclude_alerts=false',
      'targets?state=active&scrapePool=node',
    ]) {
      const res = await t.request(`${PROXY}/prometheus/api/v1/${path}`);
      expect(res.status, path).toBe(200);
    }
    expect(t.calls.map((c) => [c.method, c.url])).toEqual([
      ['GET', 'http://localhost:9090/api/v1/alerts'],
      [
        'GET',
        'http://localhost:9090/api/v1/rules?type=alert&rule_group%5B%5D=api&exclude_alerts=false',
      ],
      ['GET', 'http://localhost:9090/api/v1/targets?state=active&scrapePool=node'],
    ]);
  });

  it('refuses POST, PUT and DELETE with 405 and Allow: GET, before any upstream call', async () => {
    const t = await testApp();
    for (const endpoint of ['alerts', 'rules', 'targets']) {
      for (const method of ['POST', 'PUT', 'DELETE']) {
        const res = await t.request(`${PROXY}/prometheus/api/v1/${endpoint}`, {
          method,
          headers: { ...form, Origin: 'http://localhost' },
          body: 'state=any',
        });
        expect(res.status, `${method} ${endpoint}`).toBe(405);
        expect(res.headers.get('Allow')).toBe('GET');
        expect(await res.json()).toMatchObject({ status: 'error', errorType: 'bad_data' });
      }
    }
    expect(t.calls).toEqual([]);
  });

  it('refuses unknown, repeated, malformed and over-long parameters in Prometheus shape', async () => {
    const t = await testApp({ config: { maxQueryLength: 100 } });
    for (const qs of [
      'alerts?match%5B%5D=up',
      'rules?type=alert&type=record',
      'rules?type=bogus',
      'rules?group_limit=0',
      `rules?rule_name%5B%5D=${'x'.repeat(101)}`,
      `rules?match%5B%5D=${encodeURIComponent(`${'('.repeat(150)}up${')'.repeat(150)}`)}`,
      'targets?state=down',
      'targets?scrapePool=a&scrapePool=b',
      'targets?query=up',
      'targets?x%3By=1',
    ]) {
      const res = await t.request(`${PROXY}/prometheus/api/v1/${qs}`);
      expect(res.status, qs).toBe(400);
      expect(await res.json()).toMatchObject({ status: 'error', errorType: 'bad_data' });
    }
    expect(t.calls).toEqual([]);
  });

  it('refuses encoded and dotted paths to them with a 4xx, never upstream', async () => {
    const t = await testApp();
    for (const path of [
      '%61lerts',
      'rule%73',
      'targets%2f',
      'targets/metadata',
      'targets/../status/config',
      'alerts/..%2f..%2f-%2fquit',
      'rules;type=alert',
      'alertmanagers',
    ]) {
      const res = await t.request(`${PROXY}/prometheus/api/v1/${path}`);
      // 404 from the allowlist; 400 from the target guard for a dot segment (security.ts).
      expect([400, 404], path).toContain(res.status);
    }
    expect(t.calls).toEqual([]);
  });
});
