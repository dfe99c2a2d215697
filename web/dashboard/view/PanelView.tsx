// View mode (`viewPanel=<id>`, Grafana's): one panel filling the dashboard area, with a way
// back by button or Escape. The time picker above keeps working.
import type { ComponentChildren } from 'preact';
import { useEffect } from 'preact/hooks';
import { usePanelActions } from '../../panels/panel-actions.ts';

export function PanelView({ found, children }: { found: boolean; children: ComponentChildren }) {
  const actions = usePanelActions();
  const back = () => actions?.view(null);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape' || e.defaultPrevented) return;
      // Escape in Inspect or in an open menu closes that, not the view.
      if (document.querySelector('dialog[open], [popover]:popover-open')) return;
      back();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [actions]);
  return (
    <div class="panel-view">
      <div class="panel-view-bar">
        <button type="button" onClick={back}>
          <span aria-hidden="true">← </span>Back to dashboard
        </button>
        <span class="panel-view-hint">or press Esc</span>
      </div>
      {found ? (
        <div class="panel-view-body">{children}</div>
      ) : (
        <p class="page-message" role="alert">
          This dashboard has no panel with that id.
        </p>
      )}
    </div>
  );
}
