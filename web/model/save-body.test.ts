import { describe, expect, it } from 'vitest';
import { saveBody } from './dashboard-edit.ts';

const current = { id: 7, uid: 'svc', title: 'Service', version: 9, panels: [{ id: 1 }], x: 1 };

describe('saveBody', () => {
  it('saves in place with the version the dashboard was loaded at, not the working copy’s', () => {
    expect(saveBody('save', current, {}, 4)).toEqual({ ...current, version: 4 });
  });

  it('saves a copy without id, uid or version, under the new title, unknown fields kept', () => {
    expect(saveBody('copy', current, { title: 'Mine' }, 4)).toEqual({
      title: 'Mine',
      panels: [{ id: 1 }],
      x: 1,
    });
  });

  it('saves a new dashboard under the title asked for, or its own', () => {
    expect(saveBody('new', current, { title: 'New one' }, 0).title).toBe('New one');
    expect(saveBody('new', current, {}, 0).title).toBe('Service');
  });
});
