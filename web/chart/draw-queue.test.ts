import { describe, expect, it } from 'vitest';
import { drawQueue } from './draw-queue.ts';

/** A queue whose tasks run only when the test says so, one at a time. */
function manual() {
  const tasks: (() => void)[] = [];
  const queue = drawQueue((run) => tasks.push(run));
  const runTask = () => tasks.shift()!();
  return { queue, tasks, runTask };
}

describe('drawQueue', () => {
  it('draws each chart in a task of its own, in the order they asked', () => {
    const { queue, tasks, runTask } = manual();
    const drawn: string[] = [];
    const charts = ['a', 'b', 'c'].map((name) => ({ name }));
    for (const c of charts) queue.schedule(c, () => drawn.push(c.name));
    expect(drawn).toEqual([]);
    expect(tasks).toHaveLength(1);
    const perTask: string[][] = [];
    while (tasks.length > 0) {
      const before = drawn.length;
      runTask();
      perTask.push(drawn.slice(before));
    }
    expect(perTask).toEqual([['a'], ['b'], ['c']]);
    expect(queue.size).toBe(0);
  });

  it('draws a chart given new data while it waits once, with the latest, in its first place', () => {
    const { queue, tasks, runTask } = manual();
    const drawn: string[] = [];
    const a = {};
    const b = {};
    queue.schedule(a, () => drawn.push('a1'));
    queue.schedule(b, () => drawn.push('b1'));
    queue.schedule(a, () => drawn.push('a2'));
    expect(queue.size).toBe(2);
    while (tasks.length > 0) runTask();
    expect(drawn).toEqual(['a2', 'b1']);
  });

  it('asks again for a chart scheduled after it drew, and runs nothing for a cancelled one', () => {
    const { queue, tasks, runTask } = manual();
    const drawn: string[] = [];
    const a = {};
    const b = {};
    queue.schedule(a, () => drawn.push('a'));
    runTask();
    queue.schedule(a, () => drawn.push('a again'));
    queue.schedule(b, () => drawn.push('b'));
    queue.cancel(a);
    while (tasks.length > 0) runTask();
    expect(drawn).toEqual(['a', 'b']);
  });

  it('keeps drawing the charts behind one whose draw throws', () => {
    const { queue, tasks, runTask } = manual();
    const drawn: string[] = [];
    queue.schedule({}, () => {
      throw new Error('broken chart');
    });
    queue.schedule({}, () => drawn.push('next'));
    expect(() => runTask()).toThrow('broken chart');
    while (tasks.length > 0) runTask();
    expect(drawn).toEqual(['next']);
  });
});
