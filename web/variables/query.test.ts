import { describe, expect, it } from 'vitest';
import { answerValues, parseVariableQuery, seriesText, variableApiCall } from './query.ts';

describe('parseVariableQuery', () => {
  it('reads every Grafana function', () => {
    expect(parseVariableQuery('label_values(job)')).toEqual({ kind: 'label_values', label: 'job' });
    expect(parseVariableQuery('label_values(up{job="a", x=~"b,c"}, instance)')).toEqual({
      kind: 'label_values',
      label: 'instance',
      match: 'up{job="a", x=~"b,c"}',
    });
    expect(parseVariableQuery('label_names()')).toEqual({ kind: 'label_names' });
    expect(parseVariableQuery('label_names(up)')).toEqual({ kind: 'label_names', match: 'up' });
    expect(parseVariableQuery('metrics(^http_.*)')).toEqual({ kind: 'metrics', regex: '^http_.*' });
    expect(parseVariableQuery('query_result(topk(5, sum by (route) (rate(x[5m]))))')).toEqual({
      kind: 'query_result',
      expr: 'topk(5, sum by (route) (rate(x[5m])))',
    });
    expect(parseVariableQuery('up{job="a"}')).toEqual({ kind: 'series', match: 'up{job="a"}' });
    expect(parseVariableQuery('  ')).toEqual({ error: 'the query is empty' });
    expect(parseVariableQuery('label_values(up, "not a label")')).toHaveProperty('error');
  });
});

describe('variableApiCall', () => {
  const range = { start: 100, end: 200 };
  it('asks the label values endpoint, with match[] when a metric is given', () => {
    expect(variableApiCall({ kind: 'label_values', label: 'route', match: 'x' }, range)).toEqual({
      endpoint: 'label/route/values',
      params: { 'match[]': 'x', start: '100', end: '200', limit: '10000' },
    });
  });
  it('asks an instant query at the range end for query_result', () => {
    expect(variableApiCall({ kind: 'query_result', expr: 'up' }, range)).toEqual({
      endpoint: 'query',
      params: { query: 'up', time: '200' },
    });
  });
});

describe('answerValues', () => {
  it('filters metric names by the regex', () => {
    expect(answerValues({ kind: 'metrics', regex: '^http_' }, ['http_a', 'up', 'http_b'])).toEqual([
      'http_a',
      'http_b',
    ]);
  });
  it('writes query results as Grafana does', () => {
    const data = {
      resultType: 'vector',
      result: [{ metric: { __name__: 'up', job: 'a', instance: 'h:1' }, value: [1700000000, '1'] }],
    };
    expect(answerValues({ kind: 'query_result', expr: 'up' }, data)).toEqual([
      'up{job="a",instance="h:1"} 1 1700000000000',
    ]);
    expect(
      answerValues({ kind: 'query_result', expr: '1' }, { resultType: 'scalar', result: [5, '1'] }),
    ).toEqual(['scalar 1 5000']);
  });
  it('writes series without a name', () => {
    expect(seriesText({ a: '1' })).toBe('{a="1"}');
  });
});
