import { useState } from 'preact/hooks';
import type { CaptureEntry } from '../evidence/capture-entry';
import { sendToWorker } from '../messages/send-message';
import { t } from '../shared/i18n';

// Deleting goes through the worker (the single writer of the chain), which answers only
// extension pages. The shopper confirms in a prompt that also takes an optional reason; the
// deletion itself stays in the chain, so an export shows that something was removed.

export function DeleteCaptureButton({ capture, onDeleted }: { capture: CaptureEntry; onDeleted?: () => void }) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const run = async () => {
    const reason = prompt(t('deleteCapturePrompt'), '');
    if (reason === null) return;
    setBusy(true);
    setError(null);
    try {
      const reply = await sendToWorker('evidence:delete', { captureId: capture.id, reason: reason.slice(0, 500) });
      if (!reply?.ok) throw new Error(reply?.error ?? 'no reply');
      if (onDeleted) onDeleted();
      else location.reload();
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <button type="button" class="secondary danger small" onClick={() => void run()} disabled={busy}>
        {t('deleteCapture')}
      </button>
      {error && (
        <span class="status error" role="alert">
          {t('deleteCaptureFailed', error)}
        </span>
      )}
    </>
  );
}
