// The other half of the import report: every option path of a panel that Promscope draws (or
// uses to query), with the file that does it, and the paths that change nothing in Grafana
// either. Together with the not-drawn list (undrawn.ts) it classifies every option a panel
// carries; server/dashboards/grafana/options-walk.test.ts walks the fixture dashboards and
// fails on an option found in neither, so a new kind of option cannot go unreported silently.
// Pure, free of DOM and Node.
import { isRecord } from './json.ts';

/**
 * The panel types Promscope draws, as Grafana's `type` names them: one per panel kind of
 * web/panels/registry.ts (registry.test.ts checks they agree), and `row`. The import report
 * (server/dashboards/grafana/panels.ts) names a panel of any other type as not drawn; the
 * server cannot import the registry, so a new kind is added here too.
 */
export const DRAWN_KINDS: ReadonlySet<string> = new Set([
  'timeseries',
  'stat',
  'gauge',
  'bargauge',
  'table',
  'heatmap',
  'piechart',
  'state-timeline',
  'status-history',
  'text',
  'alertlist',
  'row',
]);

/**
 * Drawn options: a pattern (a path with `[]` for any index, `properties[<id>]` for one override
 * property) covers itself and everything below it. Options drawn only at some values are in
 * undrawn.ts's NOT_DRAWN too, which reports the other values.
 */
