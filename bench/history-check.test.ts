import { describe, expect, it } from 'vitest';
import { answerNumber, windowQueries } from './history-check.ts';

// Literal answers of Debian's Prometheus 2.42 (curl /api/v1/query), 2026-12-05.
describe('answerNumber', () => {
  it('reads the one sample of a vector', () => {
    const body = JSON.parse(
      '{"status":"success","data":{"resultType":"vector","result":[{"metric":{},"value":[1796495824.156,"146"]}]}}',
    );
    expect(answerNumber(body)).toBe(146);
  });

  it('reads an empty vector (nothing matched) as 0', () => {
    const body = JSON.parse('{"status":"success","data":{"resultType":"vector","result":[]}}');
    expect(answerNumber(body)).toBe(0);
  });

  it('reads a scalar', () => {
    const body = JSON.parse(
      '{"status":"success","data":{"resultType":"scalar","result":[1796495824.156,"3.5"]}}',
    );
    expect(answerNumber(body)).toBe(3.5);
  });

  it('throws Prometheus’ error instead of reading it as 0', () => {
    // count_over_time over several metric names whose label sets coincide.
    const body = JSON.parse(
      '{"status":"error","errorType":"execution","error":"vector cannot contain metrics with the same labelset"}',
    );
    expect(() => answerNumber(body)).toThrow(
      'Prometheus: execution: vector cannot contain metrics with the same labelset',
    );
  });

  it('refuses a vector of several samples rather than reading the first', () => {
    const body = JSON.parse(
      '{"status":"success","data":{"resultType":"vector","result":[{"metric":{"a":"1"},"value":[1,"2"]},{"metric":{"a":"2"},"value":[1,"3"]}]}}',
    );
    expect(() => answerNumber(body)).toThrow('expected one sample, got 2');
  });
});

describe('windowQueries', () => {
  it('puts no offset on the 1 h window: Prometheus refuses offset 0s', () => {
    // Debian's Prometheus 2.42 on `…[1h] offset 0s`: "bad_data: invalid parameter "query":
    // 1:86: parse error: duration must be greater than 0" (the bench run of 2026-12-05).
    expect(windowQueries('up{job="demo"}', '1h', null)).toEqual({
      series: 'count(count_over_time(up{job="demo"}[1h]))',
      samples: 'sum(count_over_time(up{job="demo"}[1h]))',
      firstHour: 'sum(count_over_time(up{job="demo"}[1h]))',
    });
    expect(windowQueries('up', '7d', '167h').firstHour).toBe(
      'sum(count_over_time(up[1h] offset 167h))',
    );
  });
});
