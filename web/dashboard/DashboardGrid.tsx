// Grafana's layout: 24 columns, 30 px rows with 8 px gaps, each panel at its gridPos.

import type { Datasource } from '../api/server.ts';
import { PanelFrame } from '../panels/PanelFrame.tsx';
import type { PanelTime } from '../panels/panel-queries.ts';
import { panelPlugin } from '../panels/registry.ts';
import { resolveDatasource, scrapeIntervalS } from './datasource-ref.ts';
import type { Panel } from './model.ts';

interface Props {
  panels: Panel[];
  datasources: Datasource[];
  selected: Datasource;
  time: PanelTime;
  onZoom: (startMs: number, endMs: number) => void;
}

export function DashboardGrid({ panels, datasources, selected, time, onZoom }: Props) {
  return (
    <div class="grid">
      {panels.map((panel) => {
        const plugin = panelPlugin(panel.type);
        const ds = resolveDatasource(panel.datasource, datasources, selected);
        const { x, y, w, h } = panel.gridPos;
        const style = { '--col': `${x + 1} / span ${w}`, '--row': `${y + 1} / span ${h}` };
        return (
          <div class="grid-item" style={style} key={panel.id} data-panel-type={panel.type}>
            {plugin ? (
              <plugin.Component
                panel={panel}
                dsUid={ds.uid}
                scrapeIntervalS={scrapeIntervalS(ds)}
                time={time}
                onZoom={onZoom}
              />
            ) : (
              <PanelFrame
                title={panel.title}
                loading={false}
                errors={[]}
                notices={[`Panel type "${panel.type}" is not drawn by this version of Promscope`]}
              >
                <div class="panel-body" />
              </PanelFrame>
            )}
          </div>
        );
      })}
    </div>
  );
}
