import type { CaptureEntry } from '../evidence/capture-entry';
import type { EvidenceDb } from '../store/open-evidence-db';
import { DeleteCaptureButton } from './delete-capture-button';
import { StampedImageButtons } from './stamped-image-buttons';

// Slot for what can be done with one capture in a case's timeline: one line per component.
export function CaptureActions({ db, capture, onChanged }: { db: EvidenceDb; capture: CaptureEntry; onChanged(): void }) {
  return (
    <div class="capture-actions">
      <StampedImageButtons db={db} capture={capture} />
      <DeleteCaptureButton capture={capture} onDeleted={onChanged} />
    </div>
  );
}
