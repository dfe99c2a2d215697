// Which datasource picker a dashboard shows. Grafana shows only the dashboard's datasource
// variable (`datasource`, or an export's `DS_PROMETHEUS`); Promscope's header picker would be
// a second one, moving other panels than the variable's. So on a dashboard with such a
// variable in its bar, the variable is the picker and the header only shows its health.
import { ALL } from './model.ts';
import type { VariableState } from './resolve.ts';

export interface DatasourceVariable {
  name: string;
  /** The datasource the variable has selected (a uid), or '' while it has none. */
  uid: string;
}

/** The first Prometheus datasource variable the variables bar shows, or null. */
export function datasourceVariable(states: readonly VariableState[]): DatasourceVariable | null {
  const s = states.find(
    (v) => v.def.type === 'datasource' && (v.def.query || 'prometheus') === 'prometheus',
  );
  if (!s || s.def.hide === 2) return null;
  const uid = s.selected[0];
  return { name: s.def.name, uid: uid && uid !== ALL ? uid : '' };
}
