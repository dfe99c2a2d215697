// Explore's "Add to dashboard" (as Grafana's): the current queries become a timeseries panel on
// a chosen dashboard or a new one, which opens in edit mode with the panel as an unsaved change.
import { useState } from 'preact/hooks';
import { searchDashboards } from '../api/server.ts';
import type { ExploreTarget } from '../model/pending-panel.ts';
import { panelFromQueries, setPendingPanel } from '../model/pending-panel.ts';
import { navigate } from '../nav/router.ts';
import { useQuery } from '../query/use-queries.ts';
import { Modal } from '../ui/Modal.tsx';

interface Props {
  queries: readonly (ExploreTarget & { hide?: boolean })[];
}

export function AddToDashboard({ queries }: Props) {
  const [open, setOpen] = useState(false);
  const empty = !queries.some((q) => q.expr.trim() !== '');
  return (
    <>
      <button
        type="button"
        disabled={empty}
        title={empty ? 'Type a query first' : 'Add these queries to a dashboard as a panel'}
        onClick={() => setOpen(true)}
      >
        Add to dashboard
      </button>
      {open && <AddDialog queries={queries} onClose={() => setOpen(false)} />}
    </>
  );
}

function AddDialog({ queries, onClose }: Props & { onClose: () => void }) {
  const hits = useQuery({
    queryKey: ['search'],
    queryFn: ({ signal }) => searchDashboards(signal),
    staleTime: 0,
  });
  const dashboards = (hits.data ?? []).filter((h) => !h.error);
  const [target, setTarget] = useState<'new' | 'existing'>('new');
  const [uid, setUid] = useState('');
  const chosen = dashboards.find((d) => d.uid === uid) ?? dashboards[0];

  const go = () => {
    const panel = panelFromQueries(queries);
    if (target === 'new') {
      setPendingPanel('', panel);
      navigate('/dashboard/new');
    } else if (chosen) {
      setPendingPanel(chosen.uid, panel);
      navigate(chosen.url);
    }
  };

  return (
    <Modal title="Add panel to dashboard" onClose={onClose}>
      <div class="modal-body add-to-dashboard">
        <fieldset class="field">
          <legend>Target dashboard</legend>
          <label class="check">
            <input
              type="radio"
              name="target"
              checked={target === 'new'}
              onChange={() => setTarget('new')}
            />
            New dashboard
          </label>
          <label class="check">
            <input
              type="radio"
              name="target"
              checked={target === 'existing'}
              disabled={dashboards.length === 0}
              onChange={() => setTarget('existing')}
            />
            Existing dashboard
          </label>
        </fieldset>
        {target === 'existing' && (
          <label class="field">
            <span>Dashboard</span>
            <select value={chosen?.uid ?? ''} onChange={(e) => setUid(e.currentTarget.value)}>
              {dashboards.map((d) => (
                <option key={d.uid} value={d.uid}>
                  {d.title}
                  {d.provisioned ? ' (provisioned: save as copy)' : ''}
                </option>
              ))}
            </select>
          </label>
        )}
        {hits.error && <p class="query-error">{hits.error.message}</p>}
        <p class="settings-help">
          The dashboard opens in edit mode with the new panel at the top; save it to keep it.
        </p>
      </div>
      <div class="modal-actions">
        <button type="button" onClick={onClose}>
          Cancel
        </button>
        <button
          type="button"
          class="primary"
          disabled={target === 'existing' && !chosen}
          onClick={go}
        >
          Open dashboard
        </button>
      </div>
    </Modal>
  );
}
