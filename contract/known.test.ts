import { describe, expect, it } from 'vitest';
import { applyKnown, digestUpTo, formatKnown, parseKnown } from './known.ts';

const a = {
  metric: { route: '/a' },
  values: [
    [100, '1'],
    [110, '2'],
    [120, '3'],
  ] as [number, string][],
};
const b = {
  metric: { route: '/b', code: '500' },
  values: [
    [110, '0.5'],
    [120, '0.25'],
  ] as [number, string][],
};

const answer = (result: unknown[], extra: object = {}) =>
  JSON.stringify({ status: 'success', data: { resultType: 'matrix', result }, ...extra });

describe('the X-Promscope-Known header', () => {
  it('round-trips and refuses anything not exactly in its form', () => {
    const known = { t: 1700000010, digest: '0123456789abcdef' };
    expect(parseKnown(formatKnown(known))).toEqual(known);
    expect(parseKnown('t=1700000010.5; digest=0123456789abcdef')?.t).toBe(1700000010.5);
    for (const bad of [
      null,
      '',
      't=1; digest=0123',
      't=-1; digest=0123456789abcdef',
      't=1e9; digest=0123456789abcdef',
      't=1; digest=0123456789ABCDEG',
      't=1; digest=0123456789abcdef; x=1',
    ]) {
      expect(parseKnown(bad)).toBeUndefined();
    }
  });
});

describe('digestUpTo', () => {
  it('covers only the points in [from, until], and nothing digests as nothing', () => {
    const all = digestUpTo([a, b], 120);
    expect(all).toMatch(/^[0-9a-f]{16}$/);
    expect(digestUpTo([a, b], 110)).not.toBe(all);
    expect(digestUpTo([a, b], 119)).toBe(digestUpTo([a, b], 110));
    expect(digestUpTo([a, b], 120, 110)).not.toBe(all);
    expect(digestUpTo([a, b], 99)).toBe(digestUpTo([], 99));
  });

  it('does not depend on series order or label order', () => {
    const flipped = { metric: { code: '500', route: '/b' }, values: b.values };
    expect(digestUpTo([flipped, a], 120)).toBe(digestUpTo([a, b], 120));
  });

  it('changes with any value, time, label or series', () => {
    const base = digestUpTo([a, b], 120);
    const changed = [
      [
        {
          ...a,
          values: [
            [100, '1'],
            [110, '2.0'],
            [120, '3'],
          ],
        },
        b,
      ],
      [
        {
          ...a,
          values: [
            [100, '1'],
            [111, '2'],
            [120, '3'],
          ],
        },
        b,
      ],
      [{ ...a, metric: { route: '/c' } }, b],
      [a],
      [a, b, { metric: {}, values: [[120, '0']] }],
      // The same points under the other series' labels.
      [
        { metric: a.metric, values: b.values },
        { metric: b.metric, values: a.values },
      ],
    ] as (typeof a)[][];
    for (const series of changed) expect(digestUpTo(series, 120)).not.toBe(base);
  });
});

describe('applyKnown', () => {
  it('sends only the later points when the held ones digest alike, keeping warnings', () => {
    const known = { t: 110, digest: digestUpTo([a, b], 110, 100) };
    const out = applyKnown(answer([a, b], { warnings: ['w'] }), known);
    expect(out.outcome).toBe('applied');
    expect(JSON.parse(out.body)).toEqual({
      status: 'success',
      data: {
        resultType: 'matrix',
        result: [
          { metric: a.metric, values: [[120, '3']] },
          { metric: b.metric, values: [[120, '0.25']] },
        ],
      },
      warnings: ['w'],
    });
  });

  it('leaves out series with nothing later', () => {
    const short = { metric: { route: '/s' }, values: [[100, '9']] as [number, string][] };
    const known = { t: 110, digest: digestUpTo([a, short], 110) };
    const out = applyKnown(answer([a, short]), known);
    expect(JSON.parse(out.body).data.result).toEqual([{ metric: a.metric, values: [[120, '3']] }]);
  });

  it('sends the whole answer, untouched, when a held value changed', () => {
    const known = { t: 110, digest: digestUpTo([a, b], 110) };
    const late = {
      ...b,
      values: [
        [110, '0.75'],
        [120, '0.25'],
      ],
    };
    const text = answer([a, late]);
    expect(applyKnown(text, known)).toEqual({ outcome: 'mismatch', body: text });
  });

  it('touches nothing that is not a plain matrix answer', () => {
    const known = { t: 110, digest: digestUpTo([], 110) };
    for (const text of [
      '{"status":"error","errorType":"bad_data","error":"parse error"}',
      '{"status":"success","data":{"resultType":"vector","result":[]}}',
      '{"status":"success","data":{"resultType":"matrix","result":[{"metric":{},"histograms":[[1,{}]]}]}}',
      '{"status":"success","data":{"resultType":"matrix","result":[{"metric":{},"values":[[1,2]]}]}}',
      '{"status":"success","data":{"resultType":"matrix","result":[{"metric":{},"val',
      '<html>502</html>',
    ]) {
      expect(applyKnown(text, known)).toEqual({ outcome: 'none', body: text });
    }
  });
});
