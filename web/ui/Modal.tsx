// A modal <dialog>, open while mounted: focus stays inside, Escape (the dialog's cancel event)
// and the backdrop's inertness come from the browser. `onClose` is told about Escape.
import type { ComponentChildren } from 'preact';
import { useEffect, useId, useRef } from 'preact/hooks';

interface Props {
  title: string;
  onClose: () => void;
  children: ComponentChildren;
  wide?: boolean;
}

export function Modal({ title, onClose, children, wide }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  const id = useId();
  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
    return () => d?.close();
  }, []);
  return (
    <dialog
      ref={ref}
      class={wide ? 'modal wide' : 'modal'}
      aria-labelledby={id}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
    >
      <h2 id={id} class="modal-title">
        {title}
      </h2>
      {children}
    </dialog>
  );
}

export interface Action {
  label: string;
  onClick: () => void;
  kind?: 'primary' | 'danger';
  disabled?: boolean;
}

/** A question with its answers; the last action is the default (right-most). */
export function ConfirmDialog(p: {
  title: string;
  message: string;
  actions: Action[];
  onCancel: () => void;
}) {
  return (
    <Modal title={p.title} onClose={p.onCancel}>
      <div class="modal-body">
        <p class="modal-text">{p.message}</p>
      </div>
      <div class="modal-actions">
        <button type="button" onClick={p.onCancel}>
          Cancel
        </button>
        {p.actions.map((a) => (
          <button
            key={a.label}
            type="button"
            class={a.kind ?? ''}
            disabled={a.disabled}
            onClick={a.onClick}
          >
            {a.label}
          </button>
        ))}
      </div>
    </Modal>
  );
}
