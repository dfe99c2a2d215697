// A dashboard's variables as its page holds them: their states for the bar, resolved for the
// range shown; the page's scope, the variables with the built-ins ($__dashboard, $__from,
// $__to) for panels, titles, text and links alike (null while a variable is still loading);
// the dashboard's links and what they carry over. The dashboard's datasource variable, when
// its bar has one, replaces the header's picker while the page is up (one datasource picker).
import { useEffect, useMemo } from 'preact/hooks';
import type { Datasource } from '../../api/server.ts';
import { readDashboardLinks } from '../../links/links.ts';
import { useLinkEnv } from '../../links/links-context.ts';
import type { Dashboard } from '../../model/model.ts';
import type { RawRange } from '../../time/time-range.ts';
import { type DatasourceVariable, datasourceVariable } from '../../variables/datasource-picker.ts';
import { pageScope, usesTimeBuiltins } from '../../variables/interpolate.ts';
import { readVariables } from '../../variables/model.ts';
import { useVariables } from '../../variables/use-variables.ts';

interface Args {
  dash: Dashboard;
  params: URLSearchParams;
  datasources: readonly Datasource[];
  selected: Datasource;
  /** The range as written in the URL, and the dashboard's tick (ms), from its clock. */
  raw: RawRange;
  now: number;
  /** The resolved range (ms); null while it cannot be read. */
  time: { start: number; end: number } | null;
  onDatasourceVariable?: (v: DatasourceVariable | null) => void;
}

export function useDashboardScope(a: Args) {
  const { dash, raw, time } = a;
  const defs = useMemo(() => readVariables(dash.templating), [dash]);
  const vars = useVariables(
    defs,
    a.params,
    a.datasources,
    a.selected,
    time,
    `${raw.from}|${raw.to}`,
    a.now,
  );
  const dsVariable = datasourceVariable(vars.states);
  useEffect(() => {
    a.onDatasourceVariable?.(dsVariable);
  }, [dsVariable?.name, dsVariable?.uid]);
  useEffect(() => () => a.onDatasourceVariable?.(null), []);
  const links = useMemo(() => readDashboardLinks(dash.links), [dash]);
  const usesTime = useMemo(() => usesTimeBuiltins(dash), [dash]);
  const scope = useMemo(
    () => vars.panelScope && pageScope(vars.panelScope, dash, time, usesTime),
    [vars.panelScope, dash.title, dash.uid, usesTime, usesTime ? time : null],
  );
  const linkEnv = useLinkEnv(vars, raw, scope ?? vars.scope);
  return { vars, dsVariable, scope, links, linkEnv };
}
