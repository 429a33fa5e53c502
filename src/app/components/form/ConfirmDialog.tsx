/**
 * A modal question before something is deleted, on the native <dialog>: focus moves into it and
 * is trapped there, Esc cancels, and focus returns to where it was when it closes.
 */
import { useEffect, useRef } from 'preact/hooks';

interface Props {
  open: boolean;
  title: string;
  body: string;
  confirmLabel: string;
  cancelLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
}

let counter = 0;

export function ConfirmDialog({ open, title, body, confirmLabel, cancelLabel, onConfirm, onCancel }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  const returnTo = useRef<HTMLElement | null>(null);
  const id = useRef(`confirm-${++counter}`);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      returnTo.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      dialog.showModal();
      // The safe choice gets the focus, so a stray Enter keeps the data.
      dialog.querySelector<HTMLButtonElement>('[data-cancel]')?.focus();
    } else if (!open && dialog.open) {
      dialog.close();
    }
  }, [open]);

  useEffect(
    () => () => {
      if (ref.current?.open) ref.current.close();
    },
    [],
  );

  function settle(confirmed: boolean) {
    ref.current?.close();
    const back = returnTo.current;
    if (back?.isConnected) back.focus();
    if (confirmed) onConfirm();
    else onCancel();
  }

  return (
    <dialog
      ref={ref}
      class="confirm"
      aria-labelledby={`${id.current}-title`}
      aria-describedby={`${id.current}-body`}
      onCancel={(e) => {
        e.preventDefault();
        settle(false);
      }}
    >
      <h2 id={`${id.current}-title`}>{title}</h2>
      <p id={`${id.current}-body`}>{body}</p>
      <div class="confirm__actions">
        <button type="button" class="btn btn--danger" onClick={() => settle(true)}>
          {confirmLabel}
        </button>
        <button type="button" class="btn" data-cancel onClick={() => settle(false)}>
          {cancelLabel}
        </button>
      </div>
    </dialog>
  );
}
