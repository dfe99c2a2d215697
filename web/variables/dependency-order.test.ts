// dependency-order.ts: the order variables are resolved in, a cycle included.
import { describe, expect, it } from 'vitest';
import { dependencyOrder } from './dependency-order.ts';
import { readVariable } from './model.ts';

const def = (raw: Record<string, unknown>) => readVariable(raw)!;

describe('dependencyOrder', () => {
  it('puts a cycle after the rest, in list order', () => {
    const a = def({ name: 'a', query: 'label_values(x{b="$b"}, a)' });
    const b = def({ name: 'b', query: 'label_values(x{a="$a"}, b)' });
    const c = def({ name: 'c', query: 'label_values(c)' });
    expect(dependencyOrder([a, b, c]).map((d) => d.name)).toEqual(['c', 'a', 'b']);
  });
});
