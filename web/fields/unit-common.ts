// The units most dashboards use (Prometheus' base units and Grafana's defaults), formatted
// without the catalogue: the whole catalogue (unit-catalogue.ts, ~4 KB gzip) is loaded lazily,
// so a panel in one of these units draws on first paint without waiting for it. Each entry is
// the catalogue's own formatter for that id; units.test.ts checks the two agree.
import type { Formatter } from './unit-number.ts';
import {
  count,
  fixedUnit,
  iecPrefix,
  percent,
  percentUnit,
  SHORT,
  siPrefix,
} from './unit-number.ts';
import {
  days,
  hours,
  microseconds,
  milliseconds,
  minutes,
  nanoseconds,
  seconds,
} from './unit-time.ts';

export const NONE: Formatter = fixedUnit('');

export const COMMON_UNITS: ReadonlyMap<string, Formatter> = new Map<string, Formatter>([
  ['none', NONE],
  ['short', SHORT],
  ['percent', percent],
  ['percentunit', percentUnit],
  ['bytes', iecPrefix('B')],
  ['decbytes', siPrefix('B')],
  ['bits', iecPrefix('b')],
  ['decbits', siPrefix('b')],
  ['binBps', iecPrefix('B/s')],
  ['Bps', siPrefix('B/s')],
  ['binbps', iecPrefix('b/s')],
  ['bps', siPrefix('b/s')],
  ['ns', nanoseconds],
  ['µs', microseconds],
  ['ms', milliseconds],
  ['s', seconds],
  ['m', minutes],
  ['h', hours],
  ['d', days],
  ['cps', count('c/s')],
  ['ops', count('ops/s')],
  ['reqps', count('req/s')],
  ['rps', count('rd/s')],
  ['wps', count('wr/s')],
  ['iops', count('io/s')],
]);
