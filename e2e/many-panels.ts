// A dashboard of thousands of panels, written by global setup into the provisioned folder
// (provisioned dashboards are the operator's files, so MAX_PANELS does not apply to them): for
// the spec that opens it (e2e/ui/many-panels.spec.ts). Each panel asks its own expression,
// `vector(<n>)`, so the requests the page sends say exactly which panels queried.
export const MANY_UID = 'e2e-many-panels';
export const MANY_COUNT = 2000;
export const PER_ROW = 4;
export const PANEL_H = 5; // grid rows: 5 × 30 px + 4 gaps of 8 px

export const manyExpr = (n: number) => `vector(${n})`;

/** The panel number a `vector(<n>)` expression belongs to, or null for any other query. */
export function manyPanelOf(expr: string): number | null {
  const m = /^vector\((\d+)\)$/.exec(expr);
  return m ? Number(m[1]) : null;
}

export function manyPanelsDashboard(count = MANY_COUNT): Record<string, unknown> {
  return {
    uid: MANY_UID,
    title: 'Many panels',
    schemaVersion: 39,
    time: { from: 'now-5m', to: 'now' },
    refresh: '',
    panels: Array.from({ length: count }, (_, i) => ({
      id: i + 1,
      type: 'timeseries',
      title: `Panel ${i + 1}`,
      gridPos: { x: (i % PER_ROW) * 6, y: Math.floor(i / PER_ROW) * PANEL_H, w: 6, h: PANEL_H },
      targets: [{ refId: 'A', expr: manyExpr(i + 1) }],
      fieldConfig: { defaults: {}, overrides: [] },
      options: {},
    })),
  };
}
