import { describe, expect, it } from 'vitest';
import { readAnnotation } from '../view/annotation-defs.ts';
import {
  annotationsOf,
  DS_VARIABLE,
  filterFor,
  isBuiltInAnnotation,
  moveAnnotation,
  newAnnotation,
  removeAnnotation,
  showInOf,
  updateAnnotation,
  withAnnotations,
} from './annotation-edit.ts';

const builtIn = { builtIn: 1, name: 'Annotations & Alerts', enable: true, hide: true };
const deploys = { name: 'Deploys', expr: 'changes(build_info[1m]) > 0', enable: true, x: 1 };

describe('annotation-edit', () => {
  it('reads and writes the list, keeping other fields of annotations', () => {
    const dash = { title: 'd', annotations: { list: [builtIn, null, deploys], other: 1 } };
    expect(annotationsOf(dash)).toEqual([builtIn, deploys]);
    const next = withAnnotations(dash, [deploys]);
    expect(next.annotations).toEqual({ list: [deploys], other: 1 });
    expect(dash.annotations.list).toHaveLength(3); // not changed in place
    expect(annotationsOf({})).toEqual([]);
  });

  it('makes a new Prometheus entry on the dashboard datasource, with a free name', () => {
    const a = newAnnotation([{ name: 'New annotation' }]);
    expect(a.name).toBe('New annotation 2');
    expect(a.datasource).toEqual({ type: 'prometheus', uid: DS_VARIABLE });
    // On and shown, and read as a Prometheus entry with no query yet.
    const def = readAnnotation(a, 0);
    expect([def.enable, def.hide, def.unsupported]).toEqual([true, false, 'no query']);
  });

  it('patches one entry, removing fields set to undefined, keeping unknown ones', () => {
    const list = [builtIn, { ...deploys, filter: { exclude: true, ids: [1] } }];
    const next = updateAnnotation(list, 1, { expr: 'up == 0', filter: undefined });
    expect(next[1]).toEqual({ ...deploys, expr: 'up == 0' });
    expect(next[0]).toBe(builtIn);
  });

  it('knows the built-in entry by builtIn 1 or true', () => {
    expect(isBuiltInAnnotation(builtIn)).toBe(true);
    expect(isBuiltInAnnotation({ ...builtIn, builtIn: true })).toBe(true);
    expect(isBuiltInAnnotation(deploys)).toBe(false);
  });

  it('moves and removes', () => {
    const list = [builtIn, deploys];
    expect(moveAnnotation(list, 1, -1)).toEqual([deploys, builtIn]);
    expect(moveAnnotation(list, 1, 1)).toEqual(list);
    expect(removeAnnotation(list, 0)).toEqual([deploys]);
  });

  it('reads and writes Grafana\'s "Show in" as filter.exclude / filter.ids', () => {
    expect(showInOf({})).toBe('all');
    expect(showInOf({ filter: { exclude: false, ids: [2] } })).toBe('selected');
    expect(showInOf({ filter: { exclude: true, ids: [2] } })).toBe('except');
    expect(filterFor('all', [2])).toEqual({ filter: undefined });
    expect(filterFor('except', [2, 3])).toEqual({ filter: { exclude: true, ids: [2, 3] } });
    expect(filterFor('selected', [])).toEqual({ filter: { exclude: false, ids: [] } });
  });
});
