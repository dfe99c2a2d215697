import { describe, expect, it } from 'vitest';
import { frameScheduler } from './frame-scheduler.ts';

describe('frameScheduler', () => {
  it('runs what is queued before a frame in that one frame, in order', () => {
    const frames: (() => void)[] = [];
    const schedule = frameScheduler((cb) => frames.push(cb));
    const ran: string[] = [];
    schedule(() => ran.push('a'));
    schedule(() => ran.push('b'));
    schedule(() => ran.push('c'));
    expect(frames).toHaveLength(1);
    expect(ran).toEqual([]);
    frames[0]!();
    expect(ran).toEqual(['a', 'b', 'c']);
  });

  it('asks for a new frame for what is queued after one ran, and for what a callback queues', () => {
    const frames: (() => void)[] = [];
    const schedule = frameScheduler((cb) => frames.push(cb));
    const ran: string[] = [];
    schedule(() => {
      ran.push('a');
      schedule(() => ran.push('inner'));
    });
    frames[0]!();
    expect(ran).toEqual(['a']);
    expect(frames).toHaveLength(2);
    schedule(() => ran.push('b'));
    expect(frames).toHaveLength(2);
    frames[1]!();
    expect(ran).toEqual(['a', 'inner', 'b']);
  });
});
