// The import report is truthful only if it covers every option a real dashboard carries:
// this walks every option of every panel of every fixture (the real Grafana exports beside
// the repository, the e2e dashboards and the provisioned ones), after import, and fails on
// an option that is neither drawn (contract/drawn.ts names where) nor reported
// (contract/undrawn.ts). A new fixture with an option nobody classified fails here.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { homeOf, optionLeaves, within } from '../../../contract/drawn.ts';
import { isRecord, type Json } from '../../../contract/json.ts';
import { undrawnOptions } from '../../../contract/undrawn.ts';
import { GRAFANA_FIXTURES, haveGrafanaFixtures } from '../../test-helpers.ts';
import { normaliseDashboard } from './index.ts';
import { DRAWN_TYPES } from './panels.ts';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const DIRS = [
  ...(haveGrafanaFixtures ? [GRAFANA_FIXTURES] : []),
  join(ROOT, 'e2e', 'fixtures', 'dashboards'),
  join(ROOT, 'dashboards'),
];
const FILES = DIRS.flatMap((dir) =>
  readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .map((f) => join(dir, f)),
);

const panelsOf = (d: Json): Json[] =>
  (Array.isArray(d.panels) ? d.panels : [])
    .filter(isRecord)
    .flatMap((p) => [p, ...(Array.isArray(p.panels) ? p.panels.filter(isRecord) : [])]);

/** `panel.path = value` for every option that is neither drawn nor reported. */
function unclassified(panel: Json): string[] {
  if (!DRAWN_TYPES.has(String(panel.type))) return []; // the whole panel is reported
  const reported = undrawnOptions(panel).map((u) => u.path);
  return optionLeaves(panel)
    .filter((leaf) => !reported.some((r) => within(leaf.path, r)))
    .filter((leaf) => homeOf(leaf.pattern) === undefined)
    .map((leaf) => `${leaf.pattern} = ${JSON.stringify(leaf.value)}`);
}

describe('every option of every fixture is drawn or reported', () => {
  it('finds the fixtures', () => {
    expect(FILES.length).toBeGreaterThanOrEqual(haveGrafanaFixtures ? 12 : 7);
  });

  it.each(FILES.map((f) => [f.split('/').slice(-2).join('/'), f]))('%s', (_name, file) => {
    const { dashboard } = normaliseDashboard(JSON.parse(readFileSync(file, 'utf8')));
    const left = panelsOf(dashboard).flatMap((p) =>
      unclassified(p).map((u) => `${String(p.title)}: ${u}`),
    );
    expect(left).toEqual([]);
  });

  it('fails on an option in neither list', () => {
    const panel = {
      type: 'timeseries',
      title: 'x',
      fieldConfig: { defaults: { custom: { axisSoftMin: 3, lineWidth: 2 } } },
      options: { legend: { showLegend: true }, sparkles: true },
    };
    expect(unclassified(panel)).toEqual(['options.sparkles = true']);
  });

  it('takes a reported option as classified, at whatever value', () => {
    const panel = {
      type: 'timeseries',
      fieldConfig: {
        defaults: {},
        overrides: [
          {
            matcher: { id: 'byName', options: 'Reads' },
            properties: [{ id: 'custom.transform', value: 'constant' }],
          },
        ],
      },
    };
    expect(unclassified(panel)).toEqual([]);
    expect(undrawnOptions(panel)).toEqual([
      {
        path: 'fieldConfig.overrides[0].properties[0]',
        message: 'override "Reads": transform constant is not drawn; values shown as they are',
      },
    ]);
  });
});
