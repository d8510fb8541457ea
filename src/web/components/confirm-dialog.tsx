import { useEffect, useRef } from 'preact/hooks';

/**
 * A plain confirmation in a modal `<dialog>`: both answers equally prominent (no
 * confirmshaming), Escape cancels, focus returns where it was.
 */
export function ConfirmDialog(props: {
  message: string;
  confirmLabel: string;
  cancelLabel: string;
  onConfirm: () => void | Promise<void>;
  onCancel: () => void;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    const before = document.activeElement as HTMLElement | null;
    dialog?.showModal();
    return () => before?.focus();
  }, []);
  return (
    <dialog
      ref={ref}
      class="confirm"
      aria-labelledby="confirm-message"
      onCancel={(e) => {
        e.preventDefault();
        props.onCancel();
      }}
    >
      <p id="confirm-message">{props.message}</p>
      <div class="two-buttons">
        <button type="button" class="choice-button" onClick={() => void props.onConfirm()}>
          {props.confirmLabel}
        </button>
        <button type="button" class="choice-button" onClick={props.onCancel}>
          {props.cancelLabel}
        </button>
      </div>
    </dialog>
  );
}
