// Grafana's whole unit catalogue: every id of its unit picker, by category, with Grafana's
// names, and the custom forms (`suffix:`, `prefix:`, `si:`, `count:`, `currency:`, `time:`,
// `bool:`). The list follows categories.ts; an id outside it is shown as a plain suffix.
// Long on purpose: it is one table, read beside Grafana's one file, and split it would no
// longer line up with the file it copies the ids and names of (the formatters it uses live
// in unit-number.ts, unit-time.ts and unit-date.ts).
// https://github.com/grafana/grafana/blob/main/packages/grafana-data/src/valueFormats/categories.ts
import { formatDate, fromNow, sameDay, type TimeZone, unitZone } from './unit-date.ts';
import {
  asString,
  bool,
  count,
  currency,
  type Decimals,
  type Formatted,
  fixedUnit,
  hex,
  hex0x,
  iecPrefix,
  locale,
  percent,
  percentUnit,
  SHORT,
  scaled,
  sci,
  siOffset,
  siPrefix,
} from './unit-number.ts';
import {
  clockMs,
  clockSeconds,
  days,
  daysHoursMinutesSeconds,
  hours,
  hoursMinutesSeconds,
  microseconds,
  milliseconds,
  minutes,
  nanoseconds,
  seconds,
  spelledDuration,
  timeticks,
} from './unit-time.ts';

/** What date units need besides the value: the zone to read it in, and "now". */
export interface UnitContext {
  timeZone?: TimeZone;
  now?: number;
}

export type UnitFormatter = (value: number, decimals?: Decimals, ctx?: UnitContext) => Formatted;

type Entry = readonly [id: string, name: string, fn: UnitFormatter];

export interface UnitCategory {
  name: string;
  units: readonly Entry[];
}

const fixed = (u: string) => fixedUnit(u);

function dateUnit(pattern: string, todayPattern?: string): UnitFormatter {
  return (v, _d, ctx) => {
    const now = ctx?.now ?? Date.now();
    const zone = unitZone(ctx?.timeZone);
    const p = todayPattern !== undefined && sameDay(v, now, zone) ? todayPattern : pattern;
    return { text: formatDate(v, p, zone) };
  };
}

/** The browser's own way of writing a date (Grafana's "Datetime local"). */
function localDate(withDate: boolean): UnitFormatter {
  return (v, _d, ctx) => {
    const zone = unitZone(ctx?.timeZone);
    const timeZone = zone === 'utc' ? 'UTC' : zone && zone !== 'browser' ? zone : undefined;
    const now = ctx?.now ?? Date.now();
    const dateToo = withDate || !sameDay(v, now, zone);
    try {
      return {
        text: new Intl.DateTimeFormat(undefined, {
          ...(dateToo ? { year: 'numeric', month: '2-digit', day: '2-digit' } : {}),
          hour: '2-digit',
          minute: '2-digit',
          second: '2-digit',
          timeZone,
        }).format(v),
      };
    } catch {
      return { text: formatDate(v, 'YYYY-MM-DD HH:mm:ss', zone) };
    }
  };
}

const duration =
  (unit: string): UnitFormatter =>
  (v, d) =>
    spelledDuration(unit, v, d);

