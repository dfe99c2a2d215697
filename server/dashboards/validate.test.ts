import { describe, expect, it } from 'vitest';
import {
  assertUid,
  checkPanelCount,
  checkRestoreRequest,
  checkSaveRequest,
  countPanels,
} from './validate.ts';

const error = (body: unknown) => {
  const r = checkSaveRequest(body);
  return r.ok ? null : r.error;
};

describe('checkSaveRequest', () => {
  it('accepts a minimal dashboard and fills the defaults', () => {
    expect(checkSaveRequest({ dashboard: { title: 'A' } })).toEqual({
      ok: true,
      value: { dashboard: { title: 'A' }, overwrite: false, message: '' },
    });
  });

  it('accepts Grafana’s "no uid yet" spellings and a null version', () => {
    for (const uid of [null, '']) {
      expect(error({ dashboard: { title: 'A', uid, version: null } })).toBeNull();
    }
  });

  it.each([
    [null, 'body: must be a JSON object'],
    [[], 'body: must be a JSON object'],
    [{}, 'dashboard: must be a JSON object'],
    [{ dashboard: [] }, 'dashboard: must be a JSON object'],
    [{ dashboard: {} }, 'dashboard.title: must be a non-empty string'],
    [{ dashboard: { title: '   ' } }, 'dashboard.title: must be a non-empty string'],
    [{ dashboard: { title: 3 } }, 'dashboard.title: must be a non-empty string'],
    [{ dashboard: { title: 'A', panels: {} } }, 'dashboard.panels: must be an array'],
    [{ dashboard: { title: 'A', uid: '../x' } }, 'dashboard.uid: must be 1–40 characters'],
    [{ dashboard: { title: 'A', uid: 'a'.repeat(41) } }, 'dashboard.uid: must be 1–40'],
    [{ dashboard: { title: 'A', uid: 7 } }, 'dashboard.uid: must be 1–40'],
    [{ dashboard: { title: 'A', version: '2' } }, 'dashboard.version: must be a number'],
    [{ dashboard: { title: 'A' }, overwrite: 'yes' }, 'overwrite: must be a boolean'],
    [{ dashboard: { title: 'A' }, message: 1 }, 'message: must be a string'],
  ])('%j → %s', (body, why) => {
    expect(error(body)).toMatch(new RegExp(`^${why.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
  });

  it('names the first bad field when several are bad', () => {
    expect(error({ dashboard: { panels: 1, uid: '!' } })).toMatch(/^dashboard\.title:/);
  });

  it('caps the message at 500 characters', () => {
    const r = checkSaveRequest({ dashboard: { title: 'A' }, message: 'm'.repeat(600) });
    expect(r.ok && r.value.message.length).toBe(500);
  });
});

describe('checkRestoreRequest', () => {
  it('takes a positive whole version', () => {
    expect(checkRestoreRequest({ version: 3 })).toEqual({ ok: true, value: 3 });
    for (const body of [{}, { version: 0 }, { version: 1.5 }, { version: '2' }, null]) {
      expect(checkRestoreRequest(body).ok).toBe(false);
    }
  });
});

describe('assertUid', () => {
  it('lets through only names that are safe as file names', () => {
    expect(assertUid('abc_D-9')).toBe('abc_D-9');
    for (const uid of ['', '..', 'a/b', 'a.json', '%2e%2e']) expect(() => assertUid(uid)).toThrow();
  });
});

const stats = (n: number, from = 1) =>
  Array.from({ length: n }, (_, i) => ({ id: from + i, type: 'stat' }));

describe('countPanels', () => {
  it('counts panels, rows, the panels inside rows (collapsed or not) and old rows[]', () => {
    const d = {
      title: 'A',
      panels: [
        ...stats(3),
        { id: 10, type: 'row', collapsed: true, panels: stats(4, 11) },
        { id: 20, type: 'row', collapsed: false, panels: [] },
      ],
      rows: [{ panels: stats(2, 30) }, { title: 'no panels' }, 'junk'],
    };
    expect(countPanels(d)).toBe(3 + 1 + 4 + 1 + 2);
  });

  it('reads no deeper than Grafana nests, and ignores what is not a list', () => {
    const deep = { id: 1, type: 'row', panels: [{ id: 2, type: 'row', panels: stats(50) }] };
    expect(countPanels({ title: 'A', panels: [deep] })).toBe(2);
    expect(countPanels({ title: 'A', panels: 'x', rows: 3 })).toBe(0);
  });
});

describe('checkPanelCount', () => {
  it('accepts up to the limit and refuses past it, naming the count and the limit', () => {
    const at = { title: 'A', panels: stats(5) };
    expect(checkPanelCount(at, 5)).toEqual({ ok: true, value: at });
    const over = { title: 'A', panels: [{ id: 9, type: 'row', panels: stats(5) }] };
    const r = checkPanelCount(over, 5);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error).toMatch(/^dashboard\.panels: 6 panels .* limit of 5 \(MAX_PANELS\)/);
  });
});
