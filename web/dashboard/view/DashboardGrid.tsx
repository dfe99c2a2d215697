// Grafana's layout: 24 columns, 30 px rows with 8 px gaps, each panel at its gridPos; rows
// open and close, moving what is below them. In edit mode (`edit` given) EditGrid draws the
// same panels, draggable and resizable. Either way a panel draws and queries only once it
// comes near the viewport, and holds still while scrolled away (LazyPanel.tsx).
import { useMemo, useState } from 'preact/hooks';
import type { Datasource } from '../../api/server.ts';
import { LinkEnvContext, useLinkEnvContext } from '../../links/links-context.ts';
import { queryDatasources } from '../../model/datasource-ref.ts';
import type { Panel } from '../../model/model.ts';
import { PanelFrame } from '../../panels/PanelFrame.tsx';
import { PanelKindContext } from '../../panels/panel-kind-context.ts';
import type { PanelTime } from '../../panels/panel-queries.ts';
import { panelTime } from '../../panels/panel-time.ts';
import { panelPlugin } from '../../panels/registry.ts';
import { memo } from '../../ui/memo.ts';
import { interpolatePanel } from '../../variables/apply.ts';
import type { Scope } from '../../variables/format.ts';
import { interpolateVariables } from '../../variables/format.ts';
import { LazyPanel } from './LazyPanel.tsx';
import { PanelView } from './PanelView.tsx';
import type { RepeatedPanel } from './repeat.ts';
import { repeatPanels } from './repeat.ts';
import type { RowPanel } from './rows.ts';
import { layoutPanels, rowOpen, rowSize } from './rows.ts';

export interface GridProps {
  panels: Panel[];
  datasources: Datasource[];
  selected: Datasource;
  /** The dashboard's variables, filled into each panel as it is drawn. */
  scope: Scope;
  time: PanelTime;
  onZoom: (startMs: number, endMs: number) => void;
  /** 0 each panel alone, 1 shared crosshair, 2 shared tooltip (Grafana's graphTooltip). */
  graphTooltip?: number;
  /** View mode: only this panel, filling the area (it may sit inside a collapsed row). */
  viewPanel?: number | null;
}

/** What one panel on the grid gets: the grid's props, less the list and the modes. */
export type GridPanelProps = Omit<GridProps, 'panels' | 'viewPanel'> & { panel: Panel };

/** The grid in view mode; edit mode's draggable grid (edit/EditGrid.tsx) takes its place. */
export function DashboardGrid({
  panels,
  datasources,
  selected,
  scope,
  time,
  onZoom,
  graphTooltip,
  viewPanel,
}: GridProps) {
  // Rows the viewer opened or closed, by id, against what the JSON says.
  const [toggled, setToggled] = useState<ReadonlySet<number>>(new Set());
  // Repeating panels drawn once per value of their variable.
  const expanded = useMemo(() => repeatPanels(panels, scope), [panels, scope]);
  const shown = useMemo(() => layoutPanels(expanded, toggled), [expanded, toggled]);
  const toggle = (id: number) =>
    setToggled((t) => {
      const next = new Set(t);
      if (!next.delete(id)) next.add(id);
      return next;
    });

  // What every panel gets from the grid, whichever way it is shown.
  const shared = { datasources, selected, scope, time, onZoom, graphTooltip };

  if (viewPanel !== undefined && viewPanel !== null) {
    const nested = expanded.flatMap((p) => [p, ...((p as { panels?: Panel[] }).panels ?? [])]);
    const panel = nested.find((p) => p.id === viewPanel && p.type !== 'row');
    return (
      <PanelView found={panel !== undefined}>
        {panel && <GridPanel panel={panel} {...shared} scope={scopeOf(panel, scope)} />}
      </PanelView>
    );
  }

  return (
    <div class="grid">
      {shown.map((panel) => {
        const { x, y, w, h } = panel.gridPos;
        const style = { '--col': `${x + 1} / span ${w}`, '--row': `${y + 1} / span ${h}` };
        return (
          <div class="grid-item" style={style} key={panel.id} data-panel-type={panel.type}>
            {panel.type === 'row' ? (
              <RowHeader
                row={{
                  ...panel,
                  title: interpolateVariables(panel.title, scopeOf(panel, scope), 'text'),
                }}
                open={rowOpen(panel, toggled)}
                size={rowSize(expanded, panel.id)}
                onToggle={() => toggle(panel.id)}
              />
            ) : (
              <LazyGridPanel panel={panel} {...shared} scope={scopeOf(panel, scope)} />
            )}
          </div>
        );
      })}
    </div>
  );
}

/** A repeated panel's copy has its own value of the repeated variable. */
const scopeOf = (panel: Panel, scope: Scope): Scope =>
  (panel as RepeatedPanel).repeatScope ?? scope;

export function RowHeader(p: { row: RowPanel; open: boolean; size: number; onToggle: () => void }) {
  return (
    <h2 class="row-header">
      <button type="button" class="row-toggle" aria-expanded={p.open} onClick={p.onToggle}>
        <span class="row-chevron" aria-hidden="true">
          {p.open ? '▾' : '▸'}
        </span>
        {p.row.title || 'Row'}
        {!p.open && (
          <span class="row-size">
            ({p.size} panel{p.size === 1 ? '' : 's'})
          </span>
        )}
      </button>
    </h2>
  );
}

export function GridPanel({
  panel: saved,
  datasources,
  selected,
  scope,
  time,
  onZoom,
  graphTooltip,
}: GridPanelProps) {
  const panel = useMemo(() => interpolatePanel(saved, scope), [saved, scope]);
  // Relative time is up to this moment; the dashboard's `time` changes with every tick.
  const own = useMemo(() => panelTime(panel, time, Date.now()), [panel, time]);
  const plugin = panelPlugin(panel.type);
  const queryDs = useMemo(
    () => queryDatasources(panel, datasources, selected),
    [panel, datasources, selected],
  );
  // A repeated copy's links see its own value of the repeated variable.
  const linkEnv = useLinkEnvContext();
  const ownLinks = useMemo(
    () => (linkEnv && linkEnv.scope !== scope ? { ...linkEnv, scope } : linkEnv),
    [linkEnv, scope],
  );
  return (
    <LinkEnvContext.Provider value={ownLinks}>
      {plugin ? (
        <PanelKindContext.Provider value={plugin}>
          <plugin.Component
            panel={panel}
            dsUid={queryDs.ds.uid}
            queryDs={queryDs}
            scrapeIntervalS={queryDs.scrapeIntervalS}
            time={own}
            onZoom={onZoom}
            graphTooltip={graphTooltip}
          />
        </PanelKindContext.Provider>
      ) : (
        <PanelFrame
          title={panel.title}
          panelId={panel.id}
          links={panel.links}
          loading={false}
          errors={[]}
          notices={[`Panel type "${panel.type}" is not drawn by this version of Promscope`]}
        >
          <div class="panel-body" />
        </PanelFrame>
      )}
    </LinkEnvContext.Provider>
  );
}

// Re-renders only when a prop changed: a panel scrolled away is given the same props on every
// tick (LazyPanel holds them), so it costs nothing until it comes back.
const HeldGridPanel = memo(GridPanel);

/** A grid panel that draws and queries once near the viewport (LazyPanel.tsx). */
export function LazyGridPanel(props: GridPanelProps) {
  return <LazyPanel Panel={HeldGridPanel} props={props} />;
}