export const CATEGORIES: readonly UnitCategory[] = [
  {
    name: 'Misc',
    units: [
      ['none', 'Number', fixed('')],
      ['string', 'String', asString],
      ['short', 'short', SHORT],
      ['sishort', 'SI short', siPrefix('')],
      ['percent', 'Percent (0-100)', percent],
      ['percentunit', 'Percent (0.0-1.0)', percentUnit],
      ['humidity', 'Humidity (%H)', fixed('%H')],
      ['dB', 'Decibel', fixed('dB')],
      ['candela', 'Candela (cd)', siPrefix('cd')],
      ['hex0x', 'Hexadecimal (0x)', hex0x],
      ['hex', 'Hexadecimal', hex],
      ['sci', 'Scientific notation', sci],
      ['locale', 'Locale format', locale],
      ['pixel', 'Pixels', fixed('px')],
    ],
  },
  {
    name: 'Acceleration',
    units: [
      ['accMS2', 'Meters/sec²', fixed('m/sec²')],
      ['accFS2', 'Feet/sec²', fixed('f/sec²')],
      ['accG', 'G unit', fixed('g')],
    ],
  },
  {
    name: 'Angle',
    units: [
      ['degree', 'Degrees (°)', fixed('°')],
      ['radian', 'Radians', fixed('rad')],
      ['grad', 'Gradian', fixed('grad')],
      ['arcmin', 'Arc Minutes', fixed('arcmin')],
      ['arcsec', 'Arc Seconds', fixed('arcsec')],
    ],
  },
  {
    name: 'Area',
    units: [
      ['areaM2', 'Square Meters (m²)', fixed('m²')],
      ['areaF2', 'Square Feet (ft²)', fixed('ft²')],
      ['areaMI2', 'Square Miles (mi²)', fixed('mi²')],
      ['acres', 'Acres (ac)', fixed('ac')],
      ['hectares', 'Hectares (ha)', fixed('ha')],
    ],
  },
  {
    name: 'Computation',
    units: [
      ['flops', 'FLOP/s', siPrefix('FLOPS')],
      ['mflops', 'MFLOP/s', siPrefix('FLOPS', 2)],
      ['gflops', 'GFLOP/s', siPrefix('FLOPS', 3)],
      ['tflops', 'TFLOP/s', siPrefix('FLOPS', 4)],
      ['pflops', 'PFLOP/s', siPrefix('FLOPS', 5)],
      ['eflops', 'EFLOP/s', siPrefix('FLOPS', 6)],
      ['zflops', 'ZFLOP/s', siPrefix('FLOPS', 7)],
      ['yflops', 'YFLOP/s', siPrefix('FLOPS', 8)],
    ],
  },
  {
    name: 'Concentration',
    units: [
      ['ppm', 'parts-per-million (ppm)', fixed('ppm')],
      ['conppb', 'parts-per-billion (ppb)', fixed('ppb')],
      ['conngm3', 'nanogram per cubic meter (ng/m³)', fixed('ng/m³')],
      ['conngNm3', 'nanogram per normal cubic meter (ng/Nm³)', fixed('ng/Nm³')],
      ['conμgm3', 'microgram per cubic meter (μg/m³)', fixed('μg/m³')],
      ['conμgNm3', 'microgram per normal cubic meter (μg/Nm³)', fixed('μg/Nm³')],
      ['conmgm3', 'milligram per cubic meter (mg/m³)', fixed('mg/m³')],
      ['conmgNm3', 'milligram per normal cubic meter (mg/Nm³)', fixed('mg/Nm³')],
      ['congm3', 'gram per cubic meter (g/m³)', fixed('g/m³')],
      ['congNm3', 'gram per normal cubic meter (g/Nm³)', fixed('g/Nm³')],
      ['conmgdL', 'milligrams per decilitre (mg/dL)', fixed('mg/dL')],
      ['conmmolL', 'millimoles per litre (mmol/L)', fixed('mmol/L')],
    ],
  },
  {
    name: 'Currency',
    units: [
      ['currencyUSD', 'Dollars ($)', currency('$')],
      ['currencyGBP', 'Pounds (£)', currency('£')],
      ['currencyEUR', 'Euro (€)', currency('€')],
      ['currencyJPY', 'Yen (¥)', currency('¥')],
      ['currencyRUB', 'Rubles (₽)', currency('₽')],
      ['currencyUAH', 'Hryvnias (₴)', currency('₴')],
      ['currencyBRL', 'Real (R$)', currency('R$')],
      ['currencyDKK', 'Danish Krone (kr)', currency('kr', true)],
      ['currencyISK', 'Icelandic Króna (kr)', currency('kr', true)],
      ['currencyNOK', 'Norwegian Krone (kr)', currency('kr', true)],
      ['currencySEK', 'Swedish Krona (kr)', currency('kr', true)],
      ['currencyCZK', 'Czech koruna (czk)', currency('czk')],
      ['currencyCHF', 'Swiss franc (CHF)', currency('CHF')],
      ['currencyPLN', 'Polish Złoty (PLN)', currency('PLN')],
      ['currencyBTC', 'Bitcoin (฿)', currency('฿')],
      ['currencymBTC', 'Milli Bitcoin (฿)', currency('mBTC')],
      ['currencyμBTC', 'Micro Bitcoin (฿)', currency('μBTC')],
      ['currencyZAR', 'South African Rand (R)', currency('R')],
      ['currencyINR', 'Indian Rupee (₹)', currency('₹')],
      ['currencyKRW', 'South Korean Won (₩)', currency('₩')],
      ['currencyIDR', 'Indonesian Rupiah (Rp)', currency('Rp')],
      ['currencyPHP', 'Philippine Peso (PHP)', currency('PHP')],
      ['currencyVND', 'Vietnamese Dong (VND)', currency('đ', true)],
      ['currencyTRY', 'Turkish Lira (₺)', currency('₺', true)],
      ['currencyMYR', 'Malaysian Ringgit (RM)', currency('RM')],
      ['currencyXPF', 'CFP franc (XPF)', currency('XPF')],
      ['currencyBGN', 'Bulgarian Lev (BGN)', currency('BGN')],
      ['currencyPYG', 'Guaraní (₲)', currency('₲')],
      ['currencyUYU', 'Uruguay Peso (UYU)', currency('UYU')],
      ['currencyILS', 'Israeli New Shekels (₪)', currency('₪')],
    ],
  },
  {
    name: 'Data',
    units: [
      ['bytes', 'bytes(IEC)', iecPrefix('B')],
      ['decbytes', 'bytes(SI)', siPrefix('B')],
      ['bits', 'bits(IEC)', iecPrefix('b')],
      ['decbits', 'bits(SI)', siPrefix('b')],
      ['kbytes', 'kibibytes', iecPrefix('B', 1)],
      ['deckbytes', 'kilobytes', siPrefix('B', 1)],
      ['mbytes', 'mebibytes', iecPrefix('B', 2)],
      ['decmbytes', 'megabytes', siPrefix('B', 2)],
      ['gbytes', 'gibibytes', iecPrefix('B', 3)],
      ['decgbytes', 'gigabytes', siPrefix('B', 3)],
      ['tbytes', 'tebibytes', iecPrefix('B', 4)],
      ['dectbytes', 'terabytes', siPrefix('B', 4)],
      ['pbytes', 'pebibytes', iecPrefix('B', 5)],
      ['decpbytes', 'petabytes', siPrefix('B', 5)],
    ],
  },
  {
    name: 'Data rate',
    units: [
      ['pps', 'packets/sec', siPrefix('p/s')],
      ['binBps', 'bytes/sec(IEC)', iecPrefix('B/s')],
      ['Bps', 'bytes/sec(SI)', siPrefix('B/s')],
      ['binbps', 'bits/sec(IEC)', iecPrefix('b/s')],
      ['bps', 'bits/sec(SI)', siPrefix('b/s')],
      ['KiBs', 'kibibytes/sec', iecPrefix('B/s', 1)],
      ['Kibits', 'kibibits/sec', iecPrefix('b/s', 1)],
      ['KBs', 'kilobytes/sec', siPrefix('B/s', 1)],
      ['Kbits', 'kilobits/sec', siPrefix('b/s', 1)],
      ['MiBs', 'mebibytes/sec', iecPrefix('B/s', 2)],
      ['Mibits', 'mebibits/sec', iecPrefix('b/s', 2)],
      ['MBs', 'megabytes/sec', siPrefix('B/s', 2)],
      ['Mbits', 'megabits/sec', siPrefix('b/s', 2)],
      ['GiBs', 'gibibytes/sec', iecPrefix('B/s', 3)],
      ['Gibits', 'gibibits/sec', iecPrefix('b/s', 3)],
      ['GBs', 'gigabytes/sec', siPrefix('B/s', 3)],
      ['Gbits', 'gigabits/sec', siPrefix('b/s', 3)],
      ['TiBs', 'tebibytes/sec', iecPrefix('B/s', 4)],
      ['Tibits', 'tebibits/sec', iecPrefix('b/s', 4)],
      ['TBs', 'terabytes/sec', siPrefix('B/s', 4)],
      ['Tbits', 'terabits/sec', siPrefix('b/s', 4)],
      ['PiBs', 'pebibytes/sec', iecPrefix('B/s', 5)],
      ['Pibits', 'pebibits/sec', iecPrefix('b/s', 5)],
      ['PBs', 'petabytes/sec', siPrefix('B/s', 5)],
      ['Pbits', 'petabits/sec', siPrefix('b/s', 5)],
    ],
  },
  {
    name: 'Date & time',
    units: [
      ['dateTimeAsIso', 'Datetime ISO', dateUnit('YYYY-MM-DD HH:mm:ss')],
      [
        'dateTimeAsIsoNoDateIfToday',
        'Datetime ISO (No date if today)',
        dateUnit('YYYY-MM-DD HH:mm:ss', 'HH:mm:ss'),
      ],
      ['dateTimeAsUS', 'Datetime US', dateUnit('MM/DD/YYYY h:mm:ss a')],
      [
        'dateTimeAsUSNoDateIfToday',
        'Datetime US (No date if today)',
        dateUnit('MM/DD/YYYY h:mm:ss a', 'h:mm:ss a'),
      ],
      ['dateTimeAsLocal', 'Datetime local', localDate(true)],
      ['dateTimeAsLocalNoDateIfToday', 'Datetime local (No date if today)', localDate(false)],
      ['dateTimeAsSystem', 'Datetime default', dateUnit('YYYY-MM-DD HH:mm:ss')],
      [
        'dateTimeFromNow',
        'From Now',
        (v, _d, ctx) => ({ text: fromNow(v, ctx?.now ?? Date.now()) }),
      ],
    ],
  },
  {
    name: 'Energy',
    units: [
      ['watt', 'Watt (W)', siPrefix('W')],
      ['kwatt', 'Kilowatt (kW)', siPrefix('W', 1)],
      ['megwatt', 'Megawatt (MW)', siPrefix('W', 2)],
      ['gwatt', 'Gigawatt (GW)', siPrefix('W', 3)],
      ['mwatt', 'Milliwatt (mW)', siPrefix('W', -1)],
      ['Wm2', 'Watt per square meter (W/m²)', siPrefix('W/m²')],
      ['voltamp', 'Volt-Ampere (VA)', siPrefix('VA')],
      ['kvoltamp', 'Kilovolt-Ampere (kVA)', siPrefix('VA', 1)],
      ['voltampreact', 'Volt-Ampere reactive (VAr)', siPrefix('VAr')],
      ['kvoltampreact', 'Kilovolt-Ampere reactive (kVAr)', siPrefix('VAr', 1)],
      ['watth', 'Watt-hour (Wh)', siPrefix('Wh')],
      ['watthperkg', 'Watt-hour per Kilogram (Wh/kg)', siPrefix('Wh/kg')],
      ['kwatth', 'Kilowatt-hour (kWh)', siPrefix('Wh', 1)],
      ['kwattm', 'Kilowatt-min (kWm)', siPrefix('W-Min', 1)],
      ['mwatth', 'Megawatt-hour (MWh)', siPrefix('Wh', 2)],
      ['amph', 'Ampere-hour (Ah)', siPrefix('Ah')],
      ['kamph', 'Kiloampere-hour (kAh)', siPrefix('Ah', 1)],
      ['mamph', 'Milliampere-hour (mAh)', siPrefix('Ah', -1)],
      ['joule', 'Joule (J)', siPrefix('J')],
      ['ev', 'Electron volt (eV)', siPrefix('eV')],
      ['amp', 'Ampere (A)', siPrefix('A')],
      ['kamp', 'Kiloampere (kA)', siPrefix('A', 1)],
      ['mamp', 'Milliampere (mA)', siPrefix('A', -1)],
      ['volt', 'Volt (V)', siPrefix('V')],
      ['kvolt', 'Kilovolt (kV)', siPrefix('V', 1)],
      ['mvolt', 'Millivolt (mV)', siPrefix('V', -1)],
      ['dBm', 'Decibel-milliwatt (dBm)', siPrefix('dBm')],
      ['mohm', 'Milliohm (mΩ)', siPrefix('Ω', -1)],
      ['ohm', 'Ohm (Ω)', siPrefix('Ω')],
      ['kohm', 'Kiloohm (kΩ)', siPrefix('Ω', 1)],
      ['Mohm', 'Megaohm (MΩ)', siPrefix('Ω', 2)],
      ['farad', 'Farad (F)', siPrefix('F')],
      ['µfarad', 'Microfarad (µF)', siPrefix('F', -2)],
      ['nfarad', 'Nanofarad (nF)', siPrefix('F', -3)],
      ['pfarad', 'Picofarad (pF)', siPrefix('F', -4)],
      ['ffarad', 'Femtofarad (fF)', siPrefix('F', -5)],
      ['henry', 'Henry (H)', siPrefix('H')],
      ['mhenry', 'Millihenry (mH)', siPrefix('H', -1)],
      ['µhenry', 'Microhenry (µH)', siPrefix('H', -2)],
      ['lumens', 'Lumens (Lm)', siPrefix('Lm')],
    ],
  },
  {
    name: 'Flow',
    units: [
      ['flowgpm', 'Gallons/min (gpm)', fixed('gpm')],
      ['flowcms', 'Cubic meters/sec (cms)', fixed('cms')],
      ['flowcfs', 'Cubic feet/sec (cfs)', fixed('cfs')],
      ['flowcfm', 'Cubic feet/min (cfm)', fixed('cfm')],
      ['litreh', 'Litre/hour', fixed('L/h')],
      ['flowlpm', 'Litre/min (L/min)', fixed('L/min')],
      ['flowmlpm', 'milliLitre/min (mL/min)', fixed('mL/min')],
      ['lux', 'Lux (lx)', fixed('lux')],
    ],
  },
  {
    name: 'Force',
    units: [
      ['forceNm', 'Newton-meters (Nm)', siPrefix('Nm')],
      ['forcekNm', 'Kilonewton-meters (kNm)', siPrefix('Nm', 1)],
      ['forceN', 'Newtons (N)', siPrefix('N')],
      ['forcekN', 'Kilonewtons (kN)', siPrefix('N', 1)],
    ],
  },
  {
    name: 'Hash rate',
    units: [
      ['Hs', 'hashes/sec', siPrefix('H/s')],
      ['KHs', 'kilohashes/sec', siPrefix('H/s', 1)],
      ['MHs', 'megahashes/sec', siPrefix('H/s', 2)],
      ['GHs', 'gigahashes/sec', siPrefix('H/s', 3)],
      ['THs', 'terahashes/sec', siPrefix('H/s', 4)],
      ['PHs', 'petahashes/sec', siPrefix('H/s', 5)],
      ['EHs', 'exahashes/sec', siPrefix('H/s', 6)],
    ],
  },
  {
    name: 'Mass',
    units: [
      ['massmg', 'milligram (mg)', siPrefix('g', -1)],
      ['massg', 'gram (g)', siPrefix('g')],
      ['masslb', 'pound (lb)', fixed('lb')],
      ['masskg', 'kilogram (kg)', siPrefix('g', 1)],
      ['masst', 'metric ton (t)', fixed('t')],
    ],
  },
  {
    name: 'Length',
    units: [
      ['lengthmm', 'millimeter (mm)', siPrefix('m', -1)],
      ['lengthin', 'inch (in)', fixed('in')],
      ['lengthft', 'feet (ft)', fixed('ft')],
      ['lengthm', 'meter (m)', siPrefix('m')],
      ['lengthkm', 'kilometer (km)', siPrefix('m', 1)],
      ['lengthmi', 'mile (mi)', fixed('mi')],
    ],
  },
  {
    name: 'Pressure',
    units: [
      ['pressurembar', 'Millibars', siPrefix('bar', -1)],
      ['pressurebar', 'Bars', siPrefix('bar')],
      ['pressurekbar', 'Kilobars', siPrefix('bar', 1)],
      ['pressurepa', 'Pascals', siPrefix('Pa')],
      ['pressurehpa', 'Hectopascals', fixed('hPa')],
      ['pressurekpa', 'Kilopascals', fixed('kPa')],
      ['pressurehg', 'Inches of mercury', fixed('"Hg')],
      ['pressurepsi', 'PSI', scaled(1000, ['psi', 'ksi', 'Mpsi'])],
    ],
  },
  {
    name: 'Radiation',
    units: [
      ['radbq', 'Becquerel (Bq)', siPrefix('Bq')],
      ['radci', 'curie (Ci)', siPrefix('Ci')],
      ['radgy', 'Gray (Gy)', siPrefix('Gy')],
      ['radrad', 'rad', siPrefix('rad')],
      ['radsv', 'Sievert (Sv)', siPrefix('Sv')],
      ['radmsv', 'milliSievert (mSv)', siPrefix('Sv', -1)],
      ['radusv', 'microSievert (µSv)', siPrefix('Sv', -2)],
      ['radrem', 'rem', siPrefix('rem')],
      ['radexpckg', 'Exposure (C/kg)', siPrefix('C/kg')],
      ['radr', 'roentgen (R)', siPrefix('R')],
      ['radsvh', 'Sievert/hour (Sv/h)', siPrefix('Sv/h')],
      ['radmsvh', 'milliSievert/hour (mSv/h)', siPrefix('Sv/h', -1)],
      ['radusvh', 'microSievert/hour (µSv/h)', siPrefix('Sv/h', -2)],
    ],
  },
  {
    name: 'Rotational Speed',
    units: [
      ['rotrpm', 'Revolutions per minute (rpm)', fixed('rpm')],
      ['rothz', 'Hertz (Hz)', siPrefix('Hz')],
      ['rotkhz', 'Kilohertz (kHz)', siPrefix('Hz', 1)],
      ['rotmhz', 'Megahertz (MHz)', siPrefix('Hz', 2)],
      ['rotghz', 'Gigahertz (GHz)', siPrefix('Hz', 3)],
      ['rotrads', 'Radians per second (rad/s)', fixed('rad/s')],
      ['rotdegs', 'Degrees per second (°/s)', fixed('°/s')],
    ],
  },
  {
    name: 'Temperature',
    units: [
      ['celsius', 'Celsius (°C)', fixed('°C')],
      ['fahrenheit', 'Fahrenheit (°F)', fixed('°F')],
      ['kelvin', 'Kelvin (K)', fixed('K')],
    ],
  },
  {
    name: 'Time',
    units: [
      ['hertz', 'Hertz (1/s)', siPrefix('Hz')],
      ['ns', 'nanoseconds (ns)', nanoseconds],
      ['µs', 'microseconds (µs)', microseconds],
      ['ms', 'milliseconds (ms)', milliseconds],
      ['s', 'seconds (s)', seconds],
      ['m', 'minutes (m)', minutes],
      ['h', 'hours (h)', hours],
      ['d', 'days (d)', days],
      ['dtdurationms', 'duration (ms)', duration('millisecond')],
      ['dtdurations', 'duration (s)', duration('second')],
      ['dthms', 'duration (hh:mm:ss)', hoursMinutesSeconds],
      ['dtdhms', 'duration (d hh:mm:ss)', daysHoursMinutesSeconds],
      ['timeticks', 'Timeticks (s/100)', timeticks],
      ['clockms', 'clock (ms)', clockMs],
      ['clocks', 'clock (s)', clockSeconds],
    ],
  },
  {
    name: 'Throughput',
    units: [
      ['cps', 'counts/sec (cps)', count('c/s')],
      ['ops', 'ops/sec (ops)', count('ops/s')],
      ['reqps', 'requests/sec (rps)', count('req/s')],
      ['rps', 'reads/sec (rps)', count('rd/s')],
      ['wps', 'writes/sec (wps)', count('wr/s')],
      ['iops', 'I/O ops/sec (iops)', count('io/s')],
      ['eps', 'events/sec (eps)', count('evt/s')],
      ['mps', 'messages/sec (mps)', count('msg/s')],
      ['recps', 'records/sec (rps)', count('rec/s')],
      ['rowsps', 'rows/sec (rps)', count('rows/s')],
      ['cpm', 'counts/min (cpm)', count('c/m')],
      ['opm', 'ops/min (opm)', count('ops/m')],
      ['reqpm', 'requests/min (rpm)', count('req/m')],
      ['rpm', 'reads/min (rpm)', count('rd/m')],
      ['wpm', 'writes/min (wpm)', count('wr/m')],
      ['epm', 'events/min (epm)', count('evts/m')],
      ['mpm', 'messages/min (mpm)', count('msgs/m')],
      ['recpm', 'records/min (rpm)', count('rec/m')],
      ['rowspm', 'rows/min (rpm)', count('rows/m')],
    ],
  },
  {
    name: 'Velocity',
    units: [
      ['velocityms', 'meters/second (m/s)', fixed('m/s')],
      ['velocitykmh', 'kilometers/hour (km/h)', fixed('km/h')],
      ['velocitymph', 'miles/hour (mph)', fixed('mph')],
      ['velocityknot', 'knot (kn)', fixed('kn')],
    ],
  },
  {
    name: 'Volume',
    units: [
      ['mlitre', 'millilitre (mL)', siPrefix('L', -1)],
      ['litre', 'litre (L)', siPrefix('L')],
      ['m3', 'cubic meter', fixed('m³')],
      ['Nm3', 'Normal cubic meter', fixed('Nm³')],
      ['dm3', 'cubic decimeter', fixed('dm³')],
      ['gallons', 'gallons', fixed('gal')],
    ],
  },
  {
    name: 'Boolean',
    units: [
      ['bool', 'True / False', bool('True', 'False')],
      ['bool_yes_no', 'Yes / No', bool('Yes', 'No')],
      ['bool_on_off', 'On / Off', bool('On', 'Off')],
    ],
  },
];

