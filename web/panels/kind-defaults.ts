// Default options of the panel kinds that load lazily: the registry needs them (the panel
// editor's kind picker fills them in) before the kind's own chunk is fetched. As Grafana's
// plugins default them (piechart, state-timeline, status-history panelcfg and module.tsx).
import type { Panel } from '../model/model.ts';

export const PIE_DEFAULTS = {
  reduceOptions: { calcs: ['lastNotNull'] },
  pieType: 'pie',
  sort: 'desc',
  legend: { showLegend: true, displayMode: 'list', placement: 'right', values: ['percent'] },
} as Panel['options'];

export const STATE_TIMELINE_DEFAULTS = {
  mergeValues: true,
  showValue: 'auto',
  alignValue: 'left',
  rowHeight: 0.9,
  legend: { showLegend: true, displayMode: 'list', placement: 'bottom' },
} as Panel['options'];

export const STATUS_HISTORY_DEFAULTS = {
  showValue: 'auto',
  rowHeight: 0.9,
  colWidth: 0.9,
  legend: { showLegend: true, displayMode: 'list', placement: 'bottom' },
} as Panel['options'];
