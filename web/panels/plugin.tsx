// What a panel kind is: one plain object (Perses' habit; Grafana's PanelPlugin in small) that
// the registry lists and everything else asks — the dashboard grid for the component, the
// panel editor for the name, icon, defaults and option sections, Inspect for its first view.
// A kind lives in its own folder, web/panels/kinds/<id>/, whose index.ts exports this object.
// Its component and option sections are chunks of their own (`lazyPanel`, `lazy`) unless the
// kind is on nearly every first dashboard, so the first load carries only this description.
import type { ComponentType } from 'preact';
import type { Json } from '../model/dashboard-edit.ts';
import type { Panel } from '../model/model.ts';
import { lazy } from '../ui/lazy.tsx';
import { PanelFrame } from './PanelFrame.tsx';
import type { PanelProps } from './types.ts';

/** What a kind's option sections get in the panel editor: the panel's JSON and a setter. */
export interface OptionsProps {
  panel: Json;
  onChange: (panel: Json) => void;
}

export interface PanelKind {
  /** Grafana's panel `type`, which dashboards store (`timeseries`, `state-timeline`, …). */
  id: string;
  /** As Grafana's visualisation picker names it. */
  name: string;
  /** The picker's icon: SVG path data in a 16 × 16 box, stroked in the text colour. */
  icon: string;
  Component: ComponentType<PanelProps>;
  /** What a panel switched to this kind starts with (only what it does not set already). */
  defaults: Partial<Panel>;
  /** The kind's own sections of the editor's options pane, between Panel and Standard options. */
  Options?: ComponentType<OptionsProps>;
  /** Whether the kind reads fieldConfig, so the editor shows Standard options and Thresholds. */
  fieldConfig: boolean;
  /** Grafana's skipDataQuery: the kind sends no PromQL (text, alert list), so no Queries. */
  skipDataQuery?: boolean;
  /** Inspect's Data tab opens on the series joined by time, or on one reduced row each. */
  inspectData: 'time' | 'reduced';
}

/** While a panel's chunk loads: its frame and title with the loading bar running. */
function Loading({ panel }: PanelProps) {
  return (
    <PanelFrame title={panel.title} loading={true} errors={[]} notices={[]}>
      <div class="panel-body" />
    </PanelFrame>
  );
}

/** A kind's component, fetched the first time a panel of that kind is drawn. */
export const lazyPanel = (load: () => Promise<ComponentType<PanelProps>>) => lazy(load, Loading);

/** A kind's option sections, fetched the first time the panel editor shows that kind. */
export const lazyOptions = (load: () => Promise<ComponentType<OptionsProps>>) => lazy(load);
