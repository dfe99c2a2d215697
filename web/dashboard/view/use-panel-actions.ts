// The dashboard's side of the panel menu: which panel is viewed alone (`viewPanel`) or
// inspected (`inspect`) lives in the URL as in Grafana, so back and forward and shared
// links restore it; Edit sets `editPanel` for the panel editor; Explore navigates there.
import { useMemo } from 'preact/hooks';
import { navigate, setParams } from '../../nav/router.ts';
import type { PanelActions } from '../../panels/panel-actions.ts';
import { panelExploreUrl, parsePanelId } from '../../panels/panel-menu.ts';
import type { RawRange } from '../../time/time-range.ts';

const idParam = (id: number | null) => (id === null ? null : String(id));

export function useDashboardPanelActions(
  params: URLSearchParams,
  timeRange: RawRange,
  canEdit: boolean,
): PanelActions {
  const viewing = parsePanelId(params.get('viewPanel'));
  const inspecting = parsePanelId(params.get('inspect'));
  return useMemo(
    () => ({
      canEdit,
      timeRange,
      viewing,
      inspecting,
      view: (id) => setParams({ viewPanel: idParam(id) }),
      edit: (id) => setParams({ editPanel: String(id) }),
      inspect: (id) => setParams({ inspect: idParam(id) }),
      explore: (panel, dsUid) => navigate(panelExploreUrl(panel, dsUid, timeRange)),
    }),
    [canEdit, timeRange.from, timeRange.to, viewing, inspecting],
  );
}
