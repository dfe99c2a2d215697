// What a panel's menu can do, provided by the page that shows the panels (the dashboard), so
// panels never import dashboard code. Without a provider a panel has no menu.
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Panel } from '../model/model.ts';
import type { RawRange } from '../time/time-range.ts';

export interface PanelActions {
  /** Whether "Edit" is offered (false on read-only servers and until editing exists). */
  canEdit: boolean;
  /** The dashboard's time range as typed (`now-1h`), for Explore. */
  timeRange: RawRange;
  /** The panel shown alone (`viewPanel`), if any. */
  viewing: number | null;
  /** The panel whose Inspect drawer is open (`inspect`), if any. */
  inspecting: number | null;
  view(id: number | null): void;
  edit(id: number): void;
  inspect(id: number | null): void;
  /** Opens Explore with the panel's visible queries, on the datasource it queries. */
  explore(panel: Panel, dsUid: string): void;
}

export const PanelActionsContext = createContext<PanelActions | null>(null);

export const usePanelActions = (): PanelActions | null => useContext(PanelActionsContext);