export const DRAWN: Readonly<Record<string, string>> = {
  // Every panel.
  id: 'web/dashboard (panel URLs, view, edit)',
  type: 'web/panels/registry.ts',
  title: 'web/panels/PanelFrame.tsx',
  description: 'web/panels/PanelFrame.tsx',
  gridPos: 'web/model/grid-layout.ts',
  datasource: 'web/model/datasource-ref.ts',
  links: 'web/links/links.ts',
  repeat: 'web/dashboard/view/repeat.ts',
  repeatDirection: 'web/dashboard/view/repeat.ts',
  maxPerRow: 'web/dashboard/view/repeat.ts',
  collapsed: 'web/dashboard/view/rows.ts',
  timeFrom: 'web/panels/panel-time.ts',
  timeShift: 'web/panels/panel-time.ts',
  hideTimeOverride: 'web/panels/panel-time.ts',
  interval: 'web/time/prom-interval.ts',
  maxDataPoints: 'web/time/prom-interval.ts',
  transparent: 'undrawn.ts reports true',
  transformations: 'undrawn.ts: the table draws merge/reduce, the rest is reported',
  'targets[].refId': 'web/panels/panel-queries.ts',
  'targets[].expr': 'web/panels/panel-queries.ts',
  'targets[].legendFormat': 'web/fields/legend.ts',
  'targets[].hide': 'web/panels/panel-queries.ts',
  'targets[].instant': 'web/panels/panel-queries.ts',
  'targets[].range': 'web/panels/panel-queries.ts',
  'targets[].interval': 'web/time/prom-interval.ts',
  'targets[].intervalFactor': 'web/time/prom-interval.ts',
  'targets[].format': 'web/chart/heatmap.ts (heatmap); rows of the table panel',
  'targets[].datasource': 'web/model/datasource-ref.ts',
  'targets[].exemplar': 'undrawn.ts reports true',
  // Field config, every kind.
  'fieldConfig.defaults.unit':
    'web/fields/units.ts (Grafana whole catalogue; unknown ids as suffix)',
  'fieldConfig.defaults.decimals': 'web/fields/field-display.ts',
  'fieldConfig.defaults.fieldMinMax': 'web/chart/gauge.ts (fieldRange)',
  'fieldConfig.defaults.min': 'web/chart/options.ts, web/chart/gauge.ts',
  'fieldConfig.defaults.max': 'web/chart/options.ts, web/chart/gauge.ts',
  'fieldConfig.defaults.thresholds': 'web/fields/thresholds.ts',
  'fieldConfig.defaults.mappings': 'web/fields/mappings.ts',
  'fieldConfig.defaults.color': 'web/fields/palette.ts, web/fields/field-display.ts',
  'fieldConfig.defaults.displayName': 'web/fields/overrides.ts',
  'fieldConfig.defaults.noValue': 'web/fields/field-display.ts',
  'fieldConfig.defaults.links': 'undrawn.ts reports a non-empty list',
  'fieldConfig.defaults.custom.hideFrom':
    'web/panels/TimeseriesPanel.tsx, web/chart/tooltip-plugin.ts',
  'fieldConfig.defaults.custom.drawStyle': 'web/chart/options.ts',
  'fieldConfig.defaults.custom.lineWidth': 'web/chart/options.ts',
  'fieldConfig.defaults.custom.fillOpacity': 'web/chart/options.ts',
  'fieldConfig.defaults.custom.showPoints': 'web/chart/options.ts',
  'fieldConfig.defaults.custom.pointSize': 'web/chart/options.ts',
  'fieldConfig.defaults.custom.lineInterpolation': 'web/chart/options.ts',
  'fieldConfig.defaults.custom.lineStyle': 'web/chart/options.ts',
  'fieldConfig.defaults.custom.axisPlacement': 'web/chart/options.ts',
  'fieldConfig.defaults.custom.stacking': 'web/chart/stack.ts (normal, percent, groups)',
  'fieldConfig.defaults.custom.thresholdsStyle': 'web/chart/thresholds-plugin.ts',
  'fieldConfig.defaults.custom.transform':
    'web/chart/options.ts (negative-Y); undrawn.ts reports constant',
  'fieldConfig.defaults.custom.scaleDistribution':
    'web/chart/y-axes.ts (log 2 and 10, symlog); undrawn.ts reports other bases',
  'fieldConfig.defaults.custom.gradientMode':
    'web/chart/options.ts (opacity); undrawn.ts reports hue and scheme',
  'fieldConfig.defaults.custom.axisCenteredZero': 'web/chart/y-axes.ts',
  'fieldConfig.defaults.custom.axisSoftMin': 'web/chart/y-axes.ts',
  'fieldConfig.defaults.custom.axisSoftMax': 'web/chart/y-axes.ts',
  'fieldConfig.defaults.custom.axisWidth': 'web/chart/y-axes.ts',
  'fieldConfig.defaults.custom.axisGridShow': 'web/chart/y-axes.ts',
  'fieldConfig.defaults.custom.axisColorMode': 'undrawn.ts reports series',
  'fieldConfig.defaults.custom.axisLabel': 'web/chart/y-axes.ts',
  'fieldConfig.defaults.custom.barAlignment': 'undrawn.ts reports before/after',
  'fieldConfig.defaults.custom.spanNulls': 'undrawn.ts reports true or a threshold',
  'fieldConfig.defaults.custom.hidden': 'undrawn.ts reports true (table)',
  'fieldConfig.defaults.custom.cellOptions': 'undrawn.ts reports all but auto (table)',
  'fieldConfig.overrides[].matcher': 'web/fields/overrides.ts',
  'fieldConfig.overrides[].properties[color]': 'web/fields/overrides.ts',
  'fieldConfig.overrides[].properties[displayName]': 'web/fields/overrides.ts',
  'fieldConfig.overrides[].properties[unit]': 'web/fields/overrides.ts',
  'fieldConfig.overrides[].properties[decimals]': 'web/fields/overrides.ts',
  'fieldConfig.overrides[].properties[min]': 'web/fields/overrides.ts',
  'fieldConfig.overrides[].properties[max]': 'web/fields/overrides.ts',
  'fieldConfig.overrides[].properties[thresholds]': 'web/fields/overrides.ts',
  'fieldConfig.overrides[].properties[mappings]': 'web/fields/overrides.ts',
  'fieldConfig.overrides[].properties[noValue]': 'web/fields/overrides.ts',
  'fieldConfig.overrides[].properties[custom.lineWidth]': 'web/fields/overrides.ts',
  'fieldConfig.overrides[].properties[custom.fillOpacity]': 'web/fields/overrides.ts',
  'fieldConfig.overrides[].properties[custom.drawStyle]': 'web/fields/overrides.ts',
  'fieldConfig.overrides[].properties[custom.showPoints]': 'web/fields/overrides.ts',
  'fieldConfig.overrides[].properties[custom.pointSize]': 'web/fields/overrides.ts',
  'fieldConfig.overrides[].properties[custom.lineInterpolation]': 'web/fields/overrides.ts',
  'fieldConfig.overrides[].properties[custom.lineStyle]': 'web/fields/overrides.ts',
  'fieldConfig.overrides[].properties[custom.hideFrom]': 'web/fields/overrides.ts',
  'fieldConfig.overrides[].properties[custom.hidden]': 'undrawn.ts reports true (table)',
  'fieldConfig.overrides[].properties[custom.transform]':
    'web/chart/options.ts (negative-Y); undrawn.ts reports constant',
  'fieldConfig.overrides[].properties[custom.stacking]':
    'web/chart/stack.ts (groups, percent, out of the stack)',
  'fieldConfig.overrides[].properties[custom.axisPlacement]': 'web/chart/y-axes.ts',
  'fieldConfig.overrides[].properties[custom.gradientMode]':
    'web/chart/options.ts (opacity); undrawn.ts reports hue and scheme',
  'fieldConfig.overrides[].properties[custom.axisLabel]': 'web/chart/y-axes.ts',
  'fieldConfig.overrides[].properties[custom.axisSoftMin]': 'web/chart/y-axes.ts',
  'fieldConfig.overrides[].properties[custom.axisSoftMax]': 'web/chart/y-axes.ts',
  'fieldConfig.overrides[].properties[custom.axisCenteredZero]': 'web/chart/y-axes.ts',
  'fieldConfig.overrides[].properties[custom.scaleDistribution]':
    'web/chart/y-axes.ts; undrawn.ts reports other log bases',
  // Any other override property is reported by undrawn.ts (OVERRIDE_PROPERTIES).
  // Options, by kind.
  'options.legend': 'web/fields/legend-calcs.ts, web/panels/Legend.tsx, heatmap-settings.ts',
  'options.annotations.multiLane': 'web/chart/annotations-draw.ts (one lane per entry)',
  'options.tooltip.mode': 'web/chart/tooltip-plugin.ts (multi, single: the nearest, hidden)',
  'options.tooltip.sort': 'web/chart/tooltip-rows.ts (none, asc, desc)',
  'options.tooltip.show': 'web/chart/heatmap-settings.ts',
  'options.tooltip.yHistogram': 'undrawn.ts reports true',
  'options.reduceOptions.calcs': 'web/panels/reduced.ts',
  'options.reduceOptions.fields': 'web/panels/reduced.ts (numeric fields: every series)',
  'options.reduceOptions.values': 'undrawn.ts reports true',
  'options.colorMode': 'web/panels/StatPanel.tsx',
  'options.graphMode': 'web/panels/StatPanel.tsx',
  'options.textMode': 'web/panels/StatPanel.tsx',
  'options.justifyMode': 'undrawn.ts reports all but auto',
  'options.orientation': 'undrawn.ts reports all but auto',
  'options.showThresholdLabels': 'undrawn.ts reports true',
  'options.showThresholdMarkers': 'web/panels/GaugePanel.tsx',
  'options.pieType': 'web/chart/pie.ts, web/panels/PieChartPanel.tsx',
  'options.sort': 'web/chart/pie.ts',
  'options.displayLabels': 'web/chart/pie.ts',
  'options.mergeValues': 'web/chart/timeline.ts',
  'options.alignValue': 'web/chart/timeline.ts',
  'options.rowHeight': 'web/chart/timeline.ts',
  'options.colWidth': 'web/chart/timeline.ts',
  'options.displayMode': 'undrawn.ts reports all but basic (bar gauge)',
  'options.mode': 'web/panels/TextPanel.tsx',
  'options.content': 'web/panels/TextPanel.tsx',
  'options.calculate': 'web/chart/heatmap-settings.ts',
  'options.calculation.yBuckets.mode': 'web/chart/heatmap-settings.ts',
  'options.calculation.yBuckets.value': 'web/chart/heatmap-settings.ts',
  'options.calculation.yBuckets.scale': 'undrawn.ts reports log',
  'options.calculation.xBuckets.mode': 'web/chart/heatmap.ts (one bucket per step)',
  'options.calculation.xBuckets.value': 'undrawn.ts reports a value',
  'options.cellGap': 'web/chart/heatmap-settings.ts',
  'options.cellValues': 'web/chart/heatmap-settings.ts',
  'options.color': 'web/chart/heatmap-settings.ts, heatmap-color.ts',
  'options.filterValues': 'web/chart/heatmap-settings.ts',
  'options.yAxis.axisPlacement': 'web/chart/heatmap-settings.ts',
  'options.yAxis.unit': 'web/chart/heatmap-settings.ts',
  'options.yAxis.decimals': 'web/chart/heatmap-settings.ts',
  'options.yAxis.reverse': 'web/chart/heatmap-settings.ts',
  'options.yAxis.min': 'undrawn.ts reports a value',
  'options.yAxis.max': 'undrawn.ts reports a value',
  'options.rowsFrame': 'undrawn.ts reports all but auto',
  'options.showValue': 'undrawn.ts reports always',
  'options.exemplars': 'colour of exemplars, which undrawn.ts reports (targets[].exemplar)',
  // Old (Angular) heatmap fields, read when the panel has no options (heatmap-settings.ts).
  dataFormat: 'web/chart/heatmap-settings.ts (legacy)',
  'cards.cardPadding': 'web/chart/heatmap-settings.ts (legacy)',
  'cards.cardRound': 'undrawn.ts reports a radius',
  'color.cardColor': 'web/chart/heatmap-settings.ts (legacy)',
  'color.colorScale': 'web/chart/heatmap-settings.ts (legacy)',
  'color.colorScheme': 'web/chart/heatmap-settings.ts (legacy)',
  'color.exponent': 'web/chart/heatmap-settings.ts (legacy)',
  'color.mode': 'web/chart/heatmap-settings.ts (legacy)',
  'color.min': 'web/chart/heatmap-settings.ts (legacy)',
  'color.max': 'web/chart/heatmap-settings.ts (legacy)',
  hideZeroBuckets: 'web/chart/heatmap-settings.ts (legacy)',
  reverseYBuckets: 'web/chart/heatmap-settings.ts (legacy)',
  yBucketNumber: 'web/chart/heatmap-settings.ts (legacy)',
  yBucketSize: 'web/chart/heatmap-settings.ts (legacy)',
  yBucketBound: 'undrawn.ts reports all but auto',
  xBucketNumber: 'undrawn.ts reports a number',
  xBucketSize: 'undrawn.ts reports a size',
  tooltipDecimals: 'web/chart/heatmap-settings.ts (legacy)',
  'yAxis.format': 'web/chart/heatmap-settings.ts (legacy)',
  'yAxis.decimals': 'web/chart/heatmap-settings.ts (legacy)',
  'yAxis.show': 'web/chart/heatmap-settings.ts (legacy)',
  'yAxis.logBase': 'undrawn.ts reports a log base',
  'yAxis.min': 'undrawn.ts reports a value',
  'yAxis.max': 'undrawn.ts reports a value',
  'yAxis.splitFactor': 'undrawn.ts reports a factor',
  'xAxis.show': 'undrawn.ts reports false',
  'legend.show': 'web/chart/heatmap-settings.ts (legacy)',
  'tooltip.show': 'web/chart/heatmap-settings.ts (legacy)',
  'tooltip.showHistogram': 'undrawn.ts reports true',
  // Alert list (web/panels/alert-list.ts reads all three generations of its options).
  'options.maxItems': 'web/panels/AlertListPanel.tsx',
  'options.sortOrder': 'web/panels/alert-list.ts',
  'options.dashboardAlerts': 'web/panels/alert-list.ts',
  'options.alertName': 'web/panels/alert-list.ts',
  'options.alertInstanceLabelFilter': 'web/panels/alert-list.ts',
  'options.stateFilter':
    'web/panels/alert-list.ts (no data, error, recovering: no Prometheus rule is)',
  'options.viewMode': 'web/panels/AlertListPanel.tsx',
  'options.groupMode': 'web/panels/AlertListPanel.tsx',
  'options.groupBy': 'web/panels/alert-list.ts',
  'options.showInstances': 'web/panels/AlertListPanel.tsx',
  'options.showOptions': 'undrawn.ts reports changes',
  'options.folder': 'undrawn.ts reports a folder',
  'options.folderId': 'undrawn.ts reports a folder',
  'options.datasource': "undrawn.ts reports a name; the panel's datasource is read",
  'options.tags': 'undrawn.ts reports tags',
  'options.dashboardTitle': 'undrawn.ts reports a title',
  'options.showInactiveAlerts': 'undrawn.ts reports true',
  'options.statColorMode': 'undrawn.ts reports a mode',
  'options.statThresholds':
    'web/panels/AlertListPanel.tsx draws the count uncoloured (statColorMode)',
  'options.statValueMappings': 'undrawn.ts reports mappings',
  show: 'undrawn.ts reports changes (legacy alert list)',
  limit: 'web/panels/alert-list.ts (legacy alert list)',
  sortOrder: 'web/panels/alert-list.ts (legacy alert list)',
  onlyAlertsOnDashboard: 'web/panels/alert-list.ts (legacy alert list)',
  nameFilter: 'web/panels/alert-list.ts (legacy alert list)',
  stateFilter: 'web/panels/alert-list.ts (legacy alert list)',
  folderId: 'undrawn.ts reports a folder (legacy alert list)',
  dashboardTags: 'undrawn.ts reports tags (legacy alert list)',
  dashboardFilter: 'undrawn.ts reports a title (legacy alert list)',
  // Kept from the import, each reported by undrawn.ts when it changes anything.
  seriesOverrides: 'undrawn.ts reports each option Grafana’s migration does not carry over',
  xaxis: 'undrawn.ts reports a mode other than time',
  timeRegions: 'undrawn.ts reports graph time regions (Grafana makes them annotations)',
  prefix: 'undrawn.ts reports a prefix',
  postfix: 'undrawn.ts reports a postfix',
  tableColumn: 'undrawn.ts reports a column',
  sort: 'undrawn.ts reports a column (old table)',
};

