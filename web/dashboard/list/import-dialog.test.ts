import { describe, expect, it } from 'vitest';
import { datasourceInputs, issuePanel, parseDashboardText, safeLocalUrl } from './import-dialog.ts';

describe('parseDashboardText', () => {
  it('reads a dashboard object', () => {
    expect(parseDashboardText(' {"title": "A", "panels": []} ')).toEqual({
      ok: true,
      dashboard: { title: 'A', panels: [] },
    });
  });

  it('names the JSON parse problem', () => {
    const r = parseDashboardText('{"title":');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(/^Not valid JSON: .+/);
  });

  it('refuses empty text and JSON that is not an object', () => {
    expect(parseDashboardText('  \n')).toMatchObject({ ok: false, error: /Paste dashboard JSON/ });
    expect(parseDashboardText('[1]')).toMatchObject({ ok: false, error: /is an array/ });
    expect(parseDashboardText('null')).toMatchObject({ ok: false, error: /is null/ });
    expect(parseDashboardText('"x"')).toMatchObject({ ok: false, error: /is string/ });
  });
});

describe('issuePanel', () => {
  it('prefers the panel title, then its id, then the path', () => {
    expect(
      issuePanel({ panelId: 3, panelTitle: 'IOPS', path: 'panels[2].sort', message: 'm' }),
    ).toBe('IOPS');
    expect(issuePanel({ panelId: 3, path: 'panels[2].sort', message: 'm' })).toBe('Panel 3');
    expect(issuePanel({ path: 'templating.list[0]', message: 'm' })).toBe('templating.list[0]');
  });
});

describe('safeLocalUrl', () => {
  it('keeps same-origin paths only', () => {
    expect(safeLocalUrl('/d/abc/pools')).toBe('/d/abc/pools');
    expect(safeLocalUrl('javascript:alert(1)')).toBeUndefined();
    expect(safeLocalUrl('//evil.example/x')).toBeUndefined();
    expect(safeLocalUrl(undefined)).toBeUndefined();
  });
});

describe('datasourceInputs', () => {
  it('lists the Prometheus datasource inputs of an export, once each', () => {
    expect(
      datasourceInputs({
        __inputs: [
          {
            name: 'DS_PROMETHEUS',
            label: 'Prometheus',
            type: 'datasource',
            pluginId: 'prometheus',
          },
          { name: 'DS_LOKI', label: 'Loki', type: 'datasource', pluginId: 'loki' },
          { name: 'VAR_JOB', label: 'job', type: 'constant', value: 'api' },
          { name: 'DS_PROMETHEUS', type: 'datasource', pluginId: 'prometheus' },
          { name: 'DS_OLD', type: 'datasource' },
          { name: '', type: 'datasource' },
          'junk',
        ],
      }),
    ).toEqual([
      { name: 'DS_PROMETHEUS', label: 'Prometheus', pluginId: 'prometheus' },
      { name: 'DS_OLD', label: 'DS_OLD', pluginId: 'prometheus' },
    ]);
    expect(datasourceInputs({})).toEqual([]);
    expect(datasourceInputs({ __inputs: { name: 'x' } })).toEqual([]);
  });
});
