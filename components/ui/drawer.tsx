"use client";

import { XMarkIcon } from "@heroicons/react/24/outline";
import { type ReactNode, useEffect, useRef } from "react";

const FOCUSABLE = "a[href], button:not([disabled]), select:not([disabled]), input:not([disabled]), summary";

/** Tab from the last control goes to the first, Shift+Tab from the first to the last. */
function keepFocusInside(event: React.KeyboardEvent<HTMLDialogElement>) {
  const controls = [...event.currentTarget.querySelectorAll<HTMLElement>(FOCUSABLE)].filter(
    (control) => control.offsetParent !== null,
  );
  const [first, last] = [controls[0], controls.at(-1)];
  if (!first || !last) return;
  if (event.shiftKey && document.activeElement === first) {
    event.preventDefault();
    last.focus();
  } else if (!event.shiftKey && document.activeElement === last) {
    event.preventDefault();
    first.focus();
  }
}

const SIDES = {
  left: "inset-y-0 left-0 h-full max-h-none w-[min(20rem,85vw)] starting:open:-translate-x-full",
  right: "inset-y-0 right-0 left-auto h-full max-h-none w-full sm:w-[25rem] starting:open:translate-x-full",
  top: "inset-x-0 top-0 w-full max-w-none starting:open:-translate-y-full",
} as const;

/**
 * The one sheet the shop slides in (menu, search, cart): a native modal <dialog>. The browser closes it on Escape,
 * makes the page behind it inert and gives focus back to what opened it; Tab wraps around inside (browsers would
 * let it leave for their own toolbar); a click on the backdrop closes it. `open` drives it, `onClose` hears every
 * way it closes. The pattern of Hydrogen's one Aside for cart, search and menu (Shopify/hydrogen, Aside.tsx).
 */
export function Drawer({
  open,
  onClose,
  side,
  labelledBy,
  children,
}: {
  open: boolean;
  onClose: () => void;
  side: keyof typeof SIDES;
  labelledBy: string;
  children: ReactNode;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) element.showModal();
    if (!open && element.open) element.close();
  }, [open]);

  return (
    <dialog
      ref={dialog}
      aria-labelledby={labelledBy}
      onClose={onClose}
      onKeyDown={(event) => event.key === "Tab" && keepFocusInside(event)}
      // A click whose target is the dialog itself landed on its backdrop (the content fills the box).
      onClick={(event) => event.target === event.currentTarget && event.currentTarget.close()}
      className={`fixed m-0 bg-surface p-0 text-ink shadow-drawer transition-transform duration-200 backdrop:bg-stone-900/40 motion-reduce:transition-none ${SIDES[side]}`}
    >
      {children}
    </dialog>
  );
}

/** The close button every drawer has in its top corner. */
export function DrawerClose({ label, onClick }: { label: string; onClick: () => void }) {
  return (
    <button
      type="button"
      aria-label={label}
      onClick={onClick}
      className="-mr-2 inline-flex size-11 items-center justify-center rounded-control text-muted hover:bg-stone-100 hover:text-ink"
    >
      <XMarkIcon className="size-6" />
    </button>
  );
}
