// The grid in edit mode: a panel moves when dragged by its header and resizes from its
// bottom-right corner, in whole cells of the 24-column grid (grid-layout.ts does the maths:
// the others make room and everything floats up). While dragging, the panel follows the
// pointer and a placeholder shows where it will land; the working copy changes on release.
import { useMemo, useRef, useState } from 'preact/hooks';
import type { Json, LayoutItem } from '../../model/dashboard-edit.ts';
import { applyLayout, layoutItems, rowPanelCount, toggleRow } from '../../model/dashboard-edit.ts';
import { cellAt, moveItem, resizeItem } from '../../model/grid-layout.ts';
import type { Panel } from '../../model/model.ts';
import { IconButton } from '../../ui/Icon.tsx';
import type { GridPanelProps, GridProps } from '../view/DashboardGrid.tsx';
import { LazyGridPanel, RowHeader } from '../view/DashboardGrid.tsx';
import type { RowPanel } from '../view/rows.ts';
import './EditGrid.css';

export interface GridEdit {
  dashboard: Json;
  onChange: (next: Json) => void;
  onEditPanel: (id: number) => void;
  onDuplicate: (id: number) => void;
  onRemove: (id: number) => void;
}

const ROW_PX = 30; // px: Grafana's GRID_CELL_HEIGHT

interface Drag {
  id: number;
  mode: 'move' | 'resize';
  pointer: number;
  startX: number; // px, page coordinates
  startY: number; // px
  dx: number; // px moved since the start
  dy: number; // px
  layout: LayoutItem[];
}

/** A grid cell's size in px, read from the grid element (the gap is the CSS one). */
function geometry(el: HTMLElement) {
  const gap = Number.parseFloat(getComputedStyle(el).columnGap) || 8;
  const width = el.clientWidth;
  return { width, gap, cellW: (width - 23 * gap) / 24 + gap, cellH: ROW_PX + gap };
}

const area = (i: LayoutItem) => ({
  '--col': `${i.x + 1} / span ${i.w}`,
  '--row': `${i.y + 1} / span ${i.h}`,
});

export function EditGrid(props: GridProps & { edit: GridEdit }) {
  const { panels, edit, ...rest } = props;
  const grid = useRef<HTMLDivElement>(null);
  const items = useMemo(() => layoutItems(edit.dashboard), [edit.dashboard]);
  const byId = useMemo(() => new Map(panels.map((p) => [p.id, p])), [panels]);
  const [drag, setDrag] = useState<Drag | null>(null);

  const start = (e: PointerEvent, item: LayoutItem, mode: Drag['mode']) => {
    if (e.button !== 0) return;
    e.preventDefault();
    (e.currentTarget as Element).setPointerCapture(e.pointerId);
    setDrag({
      id: item.id,
      mode,
      pointer: e.pointerId,
      startX: e.pageX,
      startY: e.pageY,
      dx: 0,
      dy: 0,
      layout: items,
    });
  };

  const onPointerMove = (e: PointerEvent) => {
    if (!drag || e.pointerId !== drag.pointer || !grid.current) return;
    const item = items.find((i) => i.id === drag.id)!;
    const g = geometry(grid.current);
    const dx = e.pageX - drag.startX;
    const dy = e.pageY - drag.startY;
    let layout: LayoutItem[];
    if (drag.mode === 'move') {
      const cell = cellAt(item.x * g.cellW + dx, item.y * g.cellH + dy, g.width, g.gap, ROW_PX);
      layout = moveItem(items, item.id, cell.x, cell.y);
    } else {
      const w = Math.round((item.w * g.cellW + dx) / g.cellW);
      const h = Math.round((item.h * g.cellH + dy) / g.cellH);
      layout = resizeItem(items, item.id, w, h);
    }
    setDrag({ ...drag, dx, dy, layout });
  };

  const finish = (e: PointerEvent) => {
    if (!drag || e.pointerId !== drag.pointer) return;
    setDrag(null);
    const moved = drag.layout.some((l) => {
      const was = items.find((i) => i.id === l.id);
      return !was || was.x !== l.x || was.y !== l.y || was.w !== l.w || was.h !== l.h;
    });
    if (moved) edit.onChange(applyLayout(edit.dashboard, drag.layout));
  };

  const shown = drag?.layout ?? items;
  const cls = `grid editing${drag ? ` dragging ${drag.mode}` : ''}`;
  return (
    <div
      class={cls}
      ref={grid}
      onPointerMove={onPointerMove}
      onPointerUp={finish}
      onPointerCancel={finish}
    >
      {shown.map((item) => {
        const panel = byId.get(item.id);
        if (!panel) return null;
        const moving = drag?.mode === 'move' && drag.id === item.id;
        const from = moving ? items.find((i) => i.id === item.id)! : item;
        const style: Record<string, string> = area(from);
        if (moving) style.transform = `translate(${drag.dx}px, ${drag.dy}px)`;
        const onHeaderDown = (e: PointerEvent) => {
          const t = e.target as Element;
          if (!t.closest('.panel-header, .row-header') || t.closest('button, a, input, select')) {
            return;
          }
          start(e, item, 'move');
        };
        return (
          <div
            class={`grid-item${moving ? ' moving' : ''}`}
            style={style}
            key={item.id}
            data-panel-type={panel.type}
            data-panel-id={item.id}
            onPointerDown={onHeaderDown}
          >
            {item.row ? (
              <EditRow
                row={panel}
                dashboard={edit.dashboard}
                onChange={edit.onChange}
                onRemove={() => edit.onRemove(item.id)}
              />
            ) : (
              <>
                <LazyGridPanel panel={panel} {...(rest as Omit<GridPanelProps, 'panel'>)} />
                <PanelActions panel={panel} edit={edit} />
                <span
                  class="resize-handle"
                  role="presentation"
                  title="Drag to resize"
                  onPointerDown={(e) => {
                    e.stopPropagation();
                    start(e, item, 'resize');
                  }}
                />
              </>
            )}
          </div>
        );
      })}
      {drag && <Placeholder item={drag.layout.find((i) => i.id === drag.id)!} />}
    </div>
  );
}

