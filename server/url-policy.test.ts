import { describe, expect, it } from 'vitest';
import { checkDatasourceUrl, normaliseDatasourceUrl, resolvedPath } from './url-policy.ts';

const loopback = { loopbackOnly: true, allowed: [] };
const network = (allowed: string[]) => ({ loopbackOnly: false, allowed });

describe('normaliseDatasourceUrl', () => {
  it.each(['ftp://prom.example.com/', 'file:///etc/passwd', 'javascript:alert(1)', 'data:,x'])(
    'refuses %s with 400',
    (url) => {
      const r = normaliseDatasourceUrl(url);
      expect(r).toMatchObject({ ok: false, status: 400 });
      expect(r.ok || r.reason).toMatch(/only http and https URLs are accepted/);
    },
  );

  it.each([undefined, null, 42, '', '   ', 'not a url'])('refuses %j with 400', (value) => {
    expect(normaliseDatasourceUrl(value)).toMatchObject({ ok: false, status: 400 });
  });

  it.each(['http://user:pass@prom:9090', 'http://user@prom:9090', 'http://:pass@prom:9090'])(
    'refuses credentials in %s',
    (url) => {
      expect(normaliseDatasourceUrl(url)).toEqual({
        ok: false,
        status: 400,
        reason: 'credentials in the URL are not accepted; configure them on the server',
      });
    },
  );

  it.each(['http://prom:9090/?x=1', 'http://prom:9090/api/v1?query=up', 'http://prom:9090/#frag'])(
    'refuses the query or fragment in %s',
    (url) => {
      expect(normaliseDatasourceUrl(url)).toEqual({
        ok: false,
        status: 400,
        reason: 'the URL must not have a query or a fragment',
      });
    },
  );

  it.each([
    ['http://prom:9090/', 'http://prom:9090'],
    ['http://prom:9090', 'http://prom:9090'],
    ['https://Prom.Example.COM/prometheus//', 'https://prom.example.com/prometheus'],
    ['  http://prom:9090/  ', 'http://prom:9090'],
    ['http://prom:80/', 'http://prom'],
  ])('normalises %s to %s', (input, url) => {
    expect(normaliseDatasourceUrl(input)).toEqual({ ok: true, url });
  });
});

describe('checkDatasourceUrl on a loopback-only server', () => {
  it.each(['http://10.0.0.5:9090', 'https://prom.example.com', 'http://169.254.169.254'])(
    'allows %s',
    (url) => {
      expect(checkDatasourceUrl(url, loopback).ok).toBe(true);
    },
  );

  // Behind a reverse proxy on the same machine the server listens on loopback, yet every
  // user is remote: a set ALLOWED_DATASOURCE_URLS holds there too.
  it('applies ALLOWED_DATASOURCE_URLS when it is set', () => {
    const behindProxy = { loopbackOnly: true, allowed: ['http://prom.internal:9090'] };
    expect(checkDatasourceUrl('http://prom.internal:9090', behindProxy).ok).toBe(true);
    expect(checkDatasourceUrl('http://169.254.169.254', behindProxy)).toEqual({
      ok: false,
      status: 403,
      reason: 'http://169.254.169.254 does not match ALLOWED_DATASOURCE_URLS',
    });
  });

  it('still refuses non-http URLs', () => {
    expect(checkDatasourceUrl('file:///etc/passwd', loopback)).toMatchObject({
      ok: false,
      status: 400,
    });
  });
});

