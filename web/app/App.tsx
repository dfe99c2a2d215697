// The shell: header with the datasource, then the page the URL names.
import { useEffect, useLayoutEffect, useState } from 'preact/hooks';
import { getHealth, listDatasources, searchDashboards } from '../api/server.ts';
import { DashboardPage } from '../dashboard/DashboardPage.tsx';
import { dashboardQuery } from '../dashboard/view/dashboard-query.ts';
import { legacyDashboardKey, legacyDashboardUrl } from '../dashboard/view/legacy-url.ts';
import { encodeExplore, fromPrometheusParams } from '../nav/explore-state.ts';
import { navigate, setParams, useLocation } from '../nav/router.ts';
import { queryClient } from '../query/client.ts';
import { setLiveOverlap } from '../query/incremental.ts';
import { useQuery } from '../query/use-queries.ts';
import { parseDuration } from '../time/duration.ts';
import { lazy } from '../ui/lazy.tsx';
import { DatasourceBar } from './DatasourceBar.tsx';

// Explore (and with it the PromQL editor's loader) is a chunk of its own.
const ExplorePage = lazy(() => import('../explore/ExplorePage.tsx').then((m) => m.ExplorePage));
// So is the list of dashboards with its import dialog: the dashboard page, the one first
// loads are measured on, never shows it.
const DashboardList = lazy(() =>
  import('../dashboard/list/DashboardList.tsx').then((m) => m.DashboardList),
);
// The Alerts, Rules and Targets pages, each a chunk of its own.
const AlertingPage = lazy(() => import('../alerting/AlertingPage.tsx').then((m) => m.AlertingPage));
const RulesPage = lazy(() => import('../alerting/RulesPage.tsx').then((m) => m.RulesPage));
const TargetsPage = lazy(() => import('../alerting/TargetsPage.tsx').then((m) => m.TargetsPage));
/** Pages that read one datasource, named as Explore names it (`ds`). */
const DS_PAGES = new Set(['/explore', '/alerting', '/rules', '/targets']);

const HEALTH_EVERY = 15_000; // ms
const HEALTH_CHECKING_EVERY = 1000; // ms

export function App() {
  const { path, params } = useLocation();
  // The open dashboard's datasource variable (web/variables/datasource-picker.ts, named here by
  // its shape: web/app does not import web/variables): its picker is the one, the header's goes.
  const [dsVariable, setDsVariable] = useState<{ name: string; uid: string } | null>(null);
  const datasources = useQuery({
    queryKey: ['datasources'],
    queryFn: async ({ signal }) => {
      const list = await listDatasources(signal);
      for (const ds of list) {
        const overlap = parseDuration(ds.jsonData.incrementalQueryOverlapWindow ?? '');
        if (overlap !== null) setLiveOverlap(ds.uid, overlap / 1000);
      }
      return list;
    },
  });
  const health = useQuery({
    queryKey: ['health'],
    queryFn: ({ signal }) => getHealth(signal),
    // Sooner while the server has not probed a datasource yet (its answer says "checking").
    refetchInterval: (q) =>
      q.state.data?.datasources.some((d) => d.checking) ? HEALTH_CHECKING_EVERY : HEALTH_EVERY,
    staleTime: 0,
  });
  const list = datasources.data ?? [];
  // READ_ONLY=true on the server: nothing offers to edit, save or import.
  const readOnly = health.data?.readOnly === true;
  // Dashboards name it as Grafana does (var-datasource), Explore as ds.
  const dsParam = DS_PAGES.has(path) ? 'ds' : 'var-datasource';
  const wanted = params.get(dsParam);
  const selected =
    list.find((d) => d.uid === wanted || d.name === wanted) ??
    list.find((d) => d.isDefault) ??
    list[0];
  const dashboardMatch = /^\/d\/([A-Za-z0-9_-]+)(?:\/[^/]*)?\/?$/.exec(path);
  const legacyKey = legacyDashboardKey(path);
  // The dashboard's JSON is asked for now, beside the datasource list, not once the page
  // mounts after it (dashboard-query.ts): one round trip less before the first panel.
  const dashboardUid = dashboardMatch?.[1];
  useLayoutEffect(() => {
    if (dashboardUid) void queryClient.prefetchQuery(dashboardQuery(dashboardUid));
  }, [dashboardUid]);
  const byVariable = dashboardMatch ? dsVariable : null;
  // Grafana's folder URL (a search hit's folderUrl): the list with that folder open.
  const folderMatch = /^\/dashboards\/f\/([A-Za-z0-9_-]+)(?:\/[^/]*)?\/?$/.exec(path);
  let page = null;
  if (path === '/') page = <Home />;
  else if (legacyKey !== null) page = <LegacyDashboard key={legacyKey} slugOrUid={legacyKey} />;
  else if (path === '/graph') page = <PrometheusLink params={params} />;
  else if (path === '/dashboards') page = <DashboardList readOnly={readOnly} />;
  else if (folderMatch) {
    page = <DashboardList key={folderMatch[1]} readOnly={readOnly} openFolder={folderMatch[1]} />;
  } else if (!selected)
    page = <main class="page-message">{datasources.error?.message ?? 'Loading…'}</main>;
  else if (dashboardMatch || (path === '/dashboard/new' && !readOnly)) {
    const uid = dashboardMatch?.[1];
    page = (
      <DashboardPage
        key={uid ?? 'new'}
        uid={uid}
        params={params}
        datasources={list}
        selected={selected}
        readOnly={readOnly}
        onDatasourceVariable={setDsVariable}
      />
    );
  } else if (path === '/explore') {
    page = <ExplorePage params={params} selected={selected} readOnly={readOnly} />;
  } else if (path === '/alerting') {
    page = <AlertingPage key={selected.uid} params={params} selected={selected} />;
  } else if (path === '/rules') {
    page = <RulesPage key={selected.uid} params={params} selected={selected} />;
  } else if (path === '/targets') {
    page = <TargetsPage key={selected.uid} params={params} selected={selected} />;
  } else page = <NotFound path={path} />;

  return (
    <>
      <header class="app-header">
        <a class="brand" href="/" aria-label="Promscope home">
          <img src="/favicon.svg" alt="" width="22" height="22" />
          <span>Promscope</span>
        </a>
        <nav class="app-nav" aria-label="Pages">
          <a
            href="/dashboards"
            aria-current={
              dashboardMatch || folderMatch || path === '/dashboards' || path === '/dashboard/new'
                ? 'page'
                : undefined
            }
          >
            Dashboards
          </a>
          <a href="/explore" aria-current={path === '/explore' ? 'page' : undefined}>
            Explore
          </a>
          {(
            [
              ['/alerting', 'Alerts'],
              ['/rules', 'Rules'],
              ['/targets', 'Targets'],
            ] as const
          ).map(([href, words]) => (
            <a
              key={href}
              // The datasource in use goes along, as the datasource picker shows it.
              href={
                selected && !selected.isDefault
                  ? `${href}?ds=${encodeURIComponent(selected.uid)}`
                  : href
              }
              aria-current={path === href ? 'page' : undefined}
            >
              {words}
            </a>
          ))}
        </nav>
        <DatasourceBar
          datasources={list}
          selected={
            byVariable ? (list.find((d) => d.uid === byVariable.uid) ?? selected) : selected
          }
          health={health.data}
          healthError={health.error?.message ?? null}
          readOnly={readOnly}
          pickerHidden={byVariable !== null}
          onSelect={(uid) => setParams({ [byVariable ? `var-${byVariable.name}` : dsParam]: uid })}
        />
      </header>
      {page}
    </>
  );
}

