// The hook through which the cases / checklist / terms modules (issue "cases + checklist") feed the
// report and the complaint drafts. Export knows nothing of where these come from: the caller passes
// a map keyed by case id (src/cases/case-keys.ts), and an empty map is valid —
// then report and drafts are built from the captures alone.

export interface ChecklistItemNote {
  label: string;
  done: boolean;
  /** ISO time the shopper ticked it, when known. */
  doneAt?: string | null;
}

export interface CaseNotes {
  /** The shop's own name (e.g. 星河发卡); the site's host name is used when unknown. */
  shopName?: string | null;
  companyNames?: readonly string[];
  icpNumbers?: readonly string[];
  checklist?: readonly ChecklistItemNote[];
  /** The shopper's own answer to "was money taken?" (they see their bill; the pages may not say). */
  shopperSaysPaid?: 'yes' | 'no' | null;
  /** When the shopper marked shop support as contacted. */
  supportContactedAt?: string | null;
}

export type CaseNotesByCase = ReadonlyMap<string, CaseNotes>;

export const NO_CASE_NOTES: CaseNotesByCase = new Map();
