import { describe, expect, it } from 'vitest';
import { endpointLabel, parseProxyPath } from './allowlist.ts';

const base = '/api/datasources/proxy/uid/prometheus/api/v1/';

describe('parseProxyPath allows the read-only API', () => {
  it.each([
    'query',
    'query_range',
    'query_exemplars',
    'series',
    'labels',
    'metadata',
    'status/buildinfo',
    'alerts',
    'rules',
    'targets',
    'label/job/values',
    'label/__name__/values',
    'label/_x9/values',
  ])('%s', (endpoint) => {
    expect(parseProxyPath(base + endpoint)).toEqual({ uid: 'prometheus', endpoint });
  });

  it('reads the uid', () => {
    expect(parseProxyPath('/api/datasources/proxy/uid/prom-0a1b2c3d/api/v1/query')).toEqual({
      uid: 'prom-0a1b2c3d',
      endpoint: 'query',
    });
  });
});

describe('parseProxyPath refuses everything else', () => {
  it.each([
    // admin, lifecycle and write endpoints
    'admin/tsdb/snapshot',
    'admin/tsdb/delete_series',
    'admin/tsdb/clean_tombstones',
    'write',
    'otlp/v1/metrics',
    'status/config',
    'status/flags',
    'status/runtimeinfo',
    'status/tsdb',
    'alertmanagers',
    'targets/metadata',
    'targets/relabel_steps',
    'rules/',
    'alerts/',
    'alerts/x',
    '%61lerts',
    'rule%73',
    'targets%2f',
    'targets%00',
    'targets/../status/config',
    'rules/%2e%2e/admin/tsdb/snapshot',
    'Alerts',
    'notifications/live',
    // traversal and encoding tricks
    '../../-/quit',
    '..%2f..%2f-%2fquit',
    '%2e%2e/%2e%2e/-/quit',
    'query/../admin/tsdb/snapshot',
    'query/%2e%2e/admin/tsdb/snapshot',
    'status%2fbuildinfo',
    'status%2Fconfig',
    'query%252f..',
    '/query',
    'query//',
    'label/a%2fb/values',
    'label/a/b/values',
    'label/1bad/values',
    'label/job-name/values',
    'label//values',
    'label/job/values/extra',
    'label/%6aob/values',
    // shape
    '',
    'query/',
    'query_range/',
    'query_range/extra',
    'query_range?x=1',
    'Query',
    'query_range%00',
  ])('%j', (endpoint) => {
    expect(parseProxyPath(base + endpoint)).toBeNull();
  });

  it.each([
    '/-/quit',
    '/-/reload',
    '/api/datasources/proxy/uid/prometheus/-/quit',
    '/api/datasources/proxy/uid/prometheus/api/v1/../../-/quit',
    '/api/datasources/proxy/uid/prometheus/api/v2/query',
    '/api/datasources/proxy/uid/prometheus/api/v1',
    '/api/datasources/proxy/uid/prometheus/api/v1/',
    '/api/datasources/proxy/uid/prometheus//api/v1/query',
    '/api/datasources/proxy/uid//api/v1/query',
    '/api/datasources/proxy/uid/../api/v1/query',
    '/api/datasources/proxy/uid/prom%2fx/api/v1/query',
    '/api/datasources/proxy/uid/prom.x/api/v1/query',
    `/api/datasources/proxy/uid/${'a'.repeat(65)}/api/v1/query`,
    '//api/datasources/proxy/uid/prometheus/api/v1/query',
    '/api/datasources/proxy/uid/prometheus/api/v1/query/x/api/v1/query',
    'api/datasources/proxy/uid/prometheus/api/v1/query',
  ])('the whole path %j', (path) => {
    expect(parseProxyPath(path)).toBeNull();
  });
});

describe('endpointLabel', () => {
  it('collapses label values calls into one metric label', () => {
    expect(endpointLabel('label/job/values')).toBe('label/:name/values');
    expect(endpointLabel('label/__name__/values')).toBe('label/:name/values');
  });

  it('keeps the other endpoints as they are', () => {
    expect(endpointLabel('query_range')).toBe('query_range');
    expect(endpointLabel('labels')).toBe('labels');
    expect(endpointLabel('status/buildinfo')).toBe('status/buildinfo');
  });
});
