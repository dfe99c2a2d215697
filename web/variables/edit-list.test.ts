import { describe, expect, it } from 'vitest';
import type { Json } from './edit-list.ts';
import {
  duplicateVariable,
  moveVariable,
  nextName,
  referencedVariables,
  removeVariable,
  variablesOf,
  withVariables,
} from './edit-list.ts';

describe('nextName', () => {
  it('numbers after the type, taking the first free number', () => {
    expect(nextName([{ name: 'query0' }, { name: 'query2' }], 'query')).toBe('query1');
    expect(nextName([], 'interval')).toBe('interval0');
  });
});

describe('variablesOf / withVariables', () => {
  it('reads and writes templating.list, keeping the rest of the dashboard and templating', () => {
    const d: Json = { title: 't', templating: { list: [{ name: 'a' }], enable: true }, x: 1 };
    expect(variablesOf(d)).toEqual([{ name: 'a' }]);
    expect(variablesOf({})).toEqual([]);
    const next = withVariables(d, [{ name: 'b' }]);
    expect(next).toEqual({ title: 't', templating: { list: [{ name: 'b' }], enable: true }, x: 1 });
    expect(d.templating).toEqual({ list: [{ name: 'a' }], enable: true });
  });
});

describe('order and copies', () => {
  const list = [{ name: 'a' }, { name: 'b' }, { name: 'c' }];
  const names = (l: Json[]) => l.map((v) => v.name);
  it('moves up and down, and not past the ends', () => {
    expect(names(moveVariable(list, 2, -1))).toEqual(['a', 'c', 'b']);
    expect(names(moveVariable(list, 0, 1))).toEqual(['b', 'a', 'c']);
    expect(names(moveVariable(list, 0, -1))).toEqual(['a', 'b', 'c']);
    expect(names(moveVariable(list, 2, 1))).toEqual(['a', 'b', 'c']);
  });
  it('duplicates right after the original with a free copy_of_ name, deep-copied', () => {
    const withQ = [{ name: 'a', query: { query: 'x' } }, { name: 'copy_of_a' }];
    const { list: out, index } = duplicateVariable(withQ, 0);
    expect(index).toBe(1);
    expect(names(out)).toEqual(['a', 'copy_of_a_1', 'copy_of_a']);
    expect(out[1]!.query).toEqual({ query: 'x' });
    expect(out[1]!.query).not.toBe(withQ[0]!.query);
  });
  it('removes', () => {
    expect(names(removeVariable(list, 1))).toEqual(['a', 'c']);
  });
});

describe('referencedVariables', () => {
  it('finds names used by panels and by other variables, not by a variable itself', () => {
    const d: Json = {
      panels: [{ targets: [{ expr: 'up{job=~"$job"}' }], title: '${instance:csv}' }],
      templating: {
        list: [
          { name: 'job', query: 'label_values(job)' },
          { name: 'instance', query: 'label_values(up{job=~"$job"}, instance)' },
          { name: 'unused', query: 'label_values(x)', current: { value: '$unused' } },
        ],
      },
    };
    expect([...referencedVariables(d)].sort()).toEqual(['instance', 'job']);
  });
});
