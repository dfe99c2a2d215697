// One switch per annotation entry in the bar under the toolbar, before the variables, as in
// Grafana: entries with `hide: true` get none (they are still drawn while enabled). The state
// is the viewer's for this visit and not kept in the URL, as Grafana does not keep it there;
// turning an entry off stops its query at once.
import type { AnnotationDef } from './annotation-defs.ts';

interface Props {
  defs: readonly AnnotationDef[];
  on: ReadonlySet<number>;
  errors: ReadonlyMap<number, string>;
  onToggle: (index: number, enabled: boolean) => void;
}

export function AnnotationToggles({ defs, on, errors, onToggle }: Props) {
  const shown = defs.filter((d) => !d.hide);
  if (shown.length === 0) return null;
  return (
    <fieldset class="annotation-toggles" aria-label="Annotations">
      {shown.map((d) => {
        const error = errors.get(d.index);
        return (
          <label class="annotation-toggle" key={d.index} data-annotation={d.index}>
            <span class="annotation-toggle-name">{d.name}</span>
            <input
              type="checkbox"
              role="switch"
              class="annotation-switch"
              style={{ '--annotation-color': d.color }}
              checked={on.has(d.index)}
              aria-checked={on.has(d.index)}
              disabled={d.unsupported !== undefined}
              onChange={(e) => onToggle(d.index, e.currentTarget.checked)}
            />
            {error && (
              <span class="variable-error" role="img" aria-label="error" title={error}>
                !
              </span>
            )}
          </label>
        );
      })}
    </fieldset>
  );
}
