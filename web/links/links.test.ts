// biome-ignore-all lint/suspicious/noTemplateCurlyInString: Grafana's ${name} syntax is what these strings test
import { describe, expect, it } from 'vitest';
import type { SearchHit } from '../api/server.ts';
import type { ScopedVariable } from '../variables/format.ts';
import {
  fromAppRoot,
  type LinkEnv,
  linkAddress,
  readDashboardLinks,
  readPanelLinks,
  refusedScheme,
  resolveDashboardsLink,
  resolvePanelLinks,
  resolveUrlLink,
  withQuery,
} from './links.ts';

const one = (value: string): ScopedVariable => ({ values: [value], text: value, regex: false });

const env: LinkEnv = {
  scope: new Map([
    ['job', one('api')],
    ['route', { values: ['/a', '/b c'], text: '/a + /b c', regex: true }],
  ]),
  variables: [
    { name: 'job', values: ['api'] },
    { name: 'route', values: ['/a', '/b c'] },
  ],
  time: { from: 'now-1h', to: 'now' },
};

describe('readDashboardLinks', () => {
  it("reads Grafana's fields with their defaults, and nothing from a non-list", () => {
    const [link, dashboards] = readDashboardLinks([
      { title: 'GitHub', type: 'link', url: 'https://github.com/x', targetBlank: true },
      { type: 'dashboards', tags: ['ceph', 7, ''], asDropdown: true, keepTime: true },
    ]);
    expect(link).toEqual({
      type: 'link',
      title: 'GitHub',
      url: 'https://github.com/x',
      tooltip: '',
      tags: [],
      asDropdown: false,
      includeVars: false,
      keepTime: false,
      targetBlank: true,
    });
    expect(dashboards).toMatchObject({ type: 'dashboards', tags: ['ceph'], asDropdown: true });
    expect(readDashboardLinks({ title: 'x' })).toEqual([]);
    expect(readDashboardLinks(undefined)).toEqual([]);
  });

  it('drops panel links with neither a title nor a URL', () => {
    expect(readPanelLinks([{}, { title: 'Runbook', url: '/d/x' }, 'junk'])).toEqual([
      { title: 'Runbook', url: '/d/x', targetBlank: false },
    ]);
  });
});

describe('withQuery', () => {
  it('adds parameters with ? or &, before a fragment', () => {
    expect(withQuery('/d/a', 'from=1')).toBe('/d/a?from=1');
    expect(withQuery('/d/a?x=1', 'from=1')).toBe('/d/a?x=1&from=1');
    expect(withQuery('/d/a?', 'from=1')).toBe('/d/a?from=1');
    expect(withQuery('https://h/p?x=1#top', 'from=1')).toBe('https://h/p?x=1&from=1#top');
    expect(withQuery('/d/a', '')).toBe('/d/a');
  });
});

describe('refusedScheme', () => {
  it('allows http, https, mailto and paths of this app', () => {
    for (const url of ['https://grafana.com', 'http://h:9090/graph', 'mailto:a@b', '/d/x', 'x?y'])
      expect(refusedScheme(url)).toBeNull();
  });
  it('refuses script and data URLs however they are written', () => {
    for (const url of [
      'javascript:alert(1)',
      ' JavaScript:alert(1)',
      'java\tscript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'vbscript:x',
    ])
      expect(refusedScheme(url)).toMatch(/links are not followed/);
    expect(refusedScheme('  ')).toBe('no URL');
    expect(refusedScheme('http://[')).toBe('not a valid URL');
  });
});

describe('linkAddress', () => {
  it('fills in variables and adds the time range and variables when asked', () => {
    expect(linkAddress('/d/x?job=$job', env)).toEqual({ href: '/d/x?job=api' });
    expect(linkAddress('/d/x', env, { keepTime: true, includeVars: true })).toEqual({
      href: '/d/x?from=now-1h&to=now&var-job=api&var-route=%2Fa&var-route=%2Fb+c',
    });
  });

  it("expands Grafana's ${__url_time_range} and ${__all_variables}", () => {
    expect(linkAddress('/d/x?${__url_time_range}&${__all_variables}', env)).toEqual({
      href: '/d/x?from=now-1h&to=now&var-job=api&var-route=%2Fa&var-route=%2Fb+c',
    });
  });

  it('refuses a script URL, also when a variable makes it one', () => {
    expect(linkAddress('javascript:alert(1)', env)).toEqual({
      refused: 'javascript: links are not followed',
    });
    const hostile: LinkEnv = { ...env, scope: new Map([['u', one('javascript:alert(1)')]]) };
    expect(linkAddress('$u', hostile)).toEqual({ refused: 'javascript: links are not followed' });
  });
});

