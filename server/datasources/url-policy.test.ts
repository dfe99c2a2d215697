import { describe, expect, it } from 'vitest';
import { checkDatasourceUrl, normaliseDatasourceUrl } from './url-policy.ts';

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
