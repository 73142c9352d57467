import type { CaptureKind, Responsibility } from '../evidence/capture-entry';
import { findDecisive, type DecisiveOptions } from './decisive-text';
import type { Detector, PageView } from './detector';
import { pageRole, type PageRole } from './page-role';


// Most detectors are "this page is saying <phrase> now": the phrase list, who is to blame, and
// optionally on whose page (shop or provider) the phrase means that. This builds one from a spec.

const RAISED = new Set(['alert', 'toast', 'dialog', 'heading', 'readonly']);

export interface PhraseSpec extends DecisiveOptions {
  id: string;
  kind: CaptureKind;
  responsibility: Responsibility | null;
  reasonCode: string;
  phrases: RegExp;
  /** Only when this side is speaking (see page-role.ts). */
  role?: PageRole;
  /**
   * Only in a message the page raises (alert, toast, dialog, heading, read-only order field): for
   * words a page also prints as plain labels ("库存不足" beside a product, "余额不足" in a wallet).
   */
  raisedOnly?: boolean;
  fixtures: readonly string[];
}

export function phraseDetector(spec: PhraseSpec): Detector {
  return {
    id: spec.id,
    fixtures: spec.fixtures,
    detect(page: PageView) {
      if (spec.role && pageRole(page) !== spec.role) return null;
      const blocks = spec.raisedOnly
        ? page.snapshot.blocks.filter((block) => block.hints.some((hint) => RAISED.has(hint)))
        : page.snapshot.blocks;
      const hit = findDecisive(blocks, spec.phrases, spec);
      return hit
        ? { kind: spec.kind, responsibility: spec.responsibility, reasonCode: spec.reasonCode, message: hit.message }
        : null;
    },
  };
}
