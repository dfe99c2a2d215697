import { describe, expect, it } from 'vitest';
import type { Datasource } from '../datasources/registry.ts';
import { startingDatasources } from './apply.ts';

const builtIn: Datasource = {
  uid: 'prometheus',
  name: 'Prometheus',
  url: 'http://localhost:9090',
  isDefault: true,
  scrapeIntervalS: 15,
  provisioned: true,
};
const ds = (uid: string, url: string, isDefault = false): Datasource => ({
  uid,
  name: uid,
  url,
  isDefault,
  scrapeIntervalS: 15,
  provisioned: true,
});
const prov = (datasources: Datasource[], deleted: string[] = []) => ({
  datasources,
  deleted,
  skipped: [],
  errors: [],
  notes: [],
});

describe('startingDatasources', () => {
  it('is the built-in one alone without PROVISIONING_DIR', () => {
    expect(startingDatasources(builtIn, false, null)).toEqual([builtIn]);
  });

  it('drops the unset built-in localhost one when the files give a datasource', () => {
    const out = startingDatasources(builtIn, false, prov([ds('a', 'http://a:9090')]));
    expect(out.map((d) => [d.uid, d.isDefault])).toEqual([['a', true]]);
  });

  it('keeps a given PROMETHEUS_URL, giving the default to a provisioned default', () => {
    const out = startingDatasources(builtIn, true, prov([ds('a', 'http://a:9090', true)]));
    expect(out.map((d) => [d.uid, d.isDefault])).toEqual([
      ['prometheus', false],
      ['a', true],
    ]);
    expect(builtIn.isDefault).toBe(true);
  });

  it('lets a provisioned uid "prometheus" replace the built-in, and deleteDatasources remove it', () => {
    expect(
      startingDatasources(builtIn, true, prov([ds('prometheus', 'http://p:9090')])).map(
        (d) => d.url,
      ),
    ).toEqual(['http://p:9090']);
    expect(startingDatasources(builtIn, true, prov([], ['Prometheus']))).toEqual([]);
  });
});
