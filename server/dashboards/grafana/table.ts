// `table-old` (and `table` with `styles` before schemaVersion 24) → `table`, following the
// table panel's migrateFromAngular / tablePanelChangedHandler:
// https://github.com/grafana/grafana/blob/main/public/app/plugins/panel/table/migrations.ts
// schemaVersion 24 rename: https://github.com/grafana/grafana/blob/main/public/app/features/dashboard/state/DashboardMigrator.ts
import { asNonEmptyString, isRecord, parseFiniteNumber } from '../../../contract/json.ts';
import { singlestatMappings } from './mappings.ts';
import { drop, type IssueLog, type Json, mergeFieldConfig } from './types.ts';

/** Transforms the new table can reproduce; others stay `table-old` and are reported. */
const TRANSFORMS: Record<string, Json | null> = {
  table: { id: 'merge', options: { reducers: [] } },
  timeseries_aggregations: {
    id: 'reduce',
    options: { reducers: ['mean', 'max', 'min', 'lastNotNull'] },
  },
  timeseries_to_rows: { id: 'seriesToRows', options: {} },
  none: null,
};

/**
 * Old table style `thresholds: ["a", "b"]` + `colors: [c0, c1, c2]` → absolute steps: the base
 * step, then one per threshold (the table panel's generateThresholds in migrations.ts).
 */
function styleThresholds(thresholds: unknown, colors: unknown): Json {
  const palette = Array.isArray(colors) ? colors.filter((c) => typeof c === 'string') : [];
  const values = Array.isArray(thresholds) ? thresholds.map(parseFiniteNumber) : [];
  const steps: Json[] = [{ color: palette[0] ?? 'green', value: null }];
  values.forEach((v, i) => {
    if (v !== undefined) steps.push({ color: palette[i + 1] ?? 'red', value: v });
  });
  return { mode: 'absolute', steps };
}

function styleProperties(style: Json, hideRest: boolean): Json[] {
  const props: Json[] = [];
  if (asNonEmptyString(style.alias) !== undefined)
    props.push({ id: 'displayName', value: style.alias });
  // Old tables apply the first matching style, so with a hidden `/.*/` style the others unhide.
  if (style.type === 'hidden' || hideRest)
    props.push({ id: 'custom.hidden', value: style.type === 'hidden' });
  if (style.type === 'number' || style.type === undefined) {
    if (asNonEmptyString(style.unit) !== undefined) props.push({ id: 'unit', value: style.unit });
    if (parseFiniteNumber(style.decimals) !== undefined)
      props.push({ id: 'decimals', value: parseFiniteNumber(style.decimals) });
  }
  // A string style's value / range maps (the Angular table applied them to its text): Grafana's
  // table migration drops them; here they become the column's mappings, as singlestat's.
  if (style.type === 'string') {
    const mappings = singlestatMappings(style, undefined);
    if (mappings.length > 0) props.push({ id: 'mappings', value: mappings });
  }
  if (style.colorMode === 'cell' || style.colorMode === 'value' || style.colorMode === 'row') {
    props.push({ id: 'thresholds', value: styleThresholds(style.thresholds, style.colors) });
    const type = style.colorMode === 'value' ? 'color-text' : 'color-background';
    props.push({ id: 'custom.cellOptions', value: { type } });
  }
  return props;
}

/** Converts in place; returns false (and reports) when the table is not simple enough. */
export function tableOldToTable(panel: Json, path: string, log: IssueLog): boolean {
  const transform = asNonEmptyString(panel.transform) ?? 'none';
  const transformation = TRANSFORMS[transform];
  if (transformation === undefined || (Array.isArray(panel.columns) && panel.columns.length > 0)) {
    panel.type = 'table-old';
    log.add(
      panel,
      `${path}.transform`,
      `old table transform "${transform}" is not supported; kept as table-old`,
    );
    return false;
  }
  const defaults: Json = {};
  const custom: Json = {};
  const overrides: Json[] = [];
  const styles = Array.isArray(panel.styles) ? panel.styles.filter(isRecord) : [];
  const hideRest = styles.some((s) => s.pattern === '/.*/' && s.type === 'hidden');
  for (const style of styles) {
    const pattern = asNonEmptyString(style.pattern);
    if (pattern === undefined) continue;
    const props = styleProperties(style, hideRest);
    if (pattern === '/.*/') {
      for (const p of props)
        if (typeof p.id === 'string' && !p.id.startsWith('custom.')) defaults[p.id] = p.value;
      if (hideRest) custom.hidden = true;
      continue;
    }
    if (props.length === 0) continue;
    const re = /^\/(.*)\/[a-z]*$/.exec(pattern);
    const matcher = re
      ? { id: 'byRegexp', options: re[1] ?? '' }
      : { id: 'byName', options: pattern };
    overrides.push({ matcher, properties: props });
  }
  mergeFieldConfig(panel, defaults, custom, overrides);
  if (transformation) {
    const list = Array.isArray(panel.transformations) ? panel.transformations : [];
    panel.transformations = [...list, transformation];
  }
  // A sort by column index is kept, and reported by undrawn.ts; Grafana's table ignores it.
  if (!(isRecord(panel.sort) && parseFiniteNumber(panel.sort.col) !== undefined)) delete panel.sort;
  drop(panel, ['columns', 'fontSize', 'pageSize', 'scroll', 'showHeader', 'styles', 'transform']);
  panel.type = 'table';
  return true;
}
