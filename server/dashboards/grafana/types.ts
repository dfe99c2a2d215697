// Shared types and small helpers for the Grafana import normaliser.
// Dashboard JSON model: https://grafana.com/docs/grafana/latest/dashboards/build-dashboards/view-dashboard-json-model/

import type { ImportIssue } from '../../../contract/grafana.ts';
import { isRecord, type Json } from '../../../contract/json.ts';

export type { ImportIssue, Json };

export interface NormaliseResult {
  dashboard: Record<string, unknown>;
  issues: ImportIssue[];
}

export interface NormaliseOptions {
  /** The datasources configured in Promscope, when known: a name among them becomes its uid. */
  datasources?: readonly { uid: string; name: string }[];
  /** Values for `__inputs` placeholders such as `${DS_PROMETHEUS}`. */
  inputs?: { name: string; value: string }[];
}

/** Thrown when the input is not a dashboard at all; the message names the first bad field. */
export class ImportError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ImportError';
  }
}

/** Collects issues, at most one per panel path and kind. */
export class IssueLog {
  readonly list: ImportIssue[] = [];
  private readonly seen = new Set<string>();

  add(panel: Json | undefined, path: string, message: string, kind = message): void {
    const key = `${path}\u0000${kind}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    const issue: ImportIssue = { path, message };
    if (panel && typeof panel.id === 'number') issue.panelId = panel.id;
    if (panel && typeof panel.title === 'string') issue.panelTitle = panel.title;
    this.list.push(issue);
  }
}

/** Field config as in packages/grafana-schema (FieldConfigSource): defaults + overrides. */
export function fieldConfigOf(panel: Json): { defaults: Json; custom: Json; overrides: unknown[] } {
  const fc = isRecord(panel.fieldConfig) ? panel.fieldConfig : {};
  const defaults = isRecord(fc.defaults) ? fc.defaults : {};
  const custom = isRecord(defaults.custom) ? defaults.custom : {};
  const overrides = Array.isArray(fc.overrides) ? fc.overrides : [];
  return { defaults, custom, overrides };
}

/** Legacy fields fill the gaps; anything already in the panel's fieldConfig wins. */
export function mergeFieldConfig(
  panel: Json,
  defaults: Json,
  custom: Json,
  overrides: unknown[],
): void {
  const old = fieldConfigOf(panel);
  const fc = isRecord(panel.fieldConfig) ? panel.fieldConfig : {};
  panel.fieldConfig = {
    ...fc,
    defaults: { ...defaults, ...old.defaults, custom: { ...custom, ...old.custom } },
    overrides: [...old.overrides, ...overrides],
  };
}

export function drop(panel: Json, keys: readonly string[]): void {
  for (const k of keys) delete panel[k];
}
