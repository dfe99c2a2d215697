// Angular-era value mappings → Grafana's current ValueMapping model, as Grafana converts them:
// - singlestat's `valueMaps` / `rangeMaps` (+ `mappingType`): convertOldAngularValueMappings and
//   upgradeOldAngularValueMapping in packages/grafana-data/src/utils/valueMappings.ts, one
//   mapping per old entry, in order;
// - `fieldConfig` mappings still in the old shape (`type: 1` value, `type: 2` range), in the
//   defaults and in `mappings` override properties: upgradeValueMappings in
//   public/app/features/dashboard/state/DashboardMigrator.ts (schemaVersion 30), value maps
//   merged into one.
// In both, a mapping whose text is a number takes the colour the thresholds give that number
// ("the colour we would have picked from thresholds"); any other text gets no colour.
// Schema: https://github.com/grafana/grafana/blob/main/packages/grafana-data/src/types/valueMapping.ts
import { isRecord } from '../../../contract/json.ts';
import type { Json } from './types.ts';

/** Grafana's getActiveThreshold; the base step's `null` (JSON for -Infinity) is below all. */
function activeColor(value: number, thresholds: unknown): string | undefined {
  const steps = isRecord(thresholds) && Array.isArray(thresholds.steps) ? thresholds.steps : [];
  let active: unknown = steps[0];
  for (const s of steps) {
    if (!isRecord(s)) continue;
    const v =
      s.value === null || s.value === undefined ? Number.NEGATIVE_INFINITY : Number(s.value);
    if (value >= v) active = s;
    else break;
  }
  return isRecord(active) && typeof active.color === 'string' ? active.color : undefined;
}

/** JavaScript's parseFloat, as Grafana applies it to the mapping's text. */
function leadingNumber(text: unknown): number {
  return typeof text === 'string' ? Number.parseFloat(text) : Number.NaN;
}

/** `{text, color}` with the colour left out when there is none (undefined in Grafana's JSON). */
function result(old: Json, thresholds: unknown): Json {
  const n = leadingNumber(old.text);
  const color =
    thresholds !== undefined && !Number.isNaN(n) ? activeColor(n, thresholds) : undefined;
  return color === undefined ? { text: old.text } : { text: old.text, color };
}

/** Grafana's `+x` on a range bound: '' is 0, anything not a number is NaN (null in JSON). */
function bound(v: unknown): number | null {
  const n =
    v === null ? 0 : typeof v === 'string' || typeof v === 'number' ? Number(v) : Number.NaN;
  return Number.isFinite(n) ? n : null;
}

const special = (res: Json): Json => ({ type: 'special', options: { match: 'null', result: res } });

/** One old entry of the given type → the new mapping, or undefined (no value to match). */
function upgradeOne(old: Json, type: number, thresholds: unknown): Json | undefined {
  const res = result(old, thresholds);
  if (type === 1) {
    if (old.value === undefined || old.value === null) return undefined;
    if (old.value === 'null') return special(res);
    return { type: 'value', options: { [String(old.value)]: res } };
  }
  if (type === 2) {
    if (old.from === 'null' && old.to === 'null') return special(res);
    return { type: 'range', options: { from: bound(old.from), to: bound(old.to), result: res } };
  }
  return undefined;
}

/**
 * Singlestat `valueMaps` / `rangeMaps` → ValueMapping[]. `mappingType` picks the list; without
 * it, the value maps if there are any, else the range maps. `thresholds` are the migrated
 * ones (`{mode, steps}`), for the colours.
 */
export function singlestatMappings(panel: Json, thresholds: unknown): Json[] {
  const valueMaps = Array.isArray(panel.valueMaps) ? panel.valueMaps : [];
  const rangeMaps = Array.isArray(panel.rangeMaps) ? panel.rangeMaps : [];
  let type = panel.mappingType;
  if (!type) type = valueMaps.length > 0 ? 1 : rangeMaps.length > 0 ? 2 : undefined;
  const list = type === 1 ? valueMaps : type === 2 ? rangeMaps : [];
  return list.flatMap((m) => {
    const up = isRecord(m) ? upgradeOne(m, type as number, thresholds) : undefined;
    return up ? [up] : [];
  });
}

/** True for a mapping list that still holds an old-shape (`type: 1|2`, no options) entry. */
export function hasOldMappings(list: unknown): boolean {
  return Array.isArray(list) && list.some((m) => isRecord(m) && !(m.type && m.options));
}

/** DashboardMigrator's upgradeValueMappings: a list of old and new entries → new ones only. */
export function upgradeMappings(list: unknown[], thresholds?: unknown): Json[] {
  const values: Json = {};
  const out: Json[] = [];
  for (const m of list) {
    if (!isRecord(m)) continue;
    if (m.type && m.options) {
      if (m.type === 'value' && isRecord(m.options)) Object.assign(values, m.options);
      else out.push(m);
      continue;
    }
    const up = upgradeOne(m, m.type === 1 || m.type === 2 ? m.type : 0, thresholds);
    if (up?.type === 'value' && isRecord(up.options)) Object.assign(values, up.options);
    else if (up) out.push(up);
  }
  if (Object.keys(values).length > 0) out.unshift({ type: 'value', options: values });
  return out;
}

/** The schemaVersion 30 step on one panel: defaults (with its thresholds) and overrides. */
export function upgradeFieldConfigMappings(panel: Json): void {
  const fc = panel.fieldConfig;
  if (!isRecord(fc)) return;
  const defaults = fc.defaults;
  if (isRecord(defaults) && hasOldMappings(defaults.mappings))
    defaults.mappings = upgradeMappings(defaults.mappings as unknown[], defaults.thresholds);
  for (const o of Array.isArray(fc.overrides) ? fc.overrides : []) {
    if (!isRecord(o) || !Array.isArray(o.properties)) continue;
    for (const p of o.properties)
      if (isRecord(p) && p.id === 'mappings' && hasOldMappings(p.value))
        p.value = upgradeMappings(p.value as unknown[]);
  }
}
