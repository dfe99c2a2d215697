// Dashboard settings' pure parts: the JSON Model tab's parse (checked as the server checks a
// save, so what is applied can be saved) and the tag field's splitting.
import type { Json } from '../../model/dashboard-edit.ts';
import { parseDashboardText } from '../list/import-dialog.ts';

export type ParsedJson = { ok: true; dashboard: Json } | { ok: false; error: string };

/** The edited JSON as a dashboard, or the first reason it is not one; nothing changes unless ok. */
export function parseDashboardJson(text: string): ParsedJson {
  const parsed = parseDashboardText(text);
  if (!parsed.ok) return parsed;
  const d = parsed.dashboard;
  if (typeof d.title !== 'string' || !d.title.trim()) {
    return { ok: false, error: 'title: must be a non-empty string' };
  }
  if (d.panels !== undefined && !Array.isArray(d.panels)) {
    return { ok: false, error: 'panels: must be an array' };
  }
  const bad = (Array.isArray(d.panels) ? d.panels : []).findIndex(
    (p) => typeof p !== 'object' || p === null || Array.isArray(p),
  );
  if (bad >= 0) return { ok: false, error: `panels[${bad}]: must be an object` };
  return { ok: true, dashboard: d };
}

/** "a, b  c" → ["a", "b", "c"]: tags are typed separated by commas or spaces. */
export function splitTags(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/[,\s]+/)
        .map((t) => t.trim())
        .filter(Boolean),
    ),
  ];
}
