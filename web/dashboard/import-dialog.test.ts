import { describe, expect, it } from 'vitest';
import { issuePanel, parseDashboardText, safeLocalUrl } from './import-dialog.ts';

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
