import { liveCaptures } from '../evidence/deletion-entry';
import type { BundleManifest, ExtraRole } from './bundle-manifest';
import { caseFacts, type CaseFacts } from './case-facts';
import type { CaseNotesByCase } from './case-notes';
import { complaintDrafts } from './complaints/complaint-drafts';
import { readmeText, README_PATH } from './readme-text';
import { renderReport, REPORT_PATH } from './report-html';
import type { PageReading } from './page-reading';

// The human-readable files of a bundle, all derived from the manifest: made at export time and
// listed in `extras`, never in the sealed capture records.

export interface BundleDocument {
  path: string;
  text: string;
  type: string;
  role: ExtraRole;
}

export function bundleDocuments(
  manifest: BundleManifest,
  notes: CaseNotesByCase,
  readings: ReadonlyMap<string, PageReading>,
): BundleDocument[] {
  const cases = caseFacts(liveCaptures(manifest.captures), notes, readings);
  const paths = new Map<string, string[]>();
  const complaints = cases.flatMap((facts, index) => {
    // One case: complaints/<n>-<form>.txt; several: complaints/<case n>-<order or case>/<n>-<form>.txt.
    const folder = cases.length === 1 ? 'complaints' : `complaints/${index + 1}-${caseFolderName(facts)}`;
    const documents = complaintDrafts(facts, { now: manifest.createdAt }).map((draft) => ({
      path: `${folder}/${draft.name}`,
      text: draft.text,
      type: 'text/plain;charset=utf-8',
      role: 'complaint' as const,
    }));
    paths.set(facts.caseId, documents.map((document) => document.path));
    return documents;
  });
  return [
    { path: README_PATH, text: readmeText(manifest), type: 'text/plain;charset=utf-8', role: 'readme' },
    { path: REPORT_PATH, text: renderReport(manifest, cases, paths), type: 'text/html;charset=utf-8', role: 'report' },
    ...complaints,
  ];
}

/** The order number, else what the case id says after the site (`attempt-3001681e`, `day_2026-11-28`). */
function caseFolderName(facts: CaseFacts): string {
  const label = facts.orderId ?? facts.caseId.slice(facts.caseId.indexOf('#') + 1).replace(/^attempt:(.{8}).*$/, 'attempt-$1');
  return label.replace(/[^A-Za-z0-9_-]+/g, '_').slice(0, 40) || 'case';
}
