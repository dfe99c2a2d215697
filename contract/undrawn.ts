// Options of a drawn panel kind that Promscope does not draw (pure; shared by the import
// report and the panel itself, which shows them beside its title). They stay in the JSON as
// they came, so a save here loses nothing Grafana would draw.
import { isRecord, type Json } from './json.ts';

export interface Undrawn {
  /** Where in the panel, e.g. `transformations` or `fieldConfig.defaults.links`. */
  path: string;
  message: string;
}

/** What the table panel already shows: one row per series, labels as columns, reduced. */
const TABLE_TRANSFORMS = new Set(['merge', 'reduce', 'seriesToRows', 'labelsToFields']);

/** Kinds that reduce each series to one value (reduceOptions). */
const REDUCED = new Set(['stat', 'gauge', 'bargauge', 'piechart']);

const nonEmpty = (v: unknown): v is string => typeof v === 'string' && v.trim() !== '';

export function undrawnOptions(panel: Json): Undrawn[] {
  const out: Undrawn[] = [];
  const add = (path: string, message: string) => out.push({ path, message });
  const transforms = (Array.isArray(panel.transformations) ? panel.transformations : [])
    .filter((t): t is Json => isRecord(t) && t.disabled !== true)
    .map((t) => String(t.id))
    .filter((id) => panel.type !== 'table' || !TABLE_TRANSFORMS.has(id));
  if (transforms.length > 0) {
    add('transformations', `transformations are not applied (${transforms.join(', ')})`);
  }
  const fc = isRecord(panel.fieldConfig) ? panel.fieldConfig : {};
  const defaults = isRecord(fc.defaults) ? fc.defaults : {};
  if (Array.isArray(defaults.links) && defaults.links.length > 0) {
    add('fieldConfig.defaults.links', 'data links are not drawn');
  }
  if (panel.type === 'timeseries') {
    const custom = isRecord(defaults.custom) ? defaults.custom : {};
    const base = 'fieldConfig.defaults.custom';
    if (custom.transform === 'negative-Y') {
      add(`${base}.transform`, 'the negative-Y transform is not drawn; values shown as they are');
    }
    if (isRecord(custom.scaleDistribution) && custom.scaleDistribution.type === 'log') {
      add(`${base}.scaleDistribution`, 'the log scale is drawn linear');
    }
    if (nonEmpty(custom.gradientMode) && custom.gradientMode !== 'none') {
      add(`${base}.gradientMode`, `the ${custom.gradientMode} gradient fill is drawn flat`);
    }
  }
  const options = isRecord(panel.options) ? panel.options : {};
  const reduceOptions = isRecord(options.reduceOptions) ? options.reduceOptions : {};
  if (REDUCED.has(String(panel.type)) && reduceOptions.values === true) {
    add(
      'options.reduceOptions.values',
      '"All values" (one per sample) is not drawn; each series is reduced to one value',
    );
  }
  if (panel.type === 'gauge' && options.showThresholdLabels === true) {
    add('options.showThresholdLabels', 'the threshold labels around the gauge are not drawn');
  }
  if (panel.type === 'bargauge') {
    if (options.displayMode === 'gradient' || options.displayMode === 'lcd') {
      add(
        'options.displayMode',
        `the ${options.displayMode === 'lcd' ? 'retro LCD' : 'gradient'} bar style is drawn as basic bars`,
      );
    }
    if (options.orientation === 'vertical') {
      add('options.orientation', 'vertical bars are drawn horizontal');
    }
  }
  if (panel.type === 'state-timeline' || panel.type === 'status-history') {
    const custom = isRecord(defaults.custom) ? defaults.custom : {};
    const base = 'fieldConfig.defaults.custom';
    if (typeof custom.lineWidth === 'number' && custom.lineWidth > 0) {
      add(`${base}.lineWidth`, 'the outlines of the boxes (line width) are not drawn');
    }
    if (custom.spanNulls !== undefined && custom.spanNulls !== false && custom.spanNulls !== 0) {
      add(`${base}.spanNulls`, '"Connect null values" is not drawn; a gap ends a state');
    }
  }
  const targets = Array.isArray(panel.targets) ? panel.targets : [];
  targets.forEach((t, i) => {
    if (isRecord(t) && t.exemplar === true && t.hide !== true) {
      add(`targets[${i}].exemplar`, 'exemplars are not drawn');
    }
  });
  return out;
}