/** `/` opens the home dashboard: the provisioned one tagged "home", else the first. */
function Home() {
  const hits = useQuery({
    queryKey: ['search'],
    queryFn: ({ signal }) => searchDashboards(signal),
  });
  useEffect(() => {
    const ok = hits.data?.filter((h) => !h.error) ?? [];
    // A saved copy of the home dashboard keeps its tags; the provisioned one still wins.
    const home =
      ok.find((h) => h.provisioned && h.tags.includes('home')) ??
      ok.find((h) => h.tags.includes('home')) ??
      ok[0];
    if (home) navigate(home.url + location.search, { replace: true });
  }, [hits.data]);
  if (hits.error) {
    return (
      <main class="page-message">
        <p role="alert">{hits.error.message}</p>
      </main>
    );
  }
  if (hits.data && !hits.data.some((h) => !h.error)) {
    return (
      <main class="page-message">
        No dashboards yet: put Grafana dashboard JSON files in DASHBOARDS_DIR.
      </main>
    );
  }
  return <main class="page-message">Loading…</main>;
}

/**
 * `/dashboard/db/<slug>` and `/dashboard/<uid>`, Grafana's old addresses (and what its panel
 * link migration writes): the dashboard they name, with the query (time, variables) kept.
 */
function LegacyDashboard({ slugOrUid }: { slugOrUid: string }) {
  const hits = useQuery({
    queryKey: ['search'],
    queryFn: ({ signal }) => searchDashboards(signal),
  });
  const url = hits.data ? legacyDashboardUrl(slugOrUid, hits.data) : undefined;
  useEffect(() => {
    if (url) navigate(url + location.search, { replace: true });
  }, [url]);
  if (hits.error) {
    return (
      <main class="page-message">
        <p role="alert">{hits.error.message}</p>
      </main>
    );
  }
  if (url === null) {
    return (
      <main class="page-message">
        <h1>Dashboard not found</h1>
        <p>No dashboard here is named "{slugOrUid}".</p>
        <a href="/dashboards">All dashboards</a>
      </main>
    );
  }
  return <main class="page-message">Opening the dashboard…</main>;
}

/** `/graph?g0.expr=…`, the Prometheus UI's links, open the same queries in Explore. */
function PrometheusLink({ params }: { params: URLSearchParams }) {
  useEffect(() => {
    const state = fromPrometheusParams(params);
    const qs = state ? encodeExplore(state) : '';
    navigate(`/explore${qs ? `?${qs}` : ''}`, { replace: true });
  }, []);
  return <main class="page-message">Opening in Explore…</main>;
}

function NotFound({ path }: { path: string }) {
  return (
    <main class="page-message">
      <h1>Page not found</h1>
      <p>Nothing lives at {path}.</p>
      <a href="/">Go to the home dashboard</a>
    </main>
  );
}
