// The bar under the dashboard's toolbar, Grafana's submenu: the annotation entries' switches,
// then the variables, then the dashboard's links. Empty parts draw nothing.
import type { DashboardLink, LinkEnv } from '../../links/links.ts';
import type { Variables } from '../../variables/use-variables.ts';
import { VariablesBar } from '../../variables/VariablesBar.tsx';
import { AnnotationToggles } from './AnnotationToggles.tsx';
import { DashboardLinks } from './DashboardLinks.tsx';
import type { DashboardAnnotationsState } from './use-dashboard-annotations.tsx';

interface Props {
  annotations: DashboardAnnotationsState;
  vars: Variables;
  links: readonly DashboardLink[];
  linkEnv: LinkEnv;
  /** This dashboard, left out of its own tag links. */
  uid: string;
}

export function DashboardSubmenu({ annotations, vars, links, linkEnv, uid }: Props) {
  return (
    <div class="submenu">
      <AnnotationToggles
        defs={annotations.defs}
        on={annotations.on}
        errors={annotations.data.errors}
        onToggle={annotations.toggle}
      />
      <VariablesBar states={vars.states} onChange={vars.setValue} />
      <DashboardLinks links={links} env={linkEnv} uid={uid} />
    </div>
  );
}
