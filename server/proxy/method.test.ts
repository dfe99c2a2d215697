import { describe, expect, it } from 'vitest';
import { withMethod } from './method.ts';

describe('withMethod (jsonData.httpMethod)', () => {
  it('leaves the call alone when nothing is configured or the method already matches', () => {
    const call = { method: 'GET' as const, query: 'query=up' };
    expect(withMethod(undefined, call)).toBe(call);
    expect(withMethod('GET', call)).toBe(call);
  });

  it('moves the query string into a form for POST', () => {
    expect(withMethod('POST', { method: 'GET', query: 'query=up&time=1' })).toEqual({
      method: 'POST',
      query: '',
      form: 'query=up&time=1',
    });
  });

  it('moves the form (and any query) into the query string for GET', () => {
    expect(withMethod('GET', { method: 'POST', query: 'a=1', form: 'query=up' })).toEqual({
      method: 'GET',
      query: 'a=1&query=up',
    });
  });
});
