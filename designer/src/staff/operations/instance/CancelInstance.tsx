/** Cancelling an instance, asked again in a modal dialog (native `<dialog>`: focus stays in it, Escape closes it). */
import { useEffect, useId, useRef, useState } from 'react';
import { useStaffI18n } from '../../i18n/use-staff-i18n.js';

export function CancelInstance({ instanceKey, onConfirm }: { instanceKey: string; onConfirm(): Promise<void> }) {
  const { t } = useStaffI18n();
  const [asking, setAsking] = useState(false);
  const openerRef = useRef<HTMLButtonElement>(null);
  const wasAsking = useRef(false);
  // Back to the button once the dialog is gone (focusing it while the modal dialog is open would fail).
  useEffect(() => {
    if (wasAsking.current && !asking) openerRef.current?.focus();
    wasAsking.current = asking;
  }, [asking]);
  const close = () => setAsking(false);
  return (
    <>
      <button ref={openerRef} type="button" className="button button--danger" onClick={() => setAsking(true)}>{t('instance.cancel')}</button>
      {asking ? (
        <ConfirmDialog instanceKey={instanceKey} onClose={close} onConfirm={async () => {
          setAsking(false);
          await onConfirm();
        }} />
      ) : null}
    </>
  );
}

function ConfirmDialog({ instanceKey, onClose, onConfirm }: { instanceKey: string; onClose(): void; onConfirm(): Promise<void> }) {
  const { t } = useStaffI18n();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const keepRef = useRef<HTMLButtonElement>(null);
  const titleId = useId();
  const textId = useId();
  useEffect(() => {
    const dialog = dialogRef.current;
    if (dialog && !dialog.open) dialog.showModal();
    // The harmless answer has the focus: showModal would give it to the first button, the destructive one.
    keepRef.current?.focus();
    return () => dialog?.close();
  }, []);
  return (
    <dialog ref={dialogRef} className="confirm-dialog" aria-labelledby={titleId} aria-describedby={textId}
      onCancel={(event) => {
        event.preventDefault(); // closed by unmounting, so that focus returns to the button
        onClose();
      }}>
      <h2 id={titleId}>{t('instance.cancelTitle')}</h2>
      <p id={textId}>{t('instance.cancelQuestion', { key: instanceKey })}</p>
      <div className="actions-row">
        <button type="button" className="button button--danger" onClick={() => void onConfirm()}>{t('instance.cancelConfirm')}</button>
        <button ref={keepRef} type="button" className="button" onClick={onClose}>{t('instance.cancelKeep')}</button>
      </div>
    </dialog>
  );
}