const INDEX = new Map<string, UnitFormatter>(
  CATEGORIES.flatMap((c) => c.units.map(([id, , fn]) => [id, fn] as const)),
);
INDEX.set('farenheit', INDEX.get('fahrenheit')!); // an old misspelt id Grafana still reads

const NONE = fixed('');

/** The custom forms "kind:argument" Grafana reads from a unit typed by hand. */
function customUnit(kind: string, arg: string): UnitFormatter | undefined {
  switch (kind) {
    case 'prefix':
      return fixedUnit(arg, true);
    case 'suffix':
      return fixedUnit(arg);
    case 'time':
      return dateUnit(arg);
    case 'si': {
      const offset = siOffset(arg.charAt(0));
      return siPrefix(offset === 0 ? arg : arg.slice(1), offset);
    }
    case 'count':
      return count(arg);
    case 'currency':
      return currency(arg);
    case 'bool': {
      const slash = arg.indexOf('/');
      return slash < 0 ? bool(arg, '-') : bool(arg.slice(0, slash), arg.slice(slash + 1));
    }
    default:
      return undefined;
  }
}

/**
 * The formatter of a unit id: no unit is a plain number (Grafana's `none`); a catalogue id;
 * a custom form; anything else is a suffix after the unscaled number ("1533 widgets").
 */
export function unitFormatter(unit: string | null | undefined): UnitFormatter {
  if (!unit) return NONE;
  const known = INDEX.get(unit);
  if (known) return known;
  const colon = unit.indexOf(':');
  if (colon > 0) {
    const custom = customUnit(unit.slice(0, colon), unit.slice(colon + 1));
    if (custom) return custom;
  }
  return fixedUnit(unit);
}
