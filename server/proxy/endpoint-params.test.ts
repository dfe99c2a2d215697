import { describe, expect, it } from 'vitest';
import { getOnlyRefusal } from './endpoint-params.ts';

const MAX = 100;
const pairs = (qs: string) => [...new URLSearchParams(qs)];
const check = (endpoint: string, qs: string, method = 'GET') =>
  getOnlyRefusal(endpoint, method, pairs(qs), MAX);

describe('the alerting and scrape endpoints take their documented parameters', () => {
  // https://prometheus.io/docs/prometheus/latest/querying/api/#rules, #alerts, #targets
  it.each([
    ['alerts', ''],
    ['rules', ''],
    ['rules', 'type=alert'],
    ['rules', 'type=record'],
    ['rules', 'type=RECORD'],
    ['rules', 'type='],
    ['rules', 'rule_name[]=HighLatency&rule_name[]=job:up:sum'],
    ['rules', 'rule_group[]=a&rule_group[]=b&file[]=/etc/prometheus/rules.yml'],
    ['rules', 'match[]={severity="page"}&match[]=up'],
    ['rules', 'exclude_alerts=true'],
    ['rules', 'exclude_alerts=0'],
    ['rules', 'group_limit=10&group_next_token=a1b2c3'],
    ['targets', ''],
    ['targets', 'state=active'],
    ['targets', 'state=dropped'],
    ['targets', 'state=any'],
    ['targets', 'scrapePool=node'],
    ['targets', 'state=active&scrapePool=a b/c'],
  ])('%s?%s', (endpoint, qs) => {
    expect(check(endpoint, qs)).toBeUndefined();
  });

  it('leaves the query endpoints to Prometheus', () => {
    expect(check('query', 'query=up&anything=1')).toBeUndefined();
    expect(check('query_range', 'x=1', 'POST')).toBeUndefined();
  });
});

describe('the alerting and scrape endpoints refuse', () => {
  it('any method but GET', () => {
    for (const endpoint of ['alerts', 'rules', 'targets']) {
      for (const method of ['POST', 'PUT', 'DELETE', 'PATCH']) {
        expect(check(endpoint, '', method)).toEqual({
          status: 405,
          message: `${endpoint} is read with GET only, as Prometheus serves it`,
        });
      }
    }
  });

  it.each([
    ['alerts', 'x=1', 'parameter "x" is not one alerts takes (it takes none)'],
    ['alerts', 'query=up', 'parameter "query" is not one alerts takes (it takes none)'],
    [
      'rules',
      'state=firing',
      'parameter "state" is not one rules takes (type, exclude_alerts, group_limit, group_next_token, rule_name[], rule_group[], file[], match[])',
    ],
    [
      'rules',
      'rule_name=x',
      expect.stringMatching(/^parameter "rule_name" is not one rules takes/),
    ],
    ['targets', 'type=alert', expect.stringMatching(/^parameter "type" is not one targets takes/)],
    ['targets', 'scrape_pool=x', expect.stringMatching(/^parameter "scrape_pool"/)],
    ['targets', 'timeout=1s', expect.stringMatching(/^parameter "timeout"/)],
    ['rules', 'type=alerts', 'type must be one of alert, record, not "alerts"'],
    ['rules', 'type=alert&type=record', 'type is given more than once'],
    ['rules', 'exclude_alerts=yes', 'exclude_alerts must be true or false, not "yes"'],
    ['rules', 'group_limit=0', 'group_limit must be a positive integer, not "0"'],
    ['rules', 'group_limit=-1', 'group_limit must be a positive integer, not "-1"'],
    ['rules', 'group_limit=1e3', 'group_limit must be a positive integer, not "1e3"'],
    ['rules', 'group_next_token=../x', expect.stringMatching(/^group_next_token must be a token/)],
    ['targets', 'state=down', 'state must be one of active, dropped, any, not "down"'],
    ['targets', 'scrapePool=', 'scrapePool must be a scrape pool name, not ""'],
    ['targets', 'scrapePool=a&scrapePool=b', 'scrapePool is given more than once'],
  ])('%s?%s', (endpoint, qs, message) => {
    expect(check(endpoint, qs)).toEqual({ status: 400, message });
  });

  it('values over the length cap, and names them only in part', () => {
    const long = 'a'.repeat(MAX + 1);
    expect(check('rules', `rule_name[]=${long}`)).toEqual({
      status: 400,
      message: `rule_name[] is over the ${MAX}-character limit`,
    });
    expect(check('targets', `scrapePool=${long}`)?.status).toBe(400);
    expect(check('rules', `rule_name[]=${'a'.repeat(MAX)}`)).toBeUndefined();
    const unknown = check('alerts', `${'k'.repeat(10_000)}=1`);
    expect(unknown?.message.length).toBeLessThan(120);
  });
});
