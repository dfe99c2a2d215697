import './Tabs.css';

// A row of tabs (ARIA tablist): the chosen one is aria-selected.

interface Props<T extends string> {
  tabs: readonly (readonly [T, string])[];
  value: T;
  onChange: (tab: T) => void;
  small?: boolean;
}

export function Tabs<T extends string>({ tabs, value, onChange, small }: Props<T>) {
  return (
    <div role="tablist" class={small ? 'tabs small' : 'tabs'}>
      {tabs.map(([id, label]) => (
        <button
          key={id}
          type="button"
          role="tab"
          aria-selected={value === id}
          onClick={() => onChange(id)}
        >
          {label}
        </button>
      ))}
    </div>
  );
}
