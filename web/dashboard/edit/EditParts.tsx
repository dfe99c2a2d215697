// Edit mode's small parts: the empty dashboard's call to action, and the confirmations
// (remove a panel or a row, discard unsaved changes).

import type { Json } from '../../model/dashboard-edit.ts';
import { findPanel, isRow, rowPanelCount } from '../../model/dashboard-edit.ts';
import { ConfirmDialog } from '../../ui/Modal.tsx';

export type Confirm =
  | { kind: 'remove'; id: number }
  | { kind: 'leave'; url: string }
  | { kind: 'exit' };

export function EmptyDashboard(p: { onAddPanel: () => void; onAddRow: () => void }) {
  return (
    <section class="empty-dashboard" aria-label="Empty dashboard">
      <h2>Start your new dashboard by adding a visualization</h2>
      <p class="empty-hint">
        Pick a query and a visualization; drag panels by their header and resize them from the
        corner.
      </p>
      <div class="empty-actions">
        <button type="button" class="primary" onClick={p.onAddPanel}>
          + Add visualization
        </button>
        <button type="button" onClick={p.onAddRow}>
          + Add row
        </button>
      </div>
    </section>
  );
}

export function ConfirmLayer(p: {
  confirm: Confirm;
  work: Json | null;
  onCancel: () => void;
  onRemove: (id: number, keepPanels: boolean) => void;
  onDiscard: () => void;
}) {
  const { confirm } = p;
  if (confirm.kind === 'remove') {
    const target = p.work ? findPanel(p.work, confirm.id) : undefined;
    const title =
      typeof target?.title === 'string' && target.title ? `“${target.title}”` : 'this panel';
    if (target && isRow(target)) {
      const n = p.work ? rowPanelCount(p.work, confirm.id) : 0;
      return (
        <ConfirmDialog
          title="Remove row"
          message={`Remove the row ${title} and the ${n} panel${n === 1 ? '' : 's'} in it, or only the row?`}
          onCancel={p.onCancel}
          actions={[
            { label: 'Remove row only', onClick: () => p.onRemove(confirm.id, true) },
            {
              label: 'Remove row and panels',
              kind: 'danger',
              onClick: () => p.onRemove(confirm.id, false),
            },
          ]}
        />
      );
    }
    return (
      <ConfirmDialog
        title="Remove panel"
        message={`Remove ${title} from the dashboard?`}
        onCancel={p.onCancel}
        actions={[
          { label: 'Remove', kind: 'danger', onClick: () => p.onRemove(confirm.id, false) },
        ]}
      />
    );
  }
  return (
    <ConfirmDialog
      title="Unsaved changes"
      message="Discard unsaved changes?"
      onCancel={p.onCancel}
      actions={[{ label: 'Discard', kind: 'danger', onClick: p.onDiscard }]}
    />
  );
}
