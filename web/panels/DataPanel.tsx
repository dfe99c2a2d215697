// The frame every data panel shares: title and menu, loading bar, Prometheus' errors and
// warnings, the measured body the panel draws in, "No data" when a query answered with
// nothing, and the Inspect drawer over the panel's own results when it is asked for.
import type { ComponentChildren, RefObject } from 'preact';
import { useMemo } from 'preact/hooks';
import type { Panel } from '../model/model.ts';
import { lazy } from '../ui/lazy.tsx';
import { PanelFrame } from './PanelFrame.tsx';
import { usePanelActions } from './panel-actions.ts';
import { visibleTargets } from './panel-menu.ts';
import { timeOverrideInfo } from './panel-time.ts';
import type { PanelData } from './use-panel-data.ts';
import { useUndrawn } from './use-undrawn.ts';

// Inspect loads when first opened.
const InspectDrawer = lazy(() => import('./InspectDrawer.tsx').then((m) => m.InspectDrawer));

interface Props {
  panel: Panel;
  data: PanelData;
  body: RefObject<HTMLDivElement | null>;
  bodyClass: string;
  /** Measured; nothing is asked of Prometheus until the body has a width. */
  width: number; // px
  notices?: string[];
  /** Below the body, e.g. a legend. */
  after?: ComponentChildren;
  /** Numbers about what was drawn, as data-* attributes of the body for tests and the curious. */
  drawn?: Record<string, number>;
  /** Right of the body, e.g. a legend placed on the right. */
  side?: ComponentChildren;
  children: ComponentChildren;
}

export function DataPanel({
  panel,
  data,
  body,
  bodyClass,
  width,
  notices,
  after,
  drawn,
  side,
  children,
}: Props) {
  const empty = !data.loading && data.errors.length === 0 && data.series.length === 0 && width > 0;
  const actions = usePanelActions();
  const notDrawn = useUndrawn(panel as unknown as Record<string, unknown>);
  const [undrawn, timeInfo] = useMemo(() => {
    const own = timeOverrideInfo(panel);
    return [[...notDrawn.map((u) => u.message), ...own.errors], own.info] as const;
  }, [panel, notDrawn]);
  const explore =
    actions && visibleTargets(panel).length > 0
      ? () => actions.explore(panel, data.dsUid)
      : undefined;
  return (
    <PanelFrame
      title={panel.title}
      description={panel.description}
      loading={data.loading}
      errors={data.errors}
      notices={notices ?? data.warnings}
      panelId={panel.id}
      onExplore={explore}
      inspectable
      links={panel.links}
      undrawn={undrawn}
      timeInfo={timeInfo}
    >
      {/* Always wrapped, with or without a side: the measured body must stay the same element. */}
      <div class="panel-split">
        <div
          class={`panel-body ${bodyClass}`}
          ref={body}
          data-samples={data.samples}
          {...Object.fromEntries(Object.entries(drawn ?? {}).map(([k, v]) => [`data-${k}`, v]))}
        >
          {children}
          {empty && <div class="panel-empty">No data</div>}
        </div>
        {side}
      </div>
      {after}
      {actions?.inspecting === panel.id && (
        <InspectDrawer panel={panel} data={data} onClose={() => actions.inspect(null)} />
      )}
    </PanelFrame>
  );
}
