// The menu button in a panel's header and its menu (ARIA menu button pattern:
// https://www.w3.org/WAI/ARIA/apg/patterns/menu-button/). The menu is a popover
// (app/popover.ts) rendered into <body>, so its clicks do not reach the panel's grid cell
// (dragging in edit mode). Escape closes it and returns focus; arrow keys move between items;
// an item's letter picks it.
import { createPortal } from 'preact';
import { useId, useRef } from 'preact/hooks';
import { moveFocus, usePopoverMenu } from '../ui/popover.ts';
import type { MenuItem, MenuItemId } from './panel-menu.ts';
import { itemForKey } from './panel-menu.ts';

interface Props {
  title: string;
  items: MenuItem[];
  onPick: (id: MenuItemId) => void;
}

const ITEM = '[role="menuitem"]';

export function PanelMenu({ title, items, onPick }: Props) {
  const id = useId();
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLDivElement>(null);
  const open = usePopoverMenu(button, menu, ITEM);

  const close = (focusButton: boolean) => {
    menu.current?.hidePopover();
    if (focusButton) button.current?.focus();
  };
  const pick = (item: MenuItem) => {
    close(false);
    onPick(item.id);
  };

  const onMenuKey = (e: KeyboardEvent) => {
    if (e.key === 'Escape') close(true);
    else if (e.key === 'Tab') close(false);
    else if (!moveFocus(menu.current, ITEM, e.key)) {
      const item = e.ctrlKey || e.metaKey || e.altKey ? undefined : itemForKey(items, e.key);
      if (!item) return;
      pick(item);
    }
    if (e.key !== 'Tab') e.preventDefault();
    // The dashboard's own Escape (leave the viewed panel) must not fire as well.
    e.stopPropagation();
  };

  const onButtonKey = (e: KeyboardEvent) => {
    if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
    e.preventDefault();
    menu.current?.showPopover();
  };

  return (
    <>
      <button
        ref={button}
        type="button"
        class="panel-menu-button"
        aria-label={`Menu for panel ${title || 'without title'}`}
        title="Panel menu"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={id}
        popovertarget={id}
        onKeyDown={onButtonKey}
      >
        <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true">
          <circle cx="8" cy="3" r="1.5" />
          <circle cx="8" cy="8" r="1.5" />
          <circle cx="8" cy="13" r="1.5" />
        </svg>
      </button>
      {createPortal(
        <div
          ref={menu}
          id={id}
          popover="auto"
          role="menu"
          class="panel-menu"
          aria-label={`Panel ${title || 'without title'}`}
          onKeyDown={onMenuKey}
        >
          {items.map((item) => (
            <button
              key={item.id}
              type="button"
              role="menuitem"
              tabIndex={-1}
              aria-keyshortcuts={item.shortcut}
              data-item={item.id}
              onClick={() => pick(item)}
            >
              <span>{item.label}</span>
              <span class="kbd" aria-hidden="true">
                {item.shortcut}
              </span>
            </button>
          ))}
        </div>,
        document.body,
      )}
    </>
  );
}
