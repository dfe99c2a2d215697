// The box around every panel: title, the panel menu (view, edit, explore, inspect, with
// Grafana's v e x i shortcuts while the pointer is over the panel), a loading bar, and the
// panel's errors and notices in Prometheus' own words. Everything here renders as text.
import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { LinksMenu } from '../links/LinkList.tsx';
import { readPanelLinks, resolvePanelLinks } from '../links/links.ts';
import { useLinkEnvContext } from '../links/links-context.ts';
import { PanelMenu } from './PanelMenu.tsx';
import { usePanelActions } from './panel-actions.ts';
import type { MenuItemId } from './panel-menu.ts';
import { itemForKey, menuItems } from './panel-menu.ts';
import { setShortcutTarget } from './panel-shortcuts.ts';

interface Props {
  title: string;
  description?: string;
  loading: boolean;
  errors: string[];
  notices: string[];
  /** The panel's id: with it, and a page that provides panel actions, the panel has a menu. */
  panelId?: number;
  /** Opens the panel's queries in Explore; without it the menu has no Explore. */
  onExplore?: () => void;
  /** The panel draws an Inspect drawer when asked (see PanelActions.inspecting). */
  inspectable?: boolean;
  /** Grafana's `panel.links`, drawn as a menu in the header on a dashboard. */
  links?: unknown;
  /** Options of the panel's JSON that are kept but not drawn (shown beside the title). */
  undrawn?: readonly string[];
  /** The panel's own time, e.g. "Last 1h · shifted 1d" (dashboard/panel-time.ts). */
  timeInfo?: string;
  children: ComponentChildren;
}

export function PanelFrame({
  title,
  description,
  loading,
  errors,
  notices,
  panelId,
  onExplore,
  inspectable,
  links,
  undrawn = [],
  timeInfo,
  children,
}: Props) {
  const actions = usePanelActions();
  const linkEnv = useLinkEnvContext();
  const panelLinks = linkEnv ? resolvePanelLinks(readPanelLinks(links), linkEnv) : [];
  const hasMenu = actions !== null && panelId !== undefined;
  const items = hasMenu
    ? menuItems({
        canEdit: actions.canEdit,
        explore: onExplore !== undefined,
        inspect: inspectable === true,
        viewing: actions.viewing === panelId,
      })
    : [];
  const run = (id: MenuItemId) => {
    if (!hasMenu) return;
    if (id === 'view') actions.view(actions.viewing === panelId ? null : panelId);
    else if (id === 'edit') actions.edit(panelId);
    else if (id === 'explore') onExplore?.();
    else if (id === 'inspect') actions.inspect(panelId);
  };
  // The shortcut handler sees this render's items and actions, through a stable function.
  const latest = useRef({ run, items });
  latest.current = { run, items };
  const handler = useRef((key: string) => {
    const item = itemForKey(latest.current.items, key);
    if (item) latest.current.run(item.id);
    return item !== undefined;
  }).current;
  useEffect(() => () => setShortcutTarget(null, handler), []);
  const enter = () => setShortcutTarget(handler);
  const leave = () => setShortcutTarget(null, handler);
  const target = hasMenu
    ? { onMouseEnter: enter, onMouseLeave: leave, onFocusIn: enter, onFocusOut: leave }
    : {};

  return (
    <section class="panel" aria-label={title || 'panel'} aria-busy={loading} {...target}>
      <header class="panel-header">
        <h2 class="panel-title" title={description}>
          {title}
        </h2>
        {timeInfo && <span class="panel-time-info">{timeInfo}</span>}
        {panelLinks.length > 0 && (
          <LinksMenu
            label={`Links of panel ${title || 'without title'}`}
            icon
            links={panelLinks}
            class="panel-links-button"
          />
        )}
        {undrawn.length > 0 && (
          <span
            class="panel-undrawn-icon"
            role="img"
            aria-label={`Not drawn here: ${undrawn.join('; ')}`}
            title={`Not drawn here (kept in the JSON):\n${undrawn.map((u) => `• ${u}`).join('\n')}`}
          >
            i
          </span>
        )}
        {errors.length > 0 && (
          <span class="panel-error-icon" role="img" aria-label="error" title={errors.join('\n')}>
            !
          </span>
        )}
        {hasMenu && <PanelMenu title={title} items={items} onPick={run} />}
      </header>
      <div class={`panel-loading${loading ? ' active' : ''}`} />
      {errors.length > 0 && (
        <div class="panel-error" role="alert">
          {errors.map((e) => (
            <p key={e}>{e}</p>
          ))}
        </div>
      )}
      {notices.length > 0 && (
        <div class="panel-notice" role="status">
          {notices.join(' · ')}
        </div>
      )}
      {children}
    </section>
  );
}
