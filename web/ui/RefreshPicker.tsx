export const REFRESH_CHOICES = ['off', '5s', '10s', '30s', '1m'] as const;

interface Props {
  value: string;
  onChange: (value: string) => void;
  onRefresh: () => void;
  loading?: boolean;
}

export function RefreshPicker({ value, onChange, onRefresh }: Props) {
  const choices: readonly string[] = REFRESH_CHOICES.includes(value as never)
    ? REFRESH_CHOICES
    : [...REFRESH_CHOICES, value];
  return (
    <div class="picker refresh">
      <button
        type="button"
        class="icon-button"
        aria-label="Refresh now"
        title="Refresh now"
        onClick={onRefresh}
      >
        ⟳
      </button>
      <select
        aria-label="Auto refresh"
        value={value}
        onChange={(e) => onChange(e.currentTarget.value)}
      >
        {choices.map((c) => (
          <option key={c} value={c}>
            {c === 'off' ? 'Off' : `Every ${c}`}
          </option>
        ))}
      </select>
    </div>
  );
}
