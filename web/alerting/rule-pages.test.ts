// Paging rule groups on literal /api/v1/rules answers: Prometheus 3 with group_limit (tokens
// as it makes them, hex digests), and Prometheus 2.42, which ignores group_limit.
import { describe, expect, it } from 'vitest';
import { type RulesData, readRules } from '../../contract/prometheus.ts';
import { fetchRulePages } from './rule-pages.ts';

const group = (name: string) => ({
  name,
  file: '/etc/prometheus/rules.yml',
  rules: [],
  interval: 15,
  limit: 0,
  evaluationTime: 0.000_1,
  lastEvaluation: '2026-12-05T19:00:00Z',
});

// The "data" of three answers of a Prometheus 3 with group_limit=2 over five groups.
const PROM3: Record<string, unknown> = {
  first: { groups: [group('a'), group('b')], groupNextToken: '8b1a9953c4611296a827abf8c47804d7' },
  '8b1a9953c4611296a827abf8c47804d7': {
    groups: [group('c'), group('d')],
    groupNextToken: 'e4d909c290d0fb1ca068ffaddf22cbd0',
  },
  e4d909c290d0fb1ca068ffaddf22cbd0: { groups: [group('e')] },
};

function server(answers: Record<string, unknown>) {
  const asked: (string | undefined)[] = [];
  const ask = async (token: string | undefined): Promise<RulesData> => {
    asked.push(token);
    return readRules(answers[token ?? 'first']);
  };
  return { ask, asked };
}

const names = (d: RulesData) => d.groups.map((g) => g.name);

describe('fetchRulePages', () => {
  it('asks one page and keeps the token for "Load more"', async () => {
    const s = server(PROM3);
    const out = await fetchRulePages(s.ask, 1);
    expect(names(out)).toEqual(['a', 'b']);
    expect(out.groupNextToken).toBe('8b1a9953c4611296a827abf8c47804d7');
    expect(s.asked).toEqual([undefined]);
  });

  it('asks the loaded pages in order, each with the previous token', async () => {
    const s = server(PROM3);
    const two = await fetchRulePages(s.ask, 2);
    expect(names(two)).toEqual(['a', 'b', 'c', 'd']);
    expect(two.groupNextToken).toBe('e4d909c290d0fb1ca068ffaddf22cbd0');
    const all = await fetchRulePages(server(PROM3).ask, 3);
    expect(names(all)).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(all.groupNextToken).toBeUndefined();
  });

  it('stops at the last page however many were asked for', async () => {
    const s = server(PROM3);
    const out = await fetchRulePages(s.ask, 10);
    expect(names(out)).toHaveLength(5);
    expect(s.asked).toHaveLength(3);
  });

  it('a Prometheus 2.42 answer (group_limit ignored) is one page with no "Load more"', async () => {
    const s = server({ first: { groups: [group('a'), group('b'), group('c')] } });
    const out = await fetchRulePages(s.ask, 1);
    expect(out).toEqual({ groups: expect.any(Array) });
    expect(names(out)).toEqual(['a', 'b', 'c']);
  });

  it('a token given twice ends the paging instead of asking the same groups again', async () => {
    const s = server({
      first: { groups: [group('a')], groupNextToken: 'abc' },
      abc: { groups: [group('b')], groupNextToken: 'abc' },
    });
    const out = await fetchRulePages(s.ask, 5);
    expect(names(out)).toEqual(['a', 'b']);
    expect(out.groupNextToken).toBeUndefined();
    expect(s.asked).toEqual([undefined, 'abc']);
  });
});
