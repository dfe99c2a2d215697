import { describe, expect, it } from 'vitest';
import { covered, type TraceEvent, ticksFromTrace } from './trace.ts';

describe('covered', () => {
  it('counts overlapping spans once and clips to the window', () => {
    expect(
      covered(
        [
          [0, 10],
          [5, 20],
          [30, 40],
          [95, 120],
        ],
        0,
        100,
      ),
    ).toBe(35);
  });
});

describe('ticksFromTrace', () => {
  const meta = (tid: number, name: string): TraceEvent => ({
    name: 'thread_name',
    ph: 'M',
    ts: 0,
    pid: 1,
    tid,
    args: { name },
  });
  const task = (ts: number, dur: number, tid = 10, name = 'RunTask'): TraceEvent => ({
    name,
    ph: 'X',
    ts,
    dur,
    pid: 1,
    tid,
  });
  const send = (ts: number): TraceEvent => ({
    name: 'ResourceSendRequest',
    ph: 'I',
    ts,
    pid: 1,
    tid: 10,
    args: { data: { url: 'http://x/api/datasources/proxy/uid/p/api/v1/query_range?query=up' } },
  });

  it('sums main-thread tasks per tick and the JS inside them, not other threads', () => {
    const events = [
      meta(10, 'CrRendererMain'),
      meta(11, 'Compositor'),
      send(1_000_000),
      send(1_010_000), // same tick
      task(990_000, 8_000), // the timer task sending the requests
      task(992_000, 5_000, 10, 'FunctionCall'),
      task(1_200_000, 12_000), // answers handled and drawn
      task(1_200_000, 4_000, 10, 'RunMicrotasks'),
      task(1_300_000, 50_000, 11), // compositor thread: not counted
      send(6_000_000), // the next tick
      task(6_100_000, 3_000),
    ];
    expect(ticksFromTrace(events)).toEqual([
      { busyMs: 20, scriptMs: 9, longTasks: 0, longestTaskMs: 12 },
      { busyMs: 3, scriptMs: 0, longTasks: 0, longestTaskMs: 3 },
    ]);
  });

  it('counts real long tasks, not the sum of many short ones', () => {
    const events = [
      meta(10, 'CrRendererMain'),
      meta(11, 'Compositor'),
      send(1_000_000),
      // 8 tasks of 40 ms: 320 ms of main-thread time, no long task.
      ...Array.from({ length: 8 }, (_, i) => task(1_050_000 + i * 100_000, 40_000)),
      task(2_000_000, 90_000, 11), // not the main thread
      send(6_000_000),
      task(6_050_000, 51_000), // a long task
      task(6_200_000, 120_000), // the longest
      task(6_400_000, 50_000), // exactly 50 ms is not over 50 ms
    ];
    const [a, b] = ticksFromTrace(events);
    expect(a).toEqual({ busyMs: 320, scriptMs: 0, longTasks: 0, longestTaskMs: 40 });
    expect(b).toMatchObject({ longTasks: 2, longestTaskMs: 120 });
  });
});
