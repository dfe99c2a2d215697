// Which datasource a panel's queries go to, read the way Grafana's DatasourceSrv
// (getInstanceSettings) reads a reference: none or "default" is the default (here: the one
// selected in the header), a `${datasource}`-style variable is its value, anything else is a
// uid, else a name (older JSON names the datasource). A reference that matches no datasource
// of this server is an error naming it, never silently the default. A Mixed panel sends each
// query to its own datasource.
// https://github.com/grafana/grafana/blob/main/public/app/features/plugins/datasource_srv.ts
import type { Datasource } from '../api/server.ts';
import { parseDuration } from '../time/duration.ts';
import type { DatasourceRef, Panel } from './model.ts';

const VARIABLE = /^(?:\$\{?datasource\}?|\[\[datasource\]\])$/;
/** Grafana's MIXED_DATASOURCE_NAME, the uid of a panel whose queries name their own. */
export const MIXED_UID = '-- Mixed --';

export type DatasourceLookup =
  | { ds: Datasource; error?: undefined }
  | { ds?: undefined; error: string };

const refId = (ref: DatasourceRef | undefined) => (typeof ref === 'string' ? ref : ref?.uid);

/** The datasource a reference names, or why there is none. */
export function lookupDatasource(
  ref: DatasourceRef | undefined,
  known: readonly Datasource[],
  selected: Datasource,
): DatasourceLookup {
  const id = refId(ref);
  if (!id || id === 'default' || VARIABLE.test(id)) return { ds: selected };
  const found = known.find((d) => d.uid === id) ?? known.find((d) => d.name === id);
  if (found) return { ds: found };
  if (id === '-- Dashboard --')
    return { error: 'datasource "-- Dashboard --" (another panel\'s results) is not supported' };
  if (id === 'grafana' || id === '-- Grafana --')
    return { error: `datasource "${id}" (Grafana's built-in test data) is not supported` };
  if (/^\$|^\[\[/.test(id)) return { error: `datasource variable "${id}" has no value` };
  const type = typeof ref === 'object' && ref?.type && ref.type !== 'prometheus' ? ref.type : '';
  return {
    error: `datasource "${id}"${type ? ` (${type})` : ''} is not configured in Promscope`,
  };
}

/** The datasource a reference names, or the selected one (for what cannot show an error). */
export function resolveDatasource(
  ref: DatasourceRef | undefined,
  known: readonly Datasource[],
  selected: Datasource,
): Datasource {
  return lookupDatasource(ref, known, selected).ds ?? selected;
}

export const isMixed = (ref: DatasourceRef | undefined) => refId(ref) === MIXED_UID;

/** Where each query of a panel goes. */
export interface QueryDatasources {
  /** The panel's datasource: the one its queries go to, or for Mixed the selected one. */
  ds: Datasource;
  /** refId → datasource uid, for every query that can run; a query not here is not sent. */
  byRef: Readonly<Record<string, string>>;
  /** One per reference that matches no datasource, naming it (and its query, for Mixed). */
  errors: string[];
  /** The largest scrape interval among the datasources asked, in seconds. */
  scrapeIntervalS: number;
}

export function queryDatasources(
  panel: Pick<Panel, 'datasource' | 'targets'>,
  known: readonly Datasource[],
  selected: Datasource,
): QueryDatasources {
  const byRef: Record<string, string> = {};
  const errors: string[] = [];
  const asked: Datasource[] = [];
  if (isMixed(panel.datasource)) {
    // Each query its own; one with none asks the default (Grafana's schemaVersion 36 migration).
    for (const t of panel.targets) {
      const found = lookupDatasource(t.datasource, known, selected);
      if (found.ds) {
        byRef[t.refId] = found.ds.uid;
        asked.push(found.ds);
      } else if (!t.hide) errors.push(`${t.refId}: ${found.error}`);
    }
    const scrape = Math.max(...asked.map(scrapeIntervalS), 0) || scrapeIntervalS(selected);
    return { ds: selected, byRef, errors, scrapeIntervalS: scrape };
  }
  // A panel with no datasource whose queries name one asks theirs (Grafana's schemaVersion 36
  // migration takes the queries' datasource as the truth there).
  const own = panel.datasource == null ? panel.targets.find((t) => refId(t.datasource)) : undefined;
  const found = lookupDatasource(own?.datasource ?? panel.datasource, known, selected);
  if (!found.ds)
    return {
      ds: selected,
      byRef,
      errors: [found.error],
      scrapeIntervalS: scrapeIntervalS(selected),
    };
  for (const t of panel.targets) byRef[t.refId] = found.ds.uid;
  return { ds: found.ds, byRef, errors, scrapeIntervalS: scrapeIntervalS(found.ds) };
}

/** The datasource's scrape interval (Grafana's jsonData.timeInterval), in seconds. */
export function scrapeIntervalS(ds: Datasource): number {
  return (parseDuration(ds.jsonData.timeInterval) ?? 15_000) / 1000;
}
