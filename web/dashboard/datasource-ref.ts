// Which datasource a panel queries. Grafana panels name theirs by uid (new) or by name (old);
// `${datasource}`-style references, no reference at all and references to datasources this
// server does not have all mean the one selected in the header.
import type { Datasource } from '../api/server.ts';
import { parseDuration } from '../time/duration.ts';
import type { DatasourceRef } from './model.ts';

const VARIABLE = /^(?:\$\{?datasource\}?|\[\[datasource\]\])$/;

export function resolveDatasource(
  ref: DatasourceRef | undefined,
  known: readonly Datasource[],
  selected: Datasource,
): Datasource {
  const id = typeof ref === 'string' ? ref : ref?.uid;
  if (!id || VARIABLE.test(id)) return selected;
  return known.find((d) => d.uid === id) ?? known.find((d) => d.name === id) ?? selected;
}

/** The datasource's scrape interval (Grafana's jsonData.timeInterval), in seconds. */
export function scrapeIntervalS(ds: Datasource): number {
  return (parseDuration(ds.jsonData.timeInterval) ?? 15_000) / 1000;
}
