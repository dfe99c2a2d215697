// The unit picker of the panel editor: Grafana's whole catalogue by category in one list,
// narrowed by a search box; what is typed there can also be kept as a custom unit (a suffix,
// or one of the forms `suffix:`, `prefix:`, `si:`, `count:`, `currency:`, `time:`, `bool:`).
import { useState } from 'preact/hooks';
import { unitGroups, unitName } from './panel-options.ts';

export function UnitPicker(p: { id: string; value: string; onChange: (unit: string) => void }) {
  const [query, setQuery] = useState('');
  const groups = unitGroups(query);
  const custom = p.value !== '' && unitName(p.value) === undefined;
  const typed = query.trim();
  const shown = groups.reduce((n, g) => n + g.units.length, 0);
  return (
    <div class="unit-picker">
      <input
        type="search"
        aria-label="Search units"
        placeholder="Search units, or type a custom one"
        value={query}
        onInput={(e) => setQuery(e.currentTarget.value)}
      />
      <select id={p.id} value={p.value} onChange={(e) => p.onChange(e.currentTarget.value)}>
        <option value="">No unit</option>
        {custom && <option value={p.value}>Custom: {p.value}</option>}
        {groups.map((g) => (
          <optgroup key={g.category} label={g.category}>
            {g.units.map(([id, name]) => (
              <option key={id} value={id}>
                {name}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
      <span class="unit-picker-count" aria-live="polite">
        {query ? `${shown} matching` : ''}
      </span>
      {typed !== '' && typed !== p.value && (
        <button type="button" onClick={() => p.onChange(typed)}>
          Use “{typed}” as the unit
        </button>
      )}
    </div>
  );
}
