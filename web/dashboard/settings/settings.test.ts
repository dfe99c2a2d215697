import { describe, expect, it } from 'vitest';
import { parseDashboardJson, splitTags } from './settings.ts';

describe('parseDashboardJson', () => {
  it('accepts a dashboard object, keeping every field', () => {
    const text = JSON.stringify({ title: 'A', panels: [{ id: 1 }], anything: { x: 1 } });
    expect(parseDashboardJson(text)).toEqual({
      ok: true,
      dashboard: { title: 'A', panels: [{ id: 1 }], anything: { x: 1 } },
    });
  });

  it('reports the parse error of broken JSON', () => {
    const r = parseDashboardJson('{"title": "A",');
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error).toMatch(/^Not valid JSON: /);
  });

  it('names the first bad field, as the server would', () => {
    expect(parseDashboardJson('[]')).toMatchObject({ ok: false, error: /array/ });
    expect(parseDashboardJson('{"title": ""}')).toEqual({
      ok: false,
      error: 'title: must be a non-empty string',
    });
    expect(parseDashboardJson('{"title": "A", "panels": {}}')).toEqual({
      ok: false,
      error: 'panels: must be an array',
    });
    expect(parseDashboardJson('{"title": "A", "panels": [{}, 3]}')).toEqual({
      ok: false,
      error: 'panels[1]: must be an object',
    });
  });
});

describe('splitTags', () => {
  it('splits on commas and spaces, dropping empties and repeats', () => {
    expect(splitTags(' a, b  c,,a ')).toEqual(['a', 'b', 'c']);
    expect(splitTags('  ')).toEqual([]);
  });
});
