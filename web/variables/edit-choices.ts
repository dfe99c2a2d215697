// What the variable editor offers to choose from, in Grafana's words and order: the types
// (with Grafana's descriptions), sort, hide and refresh modes, and interval step counts.
// https://grafana.com/docs/grafana/latest/dashboards/variables/add-template-variables/

/** The types the editor offers, in Grafana's order, with Grafana's descriptions. */
export const VARIABLE_TYPES = [
  { type: 'query', label: 'Query', help: 'Variable values are fetched from a datasource query' },
  { type: 'custom', label: 'Custom', help: 'Define variable values manually' },
  {
    type: 'textbox',
    label: 'Text box',
    help: 'Define a textbox variable, where users can enter any arbitrary string',
  },
  {
    type: 'constant',
    label: 'Constant',
    help: 'Define a hidden constant variable, useful for metric prefixes in dashboards you want to share',
  },
  {
    type: 'datasource',
    label: 'Data source',
    help: 'Enables you to dynamically switch the data source for multiple panels',
  },
  { type: 'interval', label: 'Interval', help: 'Define a timespan interval (ex 1m, 1h, 1d)' },
] as const;

/** Types that offer multi-value and All (Selection options). */
export const SELECTION_TYPES: ReadonlySet<string> = new Set(['query', 'custom']);

export type EditableType = (typeof VARIABLE_TYPES)[number]['type'];

/** Grafana's sort modes, by the number stored in `sort`. */
export const SORT_MODES: readonly (readonly [number, string])[] = [
  [0, 'Disabled'],
  [1, 'Alphabetical (asc)'],
  [2, 'Alphabetical (desc)'],
  [3, 'Numerical (asc)'],
  [4, 'Numerical (desc)'],
  [5, 'Alphabetical (case-insensitive, asc)'],
  [6, 'Alphabetical (case-insensitive, desc)'],
  [7, 'Natural (asc)'],
  [8, 'Natural (desc)'],
];

/** `hide`: what the dashboard shows of the variable. */
export const HIDE_MODES: readonly (readonly [number, string])[] = [
  [0, 'Label and value'],
  [1, 'Value'],
  [2, 'Nothing'],
];

/** `refresh` of a query variable. */
export const REFRESH_MODES: readonly (readonly [number, string])[] = [
  [1, 'On dashboard load'],
  [2, 'On time range change'],
];

/** Interval variables' "step count" choices, as Grafana offers them. */
export const AUTO_COUNTS = [1, 2, 3, 4, 5, 10, 20, 30, 40, 50, 100, 200, 300, 400, 500];
