import { describe, expect, it } from 'vitest';
import type { Panel } from '../model/model.ts';
import type { PanelColumns } from './panel-data.ts';
import { reducedCells } from './reduced.ts';

const data: PanelColumns = {
  xs: [1, 2, 3],
  ys: [
    [1, 0, 1],
    [0.2, 0.4, null],
  ],
  series: [
    { key: 'a', refId: 'A', label: 'api', metric: { job: 'api' }, color: '#73BF69' },
    { key: 'b', refId: 'B', label: 'db', metric: { job: 'db' }, color: '#F2CC0C' },
  ],
  dropped: 0,
  samples: 5,
};

describe('reducedCells', () => {
  it('reduces, then shows each series through its own config and mappings', () => {
    const panel: Pick<Panel, 'options' | 'fieldConfig'> = {
      options: { reduceOptions: { calcs: ['lastNotNull'] } },
      fieldConfig: {
        defaults: {
          mappings: [{ type: 'value', options: { '1': { text: 'UP', color: 'green' } } }],
          thresholds: { mode: 'absolute', steps: [{ color: 'red', value: null }] },
        },
        overrides: [
          {
            matcher: { id: 'byFrameRefID', options: 'B' },
            properties: [
              { id: 'unit', value: 'percentunit' },
              { id: 'displayName', value: 'Database' },
            ],
          },
        ],
      },
    };
    const cells = reducedCells(panel, data);
    expect(cells.map((c) => [c.name, c.value, c.text, c.color, c.mapped])).toEqual([
      ['api', 1, 'UP', '#73BF69', true],
      ['Database', 0.4, '40%', '#F2495C', false],
    ]);
  });

  it("gives each cell the panel's data range, and reads percentage thresholds against it", () => {
    const panel: Pick<Panel, 'options' | 'fieldConfig'> = {
      options: {},
      fieldConfig: {
        defaults: {
          thresholds: {
            mode: 'percentage',
            steps: [
              { color: 'green', value: null },
              { color: 'red', value: 50 },
            ],
          },
        },
        overrides: [
          { matcher: { id: 'byFrameRefID', options: 'B' }, properties: [{ id: 'max', value: 2 }] },
        ],
      },
    };
    const cells = reducedCells(panel, data);
    // Every value of both series: 0 to 1; B's max set to 2. 0.4 is 20 % of 0–2: green;
    // 1 is 100 % of 0–1: red.
    expect(cells.map((c) => c.range)).toEqual([
      [0, 1],
      [0, 2],
    ]);
    expect(cells.map((c) => c.color)).toEqual(['#F2495C', '#73BF69']);
  });
});
