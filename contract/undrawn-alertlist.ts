// What Grafana's alert list panel (`alertlist`) carries that Promscope does not draw, in the
// shape of undrawn.ts's rules. The panel lists the current state of a Prometheus datasource's
// alerting rules (web/panels/alert-list.ts); Grafana's list of recent state changes, its folder,
// tag and data source filters, and its stat colouring are not drawn.
import { isRecord } from './json.ts';

const ALERTLIST = ['alertlist'] as const;
const text = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v));
const unset = (v: unknown) =>
  v === null ||
  v === undefined ||
  v === '' ||
  (Array.isArray(v) && v.length === 0) ||
  (isRecord(v) && Object.values(v).every((x) => x === '' || x === null || x === undefined));
const current = (v: unknown) => v === null || v === undefined || v === 'current';
const changes = () =>
  'show "Recent state changes" is not drawn; the current state of the alerting rules is listed';

export const ALERTLIST_NOT_DRAWN = [
  { pattern: 'options.showOptions', kinds: ALERTLIST, drawn: current, words: changes },
  // Before Grafana 7.5 the same option lived at the top of the panel.
  { pattern: 'show', kinds: ALERTLIST, drawn: current, words: changes },
  {
    pattern: 'options.folder',
    kinds: ALERTLIST,
    drawn: unset,
    words: (v: unknown) =>
      `folder filter ${text(isRecord(v) ? (v.title ?? v.uid) : v)} is not applied; every rule group is listed`,
  },
  ...['options.folderId', 'folderId'].map((pattern) => ({
    pattern,
    kinds: ALERTLIST,
    drawn: unset,
    words: (v: unknown) => `folder filter ${text(v)} is not applied; every rule group is listed`,
  })),
  {
    pattern: 'options.datasource',
    kinds: ALERTLIST,
    drawn: unset,
    words: (v: unknown) =>
      `data source filter ${text(v)} is not applied; the alerts of the panel's datasource are listed`,
  },
  ...['options.tags', 'dashboardTags', 'options.dashboardTitle', 'dashboardFilter'].map(
    (pattern) => ({
      pattern,
      kinds: ALERTLIST,
      drawn: unset,
      words: (v: unknown) => `dashboard filter ${text(v)} (legacy dashboard alerts) is not applied`,
    }),
  ),
  {
    pattern: 'options.showInactiveAlerts',
    kinds: ALERTLIST,
    drawn: (v: unknown) => v !== true,
    words: () => 'show alerts with 0 instances is not applied in custom grouping',
  },
  {
    pattern: 'options.statColorMode',
    kinds: ALERTLIST,
    drawn: (v: unknown) => v === undefined || v === null || v === 'none',
    words: (v: unknown) => `stat color mode ${text(v)} is drawn uncoloured`,
  },
  {
    pattern: 'options.statValueMappings',
    kinds: ALERTLIST,
    drawn: unset,
    words: () => 'stat value mappings are not applied; the count is shown',
  },
];
