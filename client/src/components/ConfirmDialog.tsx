import { useEffect, useId, useRef, type ReactNode } from 'react';

/**
 * An in-page "are you sure?" in place of window.confirm (which screen readers announce poorly, the
 * app cannot style, and some browsers suppress): a modal <dialog> named by its title, opened with
 * showModal (the rest of the page is inert), with Cancel focused first so Enter or a stray key never
 * confirms a destructive action. Escape cancels. Rendered only while it asks: when it goes away the
 * keyboard returns to whatever had focus when it opened (the button that asked), if that is still
 * on the page.
 */
export function ConfirmDialog({ title, children, confirmLabel, onConfirm, onCancel }: {
  title: string;
  /** what will happen, in words */
  children: ReactNode;
  /** the confirming button's text, saying what it does ("Delete rule") */
  confirmLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const id = useId();
  const ref = useRef<HTMLDialogElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const cancel = useRef(onCancel);
  cancel.current = onCancel;

  useEffect(() => {
    const dialog = ref.current!;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!dialog.open) dialog.showModal();
    cancelRef.current?.focus();
    return () => {
      if (dialog.open) dialog.close();
      if (opener?.isConnected) opener.focus();
    };
  }, []);

  return (
    <dialog
      ref={ref}
      className="confirm-dialog"
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-body`}
      // Escape: handled here so the parent decides (the dialog stays until it is unrendered);
      // `cancel` covers the browser's other ways of dismissing a modal dialog
      onKeyDown={(e) => {
        if (e.key !== 'Escape') return;
        e.preventDefault();
        cancel.current();
      }}
      onCancel={(e) => {
        e.preventDefault();
        cancel.current();
      }}
    >
      <h2 id={`${id}-title`} className="confirm-dialog-title">{title}</h2>
      <div id={`${id}-body`}>{children}</div>
      <div className="form-actions">
        <button ref={cancelRef} type="button" className="button button-quiet" onClick={() => cancel.current()}>Cancel</button>
        <button type="button" className="button" onClick={onConfirm}>{confirmLabel}</button>
      </div>
    </dialog>
  );
}
