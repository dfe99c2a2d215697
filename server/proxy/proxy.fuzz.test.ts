// Property tests (fast-check) for the proxy's path and parameters: traversal, encodings,
// smuggled parameters and absolute URLs built at random from hostile pieces, the alerting and
// scrape endpoints among them. Whatever comes in, the answer is a 2xx for an allowlisted read or a clear 4xx — never a 5xx — and only
// allowlisted read paths ever reach the upstream, with no browser cookie or Authorization.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { testApp } from '../test-helpers.ts';

const ALLOWED =
  /^\/api\/v1\/(query|query_range|query_exemplars|series|labels|metadata|status\/buildinfo|alerts|rules|targets|label\/[A-Za-z_][A-Za-z0-9_]*\/values)$/;

/** Of the fuzzed parameters, those each GET-only endpoint takes. */
const GET_ONLY_TAKES: Record<string, string[]> = {
  alerts: [],
  rules: ['type', 'rule_name[]', 'match[]'],
  targets: ['state', 'scrapePool'],
};

const PIECES = [
  '..',
  '%2e%2e',
  '%2E%2E',
  '.%2e',
  '%2f',
  '%2F',
  '%5c',
  '\\',
  '/',
  '//',
  ';',
  ';a=b',
  '%3b',
  '%252e%252e',
  '%252f',
  'http://evil.example',
  'http:%2f%2fevil',
  '@evil',
  '?',
  '#',
  '%00',
  '%0d%0a',
  'admin',
  'tsdb',
  'delete_series',
  'snapshot',
  '-',
  'quit',
  'reload',
  'write',
  'otlp',
  'federate',
  'debug',
  'pprof',
  'status',
  'config',
  'flags',
  'query',
  'query_range',
  'label',
  'values',
  'job',
  'labels',
  'series',
  'api',
  'v1',
  'v2',
  'prometheus',
  'alerts',
  'rules',
  'targets',
  'alertmanagers',
  '__name__',
  'a b',
  '%20',
  'ünïcode',
];

const tail = fc
  .array(fc.oneof(fc.constantFrom(...PIECES), fc.webSegment()), { minLength: 1, maxLength: 6 })
  .map((xs) => xs.join('/'));
const params = fc.array(
  fc.tuple(
    fc.constantFrom(
      'query',
      'match[]',
      'start',
      'end',
      'step',
      'time',
      'timeout',
      'limit',
      'type',
      'state',
      'rule_name[]',
      'scrapePool',
      'x;y',
      '%00',
    ),
    fc.oneof(
      fc.string({ maxLength: 30 }),
      fc.constantFrom('up', '1e99', '-1', 'NaN', '{__name__=~".+"}', '"}) or vector(1)'),
    ),
  ),
  { maxLength: 4 },
);

describe('proxy paths, fuzzed', () => {
  it('answers 2xx only for allowlisted reads, 4xx otherwise, and forwards nothing else', async () => {
    const t = await testApp();
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(
          '/api/datasources/proxy/uid/prometheus/api/v1/',
          '/api/datasources/proxy/uid/prometheus/',
          '/api/datasources/proxy/uid/',
          '/api/datasources/proxy/',
        ),
        tail,
        params,
        fc.constantFrom('GET', 'POST', 'PUT', 'DELETE'),
        async (prefix, path, ps, method) => {
          const qs = ps.map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&');
          const before = t.calls.length;
          let res: Response;
          try {
            res = await t.request(`${prefix}${path}${qs ? `?${qs}` : ''}`, {
              method,
              headers: {
                Cookie: 'session=secret',
                Authorization: 'Bearer browser',
                'Content-Type': 'application/x-www-form-urlencoded',
                Origin: 'http://localhost',
              },
              ...(method === 'GET' ? {} : { body: qs }),
            });
          } catch {
            return; // a URL the Request constructor refuses never reaches the server
          }
          expect(res.status).toBeLessThan(500);
          for (const call of t.calls.slice(before)) {
            const url = new URL(call.url);
            expect(url.pathname).toMatch(ALLOWED);
            expect(call.headers.cookie).toBeUndefined();
            expect(call.headers.authorization).toBeUndefined();
            // The alerting and scrape endpoints: GET, with their documented parameters only.
            const takes = GET_ONLY_TAKES[url.pathname.split('/').pop()!];
            if (takes) {
              expect(call.method).toBe('GET');
              for (const k of url.searchParams.keys()) expect(takes).toContain(k);
            }
          }
          if (res.status < 300) expect(t.calls.length).toBe(before + 1);
          await res.body?.cancel();
        },
      ),
      { numRuns: 1500, seed: 11 },
    );
  });
});
