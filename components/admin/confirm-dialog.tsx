"use client";

import { useCallback, useEffect, useId, useRef, useState } from "react";

export interface Confirmation {
  /** The question, naming what happens: "Refund ₹10.00 to the customer's debit card?" */
  question: string;
  /** What follows from it: "This can't be undone." */
  consequence?: string;
  /** The button that goes ahead, naming the action: "Refund ₹10.00". */
  confirmLabel: string;
}

type Pending = Confirmation & { answer: (yes: boolean) => void };

/**
 * Asks before an admin action that moves money or cannot be undone. `ask` resolves true only when the merchant
 * presses the confirming button; `dialog` is rendered wherever the caller likes (it is modal, so its place in the
 * page does not matter). Used instead of window.confirm, which some embedded browsers block and which cannot be
 * styled, read by a test like the page, or given the consequence as well as the question.
 */
export function useConfirm() {
  const [pending, setPending] = useState<Pending | null>(null);
  const ask = useCallback(
    (confirmation: Confirmation) => new Promise<boolean>((answer) => setPending({ ...confirmation, answer })),
    [],
  );
  const dialog = pending ? (
    <ConfirmDialog
      {...pending}
      onClose={(yes) => {
        setPending(null);
        pending.answer(yes);
      }}
    />
  ) : null;
  return { ask, dialog };
}

/**
 * A native modal <dialog> (https://html.spec.whatwg.org/multipage/interactive-elements.html#the-dialog-element):
 * showModal() makes the rest of the page inert and Esc cancels it. It opens on the safe choice, as the WAI-ARIA
 * alert dialog pattern advises for actions that destroy something (https://www.w3.org/WAI/ARIA/apg/patterns/alertdialog/),
 * and gives focus back to the button that asked when it closes.
 */
function ConfirmDialog({
  question,
  consequence,
  confirmLabel,
  onClose,
}: Confirmation & { onClose: (yes: boolean) => void }) {
  const ref = useRef<HTMLDialogElement>(null);
  const safeChoice = useRef<HTMLButtonElement>(null);
  const id = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!dialog.open) dialog.showModal();
    safeChoice.current?.focus();
    // Closing unmounts the dialog (the caller drops it): the button that asked gets focus back.
    return () => opener?.focus();
  }, []);

  return (
    <dialog
      ref={ref}
      role="alertdialog"
      aria-labelledby={`${id}-question`}
      aria-describedby={consequence ? `${id}-consequence` : undefined}
      onClose={(event) => onClose(event.currentTarget.returnValue === "confirm")}
      // A click on the backdrop lands on the dialog element itself (its box is the panel): that is a "no".
      onClick={(event) => {
        if (event.target === event.currentTarget) event.currentTarget.close("cancel");
      }}
      className="m-auto w-[min(28rem,calc(100vw-2rem))] rounded-xl bg-white p-0 text-ink shadow-xl backdrop:bg-stone-900/50"
    >
      <form method="dialog" className="space-y-3 p-5">
        <h2 id={`${id}-question`} className="text-lg font-semibold">
          {question}
        </h2>
        {consequence && (
          <p id={`${id}-consequence`} className="text-sm text-stone-700">
            {consequence}
          </p>
        )}
        <div className="flex flex-col-reverse gap-2 pt-2 sm:flex-row sm:justify-end">
          <button
            ref={safeChoice}
            value="cancel"
            className="min-h-11 rounded-lg border border-stone-300 bg-white px-4 font-medium hover:bg-stone-100"
          >
            Go back
          </button>
          <button
            value="confirm"
            className="min-h-11 rounded-lg bg-red-700 px-4 font-semibold text-white hover:bg-red-800"
          >
            {confirmLabel}
          </button>
        </div>
      </form>
    </dialog>
  );
}
