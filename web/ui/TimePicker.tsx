import type { QuickRange, RawRange } from '../time/time-range.ts';
import { describeRange, QUICK_RANGES } from '../time/time-range.ts';
import type { TimeSettings } from '../time/time-settings.ts';

interface Props {
  value: RawRange;
  onChange: (range: RawRange) => void;
  /** The dashboard's zone (absolute times are shown in it) and its own quick ranges. */
  settings?: TimeSettings;
  now?: number;
}

/**
 * Quick ranges in Grafana's words, or the dashboard's `timepicker.quick_ranges` instead of
 * them, as in Grafana; a range from the URL that is not one of them is listed first, described
 * as Grafana does (absolute times in the dashboard's zone).
 */
export function TimePicker({ value, onChange, settings, now }: Props) {
  return (
    <label class="picker">
      <span class="picker-icon" aria-hidden="true">
        ◷
      </span>
      <select
        aria-label="Time range"
        value={`${value.from}|${value.to}`}
        onChange={(e) => {
          const [from, to] = e.currentTarget.value.split('|');
          onChange({ from: from!, to: to! });
        }}
      >
        <RangeOptions value={value} settings={settings} now={now} />
      </select>
    </label>
  );
}

/** The picker's list: the dashboard's quick ranges when it has some, else Grafana's. */
export function pickerRanges(settings?: TimeSettings): readonly QuickRange[] {
  return settings && settings.quickRanges.length > 0 ? settings.quickRanges : QUICK_RANGES;
}

/** The quick ranges as `<option value="from|to">`, and the given range first when it is not one. */
export function RangeOptions({
  value,
  settings,
  now,
}: {
  value: RawRange;
  settings?: TimeSettings;
  now?: number;
}) {
  const current = `${value.from}|${value.to}`;
  const ranges = pickerRanges(settings);
  const known = ranges.some((r) => `${r.from}|${r.to}` === current);
  return (
    <>
      {!known && <option value={current}>{describeRange(value, { ...settings, now })}</option>}
      {ranges.map((r) => (
        <option key={`${r.from}|${r.to}`} value={`${r.from}|${r.to}`}>
          {r.label}
        </option>
      ))}
    </>
  );
}
