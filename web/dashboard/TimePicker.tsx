import type { RawRange } from '../time/time-range.ts';
import { describeRange, QUICK_RANGES } from '../time/time-range.ts';

interface Props {
  value: RawRange;
  onChange: (range: RawRange) => void;
}

/** Quick ranges in Grafana's words; a range from the URL that is not one of them is listed too. */
export function TimePicker({ value, onChange }: Props) {
  const current = `${value.from}|${value.to}`;
  const known = QUICK_RANGES.some((r) => `${r.from}|${r.to}` === current);
  return (
    <label class="picker">
      <span class="picker-icon" aria-hidden="true">
        ◷
      </span>
      <select
        aria-label="Time range"
        value={current}
        onChange={(e) => {
          const [from, to] = e.currentTarget.value.split('|');
          onChange({ from: from!, to: to! });
        }}
      >
        {!known && <option value={current}>{describeRange(value)}</option>}
        {QUICK_RANGES.map((r) => (
          <option key={r.from} value={`${r.from}|${r.to}`}>
            {r.label}
          </option>
        ))}
      </select>
    </label>
  );
}