describe('resolving links', () => {
  it('a URL link: title with variables, else the URL; its tooltip and target', () => {
    const [link] = readDashboardLinks([
      { title: 'Logs of $job', url: 'https://logs/?q=$job', tooltip: 'open', targetBlank: true },
    ]);
    expect(resolveUrlLink(link!, env)).toEqual({
      title: 'Logs of api',
      href: 'https://logs/?q=api',
      targetBlank: true,
      tooltip: 'open',
    });
    const [untitled] = readDashboardLinks([{ url: 'https://x/' }]);
    expect(resolveUrlLink(untitled!, env)).toMatchObject({ title: 'https://x/' });
  });

  it('a dashboards link: those with every tag, not this one, by title', () => {
    const hit = (uid: string, title: string, tags: string[], error?: string): SearchHit => ({
      uid,
      title,
      uri: `db/${title.toLowerCase()}`,
      url: `/d/${uid}/${title.toLowerCase()}`,
      slug: title.toLowerCase(),
      type: 'dash-db',
      tags,
      isStarred: false,
      provisioned: false,
      ...(error ? { error } : {}),
    });
    const hits = [
      hit('c', 'Zeta', ['ceph', 'osd']),
      hit('a', 'Alpha', ['ceph', 'osd', 'x']),
      hit('me', 'Me', ['ceph', 'osd']),
      hit('b', 'Beta', ['ceph']),
      hit('e', 'Broken', ['ceph', 'osd'], 'bad JSON'),
    ];
    const [link] = readDashboardLinks([
      { type: 'dashboards', tags: ['ceph', 'osd'], keepTime: true },
    ]);
    expect(resolveDashboardsLink(link!, hits, 'me', env)).toEqual([
      { title: 'Alpha', href: '/d/a/alpha?from=now-1h&to=now', targetBlank: false },
      { title: 'Zeta', href: '/d/c/zeta?from=now-1h&to=now', targetBlank: false },
    ]);
  });

  it('panel links: refused ones say why', () => {
    const links = readPanelLinks([
      { title: 'Runbook for $job', url: 'https://wiki/$job', targetBlank: true },
      { title: 'Bad', url: 'javascript:alert(1)' },
    ]);
    expect(resolvePanelLinks(links, env)).toEqual([
      { title: 'Runbook for api', href: 'https://wiki/api', targetBlank: true },
      { title: 'Bad', refused: 'javascript: links are not followed' },
    ]);
  });

  it("panel links as Grafana's schemaVersion 19 migration writes them", () => {
    // Addresses from GF v19.panel_links.json (output) and DMT "when migrating panel links".
    const links = readPanelLinks([
      { title: 'Dashboard Link', url: 'dashboard/db/my-dashboard?$__url_time_range' },
      { title: 'DashUri Link', url: 'dashboard/my-dashboard-uid?$__all_variables' },
      { title: 'Custom Params Link', url: 'http://example.com?customParam=value' },
      {
        title: 'Complex Link',
        url: 'dashboard/db/complex-dashboard?$__url_time_range&$__all_variables&param1=value1&param2=value2',
        targetBlank: true,
      },
      { title: 'No target', url: '/' },
    ]);
    const vars = 'var-job=api&var-route=%2Fa&var-route=%2Fb+c';
    expect(resolvePanelLinks(links, env)).toEqual([
      {
        title: 'Dashboard Link',
        href: '/dashboard/db/my-dashboard?from=now-1h&to=now',
        targetBlank: false,
      },
      { title: 'DashUri Link', href: `/dashboard/my-dashboard-uid?${vars}`, targetBlank: false },
      {
        title: 'Custom Params Link',
        href: 'http://example.com?customParam=value',
        targetBlank: false,
      },
      {
        title: 'Complex Link',
        href: `/dashboard/db/complex-dashboard?from=now-1h&to=now&${vars}&param1=value1&param2=value2`,
        targetBlank: true,
      },
      { title: 'No target', href: '/', targetBlank: false },
    ]);
  });
});

describe('fromAppRoot', () => {
  it.each([
    ['dashboard/db/x', '/dashboard/db/x'],
    ['d/abc?x=1', '/d/abc?x=1'],
    ['/d/abc', '/d/abc'],
    ['//cdn.example/x', '//cdn.example/x'],
    ['https://x/', 'https://x/'],
    ['mailto:a@b', 'mailto:a@b'],
    ['?from=now-1h', '?from=now-1h'],
    ['#panel-2', '#panel-2'],
    ['', ''],
  ])('%s → %s', (url, out) => {
    expect(fromAppRoot(url)).toBe(out);
  });
});
