// A popover menu under its button (the Popover API: top layer, so a panel's
// `overflow: hidden` never clips it; light dismiss closes it on an outside click). Placed
// under the button before it is painted, its first item focused when it opens, closed when
// the page scrolls or resizes (it would float away from its button).
import type { RefObject } from 'preact';
import { useEffect, useState } from 'preact/hooks';

const GAP = 4; // px between the button and the menu

/** Whether the menu is open; `align` says which edges of button and menu line up. */
export function usePopoverMenu(
  button: RefObject<HTMLElement | null>,
  menu: RefObject<HTMLElement | null>,
  itemSelector: string,
  align: 'left' | 'right' = 'right',
): boolean {
  const [open, setOpen] = useState(false);

  useEffect(() => {
    const el = menu.current;
    if (!el) return;
    const place = (e: Event) => {
      if ((e as ToggleEvent).newState !== 'open' || !button.current) return;
      const r = button.current.getBoundingClientRect();
      el.style.top = `${r.bottom + GAP}px`;
      if (align === 'right') {
        el.style.right = `${Math.max(GAP, document.documentElement.clientWidth - r.right)}px`;
      } else {
        el.style.left = `${Math.max(GAP, r.left)}px`;
      }
    };
    const toggled = (e: Event) => {
      const opened = (e as ToggleEvent).newState === 'open';
      setOpen(opened);
      if (!opened) return;
      // Left-aligned, a menu near the right edge is moved back inside the window.
      const overflow =
        el.getBoundingClientRect().right - (document.documentElement.clientWidth - GAP);
      if (align === 'left' && overflow > 0) {
        el.style.left = `${Math.max(GAP, el.getBoundingClientRect().left - overflow)}px`;
      }
      el.querySelector<HTMLElement>(itemSelector)?.focus();
    };
    el.addEventListener('beforetoggle', place);
    el.addEventListener('toggle', toggled);
    return () => {
      el.removeEventListener('beforetoggle', place);
      el.removeEventListener('toggle', toggled);
    };
  }, []);

  useEffect(() => {
    if (!open) return;
    const close = () => menu.current?.hidePopover();
    window.addEventListener('scroll', close, { capture: true, passive: true });
    window.addEventListener('resize', close);
    return () => {
      window.removeEventListener('scroll', close, { capture: true });
      window.removeEventListener('resize', close);
    };
  }, [open]);

  return open;
}

/** Arrow keys, Home and End move between a menu's items; true when the key was one of them. */
export function moveFocus(menu: HTMLElement | null, itemSelector: string, key: string): boolean {
  const items = [...(menu?.querySelectorAll<HTMLElement>(itemSelector) ?? [])];
  const at = items.indexOf(document.activeElement as HTMLElement);
  const to =
    key === 'ArrowDown'
      ? at + 1
      : key === 'ArrowUp'
        ? at - 1
        : key === 'Home'
          ? 0
          : key === 'End'
            ? -1
            : null;
  if (to === null) return false;
  items[(to + items.length) % items.length]?.focus();
  return true;
}