/**
 * Paths that change nothing in Grafana either: bookkeeping, editor state, and options of
 * other panel plugins left behind when a panel changed type (Grafana ignores them too).
 */
export const INERT: Readonly<Record<string, string>> = {
  pluginVersion: 'the plugin version that saved the panel',
  editable: 'panel-level editable flag, not read by Grafana',
  error: 'an Angular editor flag',
  span: 'old row width, turned into gridPos on import',
  cacheTimeout: "query cache option of other datasources; Grafana's Prometheus does not use it",
  heatmap: 'an empty Angular heatmap settings object',
  highlightCards: 'hover highlight of the old heatmap; the hovered cell is in the tooltip',
  'targets[].editorMode': 'which query editor was open (builder or code)',
  'fieldConfig.defaults.nullValueMode':
    "the null point mode Grafana's graph and singlestat migrations write; time series, stat and gauge ignore it",
  'targets[].step': "Grafana 4's query step, replaced by interval and not read since",
  // Left by the singlestat migration, as Grafana leaves them.
  valueMaps: 'the singlestat mapping list its mappingType did not pick; never applied',
  rangeMaps: 'the singlestat mapping list its mappingType did not pick; never applied',
  // The vonage status panel's options, left on panels turned into stat.
  clusterName: 'a status panel option (another plugin)',
  colorMode: 'a status panel option (another plugin); stat reads options.colorMode',
  colors: 'a status panel option (another plugin)',
  cornerRadius: 'a status panel option (another plugin)',
  displayName: 'a status panel option (another plugin); stat reads fieldConfig displayName',
  flipCard: 'a status panel option (another plugin)',
  flipTime: 'a status panel option (another plugin)',
  fontFormat: 'a status panel option (another plugin)',
  isAutoScrollOnOverflow: 'a status panel option (another plugin)',
  isGrayOnNoData: 'a status panel option (another plugin)',
  isHideAlertsOnDisable: 'a status panel option (another plugin)',
  isIgnoreOKColors: 'a status panel option (another plugin)',
  'targets[].aggregation': 'a status panel query option (another plugin)',
  'targets[].alias': 'a status panel query option (another plugin)',
  'targets[].crit': 'a status panel query option (another plugin)',
  'targets[].warn': 'a status panel query option (another plugin)',
  'targets[].decimals': 'a status panel query option (another plugin)',
  'targets[].displayAliasType': 'a status panel query option (another plugin)',
  'targets[].displayType': 'a status panel query option (another plugin)',
  'targets[].displayValueWithAlias': 'a status panel query option (another plugin)',
  'targets[].units': 'a status panel query option (another plugin)',
  'targets[].valueHandler': 'a status panel query option (another plugin)',
};

