import type { CaptureKind, Responsibility } from '../evidence/capture-entry';
import { findDecisive, type DecisiveOptions } from './decisive-text';
import type { Detector, PageView } from './detector';
import { pageRole, type PageRole } from './page-role';


// Most detectors are "this page is saying <phrase> now": the phrase list, who is to blame, and
// optionally on whose page (shop or provider) the phrase means that. This builds one from a spec.

export interface PhraseSpec extends DecisiveOptions {
  id: string;
  kind: CaptureKind;
  responsibility: Responsibility | null;
  reasonCode: string;
  phrases: RegExp;
  /** Only when this side is speaking (see page-role.ts). */
  role?: PageRole;
  fixtures: readonly string[];
}

export function phraseDetector(spec: PhraseSpec): Detector {
  return {
    id: spec.id,
    fixtures: spec.fixtures,
    detect(page: PageView) {
      if (spec.role && pageRole(page) !== spec.role) return null;
      const hit = findDecisive(page.snapshot.blocks, spec.phrases, spec);
      return hit
        ? { kind: spec.kind, responsibility: spec.responsibility, reasonCode: spec.reasonCode, message: hit.message }
        : null;
    },
  };
}