describe('checkDatasourceUrl on a server reachable from the network', () => {
  it('refuses everything with 403 when no pattern is configured', () => {
    expect(checkDatasourceUrl('http://prom:9090', network([]))).toEqual({
      ok: false,
      status: 403,
      reason:
        'adding datasources is disabled on a server reachable from the network; set ALLOWED_DATASOURCE_URLS',
    });
  });

  it('checks the URL shape (400) before the allowlist (403)', () => {
    expect(checkDatasourceUrl('ftp://prom', network([]))).toMatchObject({ status: 400 });
  });

  const prefix = network(['http://prom.example.com']);
  it.each([
    ['http://prom.example.com', true],
    ['http://prom.example.com/', true],
    ['http://prom.example.com/prometheus', true],
    ['http://PROM.example.com', true],
    ['https://prom.example.com', false],
    ['http://prom.example.com:9090', false],
    ['http://prom.example.com.evil.net', false],
    ['http://prom.example.community', false],
    ['http://evil.net/http://prom.example.com', false],
    ['http://xprom.example.com', false],
  ])('prefix pattern: %s → %s', (url, ok) => {
    const r = checkDatasourceUrl(url, prefix);
    expect(r.ok).toBe(ok);
    if (!r.ok) {
      expect(r.status).toBe(403);
      expect(r.reason).toMatch(/does not match ALLOWED_DATASOURCE_URLS/);
    }
  });

  const pathPrefix = network(['https://mimir.example.com/prometheus/']);
  it.each([
    ['https://mimir.example.com/prometheus', true],
    ['https://mimir.example.com/prometheus/tenant-a', true],
    ['https://mimir.example.com/prometheus-evil', false],
    ['https://mimir.example.com/', false],
  ])('path prefix pattern: %s → %s', (url, ok) => {
    expect(checkDatasourceUrl(url, pathPrefix).ok).toBe(ok);
  });

  // A proxy in front of Prometheus may decode the path before resolving it, so the prefix must
  // hold on the decoded, dot-segment-resolved path, not only on what the URL parser resolves.
  const promPrefix = network(['http://ok/prom/']);
  it.each([
    ['http://ok/prom', true],
    ['http://ok/prom/tenant-a', true],
    ['http://ok/prom/./tenant-a', true],
    ['http://ok/prom/x/../tenant-a', true],
    ['http://ok/prom/%74enant', true],
    ['http://ok/prom/../admin', false],
    ['http://ok/prom/%2e%2e/admin', false],
    ['http://ok/prom/%2E%2E/admin', false],
    ['http://ok/prom/..%2fadmin', false],
    ['http://ok/prom/%2e%2e%2fadmin', false],
    ['http://ok/prom/%2e%2e%2Fadmin', false],
    ['http://ok/prom/x%2f..%2f..%2fadmin', false],
    ['http://ok/prom/%5c..%5cadmin', false],
    ['http://ok/prom/..%5cadmin', false],
    ['http://ok/prom/%252e%252e%252fadmin', false],
    ['http://ok/prom/%25252e%25252e%25252fadmin', false],
    ['http://ok/prom/..;/admin', false],
    ['http://ok/prom/..%3b/admin', false],
    ['http://ok/prom//..%2f/admin', false],
    ['http://ok/%70rom/../admin', false],
    [`http://ok/prom/${'%25'.repeat(1)}${'25'.repeat(20)}2e`, false],
  ])('path prefix on the decoded, resolved path: %s → %s', (url, ok) => {
    const r = checkDatasourceUrl(url, promPrefix);
    expect(r.ok).toBe(ok);
    if (!r.ok) expect(r).toMatchObject({ status: 403 });
  });

  it('resolves the pattern the same way', () => {
    expect(checkDatasourceUrl('http://ok/prom/a', network(['http://ok/x/../%70rom'])).ok).toBe(
      true,
    );
  });

  const wildcard = network(['http://*.prom.internal:9090', 'https://thanos.example.com']);
  it.each([
    ['http://eu.prom.internal:9090', true],
    ['http://a.b.prom.internal:9090/sub', true],
    ['http://prom.internal:9090', false],
    ['http://eu.prom.internal:9091', false],
    ['http://eu.prom.internal.evil.net:9090', false],
    ['http://evil.net/x.prom.internal:9090', false],
    ['https://thanos.example.com', true],
    ['http://thanos.example.com', false],
  ])('host wildcard pattern: %s → %s', (url, ok) => {
    expect(checkDatasourceUrl(url, wildcard).ok).toBe(ok);
  });

  it('treats regex characters in patterns literally', () => {
    const dots = network(['http://prom.example.com']);
    expect(checkDatasourceUrl('http://promXexampleYcom', dots).ok).toBe(false);
  });

  it('returns the normalised URL when allowed', () => {
    expect(checkDatasourceUrl('http://eu.prom.internal:9090/', wildcard)).toEqual({
      ok: true,
      url: 'http://eu.prom.internal:9090',
    });
  });
});

describe('resolvedPath', () => {
  it.each([
    ['/', '/'],
    ['/prom/', '/prom'],
    ['/prom/..%2fadmin', '/admin'],
    ['/a/%252e%252e/b', '/b'],
    ['/a\\..\\b', '/b'],
    ['/a/..;x/b', '/b'],
    ['/a//b', '/a/b'],
    ['/../../x', '/x'],
  ])('%s reads as %s', (path, resolved) => {
    expect(resolvedPath(path)).toBe(resolved);
  });

  it('gives up on encoding nested past any real use', () => {
    expect(resolvedPath(`/%${'25'.repeat(20)}2e`)).toBeNull();
  });
});
