// Grafana's layout: 24 columns, 30 px rows with 8 px gaps, each panel at its gridPos; rows
// open and close, moving what is below them.
import { useMemo, useState } from 'preact/hooks';
import type { Datasource } from '../api/server.ts';
import { PanelFrame } from '../panels/PanelFrame.tsx';
import type { PanelTime } from '../panels/panel-queries.ts';
import { panelPlugin } from '../panels/registry.ts';
import { interpolatePanel } from '../variables/apply.ts';
import type { Scope } from '../variables/format.ts';
import { interpolateVariables } from '../variables/format.ts';
import { resolveDatasource, scrapeIntervalS } from './datasource-ref.ts';
import type { Panel } from './model.ts';
import { PanelView } from './PanelView.tsx';
import type { RowPanel } from './rows.ts';
import { layoutPanels, rowOpen, rowSize } from './rows.ts';

interface Props {
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

export function DashboardGrid({
  panels,
  datasources,
  selected,
  scope,
  time,
  onZoom,
  graphTooltip,
  viewPanel,
}: Props) {
  // Rows the viewer opened or closed, by id, against what the JSON says.
  const [toggled, setToggled] = useState<ReadonlySet<number>>(new Set());
  const shown = useMemo(() => layoutPanels(panels, toggled), [panels, toggled]);
  const toggle = (id: number) =>
    setToggled((t) => {
      const next = new Set(t);
      if (!next.delete(id)) next.add(id);
      return next;
    });

  if (viewPanel !== undefined && viewPanel !== null) {
    const nested = panels.flatMap((p) => [p, ...((p as { panels?: Panel[] }).panels ?? [])]);
    const panel = nested.find((p) => p.id === viewPanel && p.type !== 'row');
    return (
      <PanelView found={panel !== undefined}>
        {panel && (
          <GridPanel
            panel={panel}
            datasources={datasources}
            selected={selected}
            scope={scope}
            time={time}
            onZoom={onZoom}
          />
        )}
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
                row={{ ...panel, title: interpolateVariables(panel.title, scope, 'text') }}
                open={rowOpen(panel, toggled)}
                size={rowSize(panels, panel.id)}
                onToggle={() => toggle(panel.id)}
              />
            ) : (
              <GridPanel
                panel={panel}
                datasources={datasources}
                selected={selected}
                scope={scope}
                time={time}
                onZoom={onZoom}
                graphTooltip={graphTooltip}
              />
            )}
          </div>
        );
      })}
    </div>
  );
}

function RowHeader(p: { row: RowPanel; open: boolean; size: number; onToggle: () => void }) {
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

function GridPanel({
  panel: saved,
  datasources,
  selected,
  scope,
  time,
  onZoom,
  graphTooltip,
}: Omit<Props, 'panels' | 'viewPanel'> & { panel: Panel }) {
  const panel = useMemo(() => interpolatePanel(saved, scope), [saved, scope]);
  const plugin = panelPlugin(panel.type);
  const ds = resolveDatasource(panel.datasource, datasources, selected);
  if (!plugin) {
    return (
      <PanelFrame
        title={panel.title}
        panelId={panel.id}
        loading={false}
        errors={[]}
        notices={[`Panel type "${panel.type}" is not drawn by this version of Promscope`]}
      >
        <div class="panel-body" />
      </PanelFrame>
    );
  }
  return (
    <plugin.Component
      panel={panel}
      dsUid={ds.uid}
      scrapeIntervalS={scrapeIntervalS(ds)}
      time={time}
      onZoom={onZoom}
      graphTooltip={graphTooltip}
    />
  );
}
