// The head of a settings entry's editor (a variable, an annotation): a link back to the list
// and the entry's name, as Grafana's settings views show them.

interface Props {
  /** The list's name, e.g. "All variables". */
  back: string;
  onBack: () => void;
  /** The entry's name as shown ($name for a variable). */
  name: string;
}

export function EditorBreadcrumb(p: Props) {
  return (
    <nav class="variable-editor-head" aria-label="Breadcrumb">
      <button type="button" class="variable-link" onClick={p.onBack}>
        {p.back}
      </button>
      <span aria-hidden="true">/</span>
      <span class="variable-editor-name">{p.name}</span>
    </nav>
  );
}
