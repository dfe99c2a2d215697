import type { RawRange } from '../time/time-range.ts';
import { describeRange, QUICK_RANGES } from '../time/time-range.ts';

interface Props {
  value: RawRange;
  onChange: (range: RawRange) => void;
}

/** Quick ranges in Grafana's words; a range from the URL that is not one of them is listed too. */
export function TimePicker({ value, onChange }: Props) {
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
        <RangeOptions value={value} />
      </select>
    </label>
  );
}

/** The quick ranges as `<option value="from|to">`, and the given range first when it is not one. */
export function RangeOptions({ value }: { value: RawRange }) {
  const current = `${value.from}|${value.to}`;
  const known = QUICK_RANGES.some((r) => `${r.from}|${r.to}` === current);
  return (
    <>
      {!known && <option value={current}>{describeRange(value)}</option>}
      {QUICK_RANGES.map((r) => (
        <option key={r.from} value={`${r.from}|${r.to}`}>
          {r.label}
        </option>
      ))}
    </>
  );
}