export interface OptionLeaf {
  /** The concrete path, e.g. `fieldConfig.overrides[2].properties[0]`. */
  path: string;
  /** The path with `[]` for array indexes and `properties[<id>]` for override properties. */
  pattern: string;
  value: unknown;
}

const PROPERTIES = /^fieldConfig\.overrides\[\]\.properties$/;

/**
 * Every option leaf of a panel (nested row panels excluded): a primitive, an array of
 * primitives, or one override property (its value as a whole). Empty objects and arrays set
 * nothing and are left out.
 */
export function optionLeaves(panel: Record<string, unknown>): OptionLeaf[] {
  const out: OptionLeaf[] = [];
  const walk = (v: unknown, path: string, pattern: string): void => {
    if (Array.isArray(v)) {
      if (PROPERTIES.test(pattern)) {
        v.forEach((p, i) => {
          const id = isRecord(p) && typeof p.id === 'string' ? p.id : '?';
          out.push({
            path: `${path}[${i}]`,
            pattern: `${pattern}[${id}]`,
            value: isRecord(p) ? p.value : p,
          });
        });
        return;
      }
      if (v.length === 0) return; // nothing to draw
      if (v.every((x) => !isRecord(x) && !Array.isArray(x))) {
        out.push({ path, pattern, value: v });
        return;
      }
      v.forEach((x, i) => {
        walk(x, `${path}[${i}]`, `${pattern}[]`);
      });
      return;
    }
    if (isRecord(v)) {
      const keys = Object.keys(v).filter((k) => path !== '' || k !== 'panels');
      for (const k of keys) walk(v[k], path ? `${path}.${k}` : k, pattern ? `${pattern}.${k}` : k);
      return;
    }
    out.push({ path, pattern, value: v });
  };
  walk(panel, '', '');
  return out;
}

/** True when `pattern` is `prefix` or lies below it. */
export function within(pattern: string, prefix: string): boolean {
  return pattern === prefix || pattern.startsWith(`${prefix}.`) || pattern.startsWith(`${prefix}[`);
}

/** Where a leaf is drawn (or why it changes nothing), or undefined when it is in neither list. */
export function homeOf(pattern: string): string | undefined {
  for (const list of [DRAWN, INERT]) {
    let best: string | undefined;
    for (const key of Object.keys(list))
      if (within(pattern, key) && (best === undefined || key.length > best.length)) best = key;
    if (best !== undefined) return list[best];
  }
  return undefined;
}
