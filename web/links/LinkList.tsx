// Links of a dashboard or a panel as they are drawn: an anchor (a new tab, without the opener,
// when the link asks for one), or the title with why it is not a link. Text only, never HTML.
import { createPortal } from 'preact';
import { useId, useRef } from 'preact/hooks';
import { Icon } from '../ui/Icon.tsx';
import { moveFocus, usePopoverMenu } from '../ui/popover.ts';
import type { Resolved } from './links.ts';

/** In a menu, `menuitem`: reached by the arrow keys, not Tab. */
export function LinkItem({ link, role }: { link: Resolved; role?: 'menuitem' }) {
  if ('refused' in link) {
    return (
      <span class="link-refused" role={role} title={`Not a link: ${link.refused}`}>
        {link.title}
      </span>
    );
  }
  const external = link.targetBlank ? { target: '_blank', rel: 'noopener noreferrer' } : {};
  return (
    <a
      href={link.href}
      title={link.tooltip ?? link.href}
      role={role}
      tabIndex={role ? -1 : 0}
      {...external}
    >
      {link.title}
      {link.targetBlank && <Icon name="external" />}
    </a>
  );
}

const ITEM = '[role="menuitem"]';

interface MenuProps {
  /** What the button says; an icon-only button when `icon` is given. */
  label: string;
  icon?: boolean;
  links: readonly Resolved[];
  class?: string;
}

/** A button that opens the links as a menu (a dashboards link "as dropdown", panel links). */
export function LinksMenu({ label, icon, links, class: cls }: MenuProps) {
  const id = useId();
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLDivElement>(null);
  const open = usePopoverMenu(button, menu, ITEM, 'left');
  const onKey = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      menu.current?.hidePopover();
      button.current?.focus();
    } else if (e.key === 'Tab') {
      menu.current?.hidePopover();
      return;
    } else if (!moveFocus(menu.current, ITEM, e.key)) return;
    e.preventDefault();
    e.stopPropagation();
  };
  return (
    <>
      <button
        ref={button}
        type="button"
        class={cls}
        aria-label={icon ? label : undefined}
        title={icon ? label : undefined}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={id}
        popovertarget={id}
      >
        {icon ? (
          <Icon name="link" />
        ) : (
          <>
            {label} <Icon name="caret" />
          </>
        )}
      </button>
      {createPortal(
        <div
          ref={menu}
          id={id}
          popover="auto"
          role="menu"
          class="panel-menu links-menu"
          aria-label={label}
          onKeyDown={onKey}
          onClick={(e) => {
            if ((e.target as Element).closest('a')) menu.current?.hidePopover();
          }}
        >
          {links.length === 0 ? (
            <span class="links-empty">No dashboards</span>
          ) : (
            links.map((l, i) => <LinkItem key={`${i}-${l.title}`} link={l} role="menuitem" />)
          )}
        </div>,
        document.body,
      )}
    </>
  );
}
