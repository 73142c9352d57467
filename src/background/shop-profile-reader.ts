import type { CaptureEntry } from '../evidence/capture-entry';
import { pageTextBody } from '../evidence/page-text';
import type { Settings } from '../settings/settings';
import { isRefundPromiseRecord } from '../shop/refund-promise-record';
import { shopProfile, type ReadPage, type ShopProfile } from '../shop/shop-profile';
import { siteEntries } from '../store/case-pages';
import { readFile } from '../store/capture-store';
import type { EvidenceDb } from '../store/open-evidence-db';
import { listSiteOrders } from '../store/order-store';
import { listSupportDeadlines } from '../store/support-deadline-store';

// Gathers what the store knows about one site for the pure profile (src/shop/shop-profile.ts):
// its records, orders and support deadlines, and the page text of a few of its captures — the
// newest terms pages (for their clauses) and the newest other pages (for a footer this page lacks).

export interface ShopProfileDeps {
  db: () => Promise<EvidenceDb>;
  settings: () => Promise<Settings>;
  now: () => Date;
}

const TERMS_TEXTS = 3;
const OTHER_TEXTS = 3;
const MAX_TEXT_BYTES = 512 * 1024;

export async function readShopProfile(site: string, page: ReadPage | null, deps: ShopProfileDeps): Promise<ShopProfile> {
  const db = await deps.db();
  const [captures, orders, deadlines, settings] = await Promise.all([
    siteEntries(db, site),
    listSiteOrders(db, site),
    listSupportDeadlines(db),
    deps.settings(),
  ]);
  return shopProfile({
    site,
    now: deps.now(),
    page,
    captures,
    texts: await pageTexts(db, textsWorthReading(captures)),
    orders,
    deadlines: deadlines.filter((deadline) => deadline.caseId.startsWith(`${site}#`)),
    stallThresholdHours: settings.stallThresholdHours,
  });
}

function textsWorthReading(captures: readonly CaptureEntry[]): CaptureEntry[] {
  const newestFirst = [...captures].reverse().filter((capture) => capture.files.some((file) => file.role === 'text'));
  const isTerms = (capture: CaptureEntry) => capture.kind === 'terms' && !isRefundPromiseRecord(capture);
  return [...newestFirst.filter(isTerms).slice(0, TERMS_TEXTS), ...newestFirst.filter((capture) => !isTerms(capture)).slice(0, OTHER_TEXTS)];
}

async function pageTexts(db: EvidenceDb, captures: readonly CaptureEntry[]): Promise<Map<string, string>> {
  const texts = new Map<string, string>();
  for (const capture of captures) {
    const ref = capture.files.find((file) => file.role === 'text');
    const stored = ref && ref.bytes <= MAX_TEXT_BYTES ? await readFile(db, ref.path) : undefined;
    if (stored) texts.set(capture.id, pageTextBody(await stored.blob.text()));
  }
  return texts;
}