function Placeholder({ item }: { item: LayoutItem }) {
  return <div class="grid-item grid-placeholder" style={area(item)} aria-hidden="true" />;
}

function PanelActions({ panel, edit }: { panel: Panel; edit: GridEdit }) {
  const name = panel.title || `panel ${panel.id}`;
  return (
    <div class="edit-actions">
      <IconButton
        icon="edit"
        label={`Edit ${name}`}
        title="Edit"
        onClick={() => edit.onEditPanel(panel.id)}
      />
      <IconButton
        icon="copy"
        label={`Duplicate ${name}`}
        title="Duplicate"
        onClick={() => edit.onDuplicate(panel.id)}
      />
      <IconButton
        icon="trash"
        label={`Remove ${name}`}
        title="Remove"
        danger
        onClick={() => edit.onRemove(panel.id)}
      />
    </div>
  );
}

/** Focuses and selects a field the first time it is attached (the row title being renamed). */
const focusOnce = (el: HTMLInputElement | null) => {
  if (el && document.activeElement !== el) {
    el.focus();
    el.select();
  }
};

/** A row in edit mode: open and close it (a change to the JSON, as in Grafana), rename, remove. */
function EditRow(p: {
  row: Panel;
  dashboard: Json;
  onChange: (d: Json) => void;
  onRemove: () => void;
}) {
  const row = p.row as RowPanel;
  const [renaming, setRenaming] = useState(false);
  const rename = (title: string) => {
    setRenaming(false);
    const panels = (p.dashboard.panels as Json[]).map((x) =>
      x.id === row.id ? { ...x, title } : x,
    );
    p.onChange({ ...p.dashboard, panels });
  };
  return (
    <div class="edit-row">
      {renaming ? (
        <input
          class="row-title-input"
          aria-label="Row title"
          defaultValue={row.title}
          ref={focusOnce}
          onKeyDown={(e) => {
            if (e.key === 'Enter') rename(e.currentTarget.value);
            if (e.key === 'Escape') setRenaming(false);
          }}
          onBlur={(e) => rename(e.currentTarget.value)}
        />
      ) : (
        <RowHeader
          row={row}
          open={!row.collapsed}
          size={rowPanelCount(p.dashboard, row.id)}
          onToggle={() => p.onChange(toggleRow(p.dashboard, row.id))}
        />
      )}
      <div class="edit-actions row-actions">
        <IconButton
          icon="cog"
          label={`Rename row ${row.title}`}
          title="Rename"
          onClick={() => setRenaming(true)}
        />
        <IconButton
          icon="trash"
          label={`Remove row ${row.title}`}
          title="Remove row"
          danger
          onClick={p.onRemove}
        />
      </div>
    </div>
  );
}
