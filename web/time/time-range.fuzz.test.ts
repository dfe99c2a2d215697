// Property tests (fast-check) for the time-range grammar: whatever is typed or put in the URL,
// the parser answers with a range or a message, never throws, and never returns a time
// outside what Date can hold.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseTimeExpr, resolveRange } from './time-range.ts';

const NOW = Date.UTC(2026, 10, 22, 12, 0, 0);
const HOSTILE = [
  '',
  'now-',
  'now/',
  'now/2d',
  'now+99999999999999999y',
  '../../etc',
  '%00',
  '<img src=x onerror=1>',
  'now-1h;drop',
  '9'.repeat(400),
  'NaN',
  'Infinity',
  '-1',
  '2026-13-45',
  'now--1h',
  'now-1.5h',
  'now-1h/d/M+5s',
];

const part = fc.oneof(
  fc.constantFrom(...HOSTILE),
  fc.string(),
  fc
    .array(
      fc.tuple(
        fc.constantFrom('+', '-', '/', ''),
        fc.nat({ max: 1e12 }),
        fc.constantFrom('s', 'm', 'h', 'd', 'w', 'M', 'y', 'x', ''),
      ),
    )
    .map((steps) => `now${steps.map(([op, n, u]) => `${op}${n}${u}`).join('')}`),
  fc.integer({ min: -1e17, max: 1e17 }).map(String),
  fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
);

describe('time range grammar, fuzzed', () => {
  it('parseTimeExpr returns null or a finite time Date can hold', () => {
    fc.assert(
      fc.property(part, fc.boolean(), (expr, roundUp) => {
        const t = parseTimeExpr(expr, NOW, roundUp);
        if (t !== null) {
          expect(Number.isFinite(t)).toBe(true);
          expect(Number.isNaN(new Date(t).getTime())).toBe(false);
        }
      }),
      { numRuns: 3000, seed: 42 },
    );
  });

  it('resolveRange gives an ordered range or a message naming the bad side', () => {
    fc.assert(
      fc.property(part, part, (from, to) => {
        const r = resolveRange({ from, to }, NOW);
        if ('error' in r) expect(r.error).toMatch(/Invalid "from"|Invalid "to"|must be before/);
        else expect(r.start).toBeLessThan(r.end);
      }),
      { numRuns: 3000, seed: 7 },
    );
  });
});
