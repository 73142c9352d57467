import browser from 'webextension-polyfill';
import { parseProgress, type CaseProgress } from '../checklist/case-progress';

// Checklist progress lives in chrome.storage.local, one item per case, apart from the evidence
// store: it is the shopper's own notes, not evidence, and changes often. The support deadline is
// the time the "contact support" step was checked (plus the settings' deadline hours); when the
// watching-orders deadline API lands it can read the same item.

const PREFIX = 'caseProgress:';

export function progressKey(caseId: string): string {
  return `${PREFIX}${caseId}`;
}

export async function loadProgress(caseId: string): Promise<CaseProgress> {
  const key = progressKey(caseId);
  return parseProgress((await browser.storage.local.get(key))[key]);
}

export async function saveProgress(caseId: string, progress: CaseProgress): Promise<void> {
  await browser.storage.local.set({ [progressKey(caseId)]: progress });
}

/** Every case's progress, for the list's deadlines and completeness. */
export async function loadAllProgress(): Promise<Map<string, CaseProgress>> {
  const all = await browser.storage.local.get(null);
  const out = new Map<string, CaseProgress>();
  for (const [key, value] of Object.entries(all)) {
    if (key.startsWith(PREFIX)) out.set(key.slice(PREFIX.length), parseProgress(value));
  }
  return out;
}

export async function forgetProgress(caseIds: readonly string[]): Promise<void> {
  await browser.storage.local.remove(caseIds.map(progressKey));
}
