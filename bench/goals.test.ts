import { describe, expect, it } from 'vitest';
import { latencyResolution, liveTickGoals, proxyLightGoal } from './goals.ts';

const load = (latenciesMs: number[]) => ({
  requests: latenciesMs.length,
  errors: 0,
  durationS: 1,
  latenciesMs,
});

describe('latencyResolution', () => {
  it('is the gap between the p50s of the two halves of the direct run', () => {
    expect(latencyResolution([0.5, 0.6, 0.5, 0.7, 0.8, 0.7])).toBeCloseTo(0.2, 10);
  });
  it('is never below the clock’s resolution', () => {
    expect(latencyResolution([0.6, 0.6, 0.6, 0.6])).toBe(0.02);
    expect(latencyResolution([])).toBe(0.02);
  });
});

describe('proxyLightGoal', () => {
  it('judges the added latency against the floor’s when the floor adds a measurable amount', () => {
    const direct = load([0.6, 0.6, 0.6, 0.6]);
    expect(proxyLightGoal({ direct, floor: load([0.9, 0.9]), proxy: load([1.0, 1.0]) })).toEqual([
      'Proxy, light distinct (conc. 1): added p50 latency ≤ 1.5× the floor’s',
      '+0.40 ms (1.33× the floor’s)',
      'floor +0.30 ms (direct p50 0.60 ms)',
      '✓',
    ]);
    expect(proxyLightGoal({ direct, floor: load([0.9]), proxy: load([1.6]) })[3]).toBe('✗ missed');
  });

  it('prints n/a, not a ratio, when the floor adds nothing or less than the noise', () => {
    // Run 2026-12-04: the floor's p50 under the direct p50, a ratio of −14×.
    const below = proxyLightGoal({
      direct: load([0.64, 0.64]),
      floor: load([0.6]),
      proxy: load([1.2]),
    });
    expect(below.slice(1)).toEqual([
      '+0.56 ms',
      'floor -0.04 ms (direct p50 0.64 ms)',
      'n/a (floor added latency -0.04 ms below resolution 0.02 ms)',
    ]);
    // The floor adds 0.05 ms, but the direct p50 itself moved 0.1 ms between its halves.
    const noisy = proxyLightGoal({
      direct: load([0.5, 0.5, 0.6, 0.6]),
      floor: load([0.55]),
      proxy: load([1.0]),
    });
    expect(noisy[3]).toBe('n/a (floor added latency 0.05 ms below resolution 0.10 ms)');
  });
});

describe('liveTickGoals', () => {
  const tick = (busyMs: number, longTasks: number, longestTaskMs: number) => ({
    busyMs,
    scriptMs: busyMs / 2,
    longTasks,
    longestTaskMs,
  });

  it('sets the tick against the bare-uPlot floor and counts real long tasks', () => {
    const [time, long] = liveTickGoals(
      [tick(120, 0, 30), tick(100, 0, 45), tick(110, 1, 61)],
      [tick(90, 0, 20), tick(80, 0, 25), tick(100, 0, 30)],
    );
    expect(time).toEqual([
      'Live tick, 8 panels: main-thread time ≤ 1.3× bare uPlot (median per tick, Chrome trace)',
      '110.0 ms (1.22×, 3 ticks)',
      '90.0 ms bare uPlot setData (3 ticks)',
      '✓',
    ]);
    expect(long?.slice(1)).toEqual([
      '1 over 3 ticks, longest 61.0 ms',
      'bare uPlot: 0, longest 30.0 ms',
      '✗ missed',
    ]);
  });

  it('marks the tick missed without a floor', () => {
    expect(liveTickGoals([tick(100, 0, 30)], null)[0]?.[3]).toBe('✗ missed (no floor)');
  });
});
