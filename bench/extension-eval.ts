import { resolve } from 'node:path';
import type { CaptureEntry } from '../src/evidence/capture-entry';
import { redactField } from '../src/privacy/redact-text';
import type { Verdict } from '../src/detect/verdict';
import { startExtensionSession } from '../test/harness/extension-session';
import { FIXTURE_HEADER, loadCorpus, startFixtureServer, type Fixture } from '../test/harness/fixture-corpus';
import { ALARM_KINDS, formatReport, scoreVerdicts, type Scored } from './detection-metrics';

// `npm run eval -- --extension --corpus <dir>`: scores a corpus the way a shopper meets it — the
// built extension (dist/) in Chromium, each page opened in a tab of its own under its own URL, the
// verdict read back from the evidence store the worker wrote (the content script's gate, reader,
// watcher and the worker's own decision all included; each capture is the page's whose URL it
// carries, wherever in the run it landed). The browser's clock is set to the corpus'
// `now` (libfaketime, apt package faketime) so stall rules judge the pages against the time they
// were written for. An alarm kept before a delayed page showed its error is an early alarm.

const FAKETIME_LIB = '/usr/lib/x86_64-linux-gnu/faketime/libfaketimeMT.so.1';
const SETTLE_MS = 2_500;
const LATE_CAPTURE_MS = 5_000;

export async function runExtensionEval(log: (line: string) => void, root: string): Promise<number> {
  const corpus = loadCorpus(resolve(root));
  const now = corpus[0]?.now ?? new Date().toISOString();
  const server = await startFixtureServer(corpus);
  const fakeNow = new Date(Date.parse(now)).toISOString().replace('T', ' ').replace(/\.\d+Z$/, '');
  const session = await startExtensionSession({
    extraArgs: server.browserArgs,
    env: { FAKETIME: `@${fakeNow}`, LD_PRELOAD: FAKETIME_LIB, TZ: 'Asia/Shanghai' },
  });
  const early: string[] = [];
  const started = Date.now();
  let kept: CaptureEntry[] = [];
  try {
    for (const fixture of corpus) {
      const known = (await session.entries()).length;
      const page = await session.context.newPage();
      await page.setExtraHTTPHeaders({ [FIXTURE_HEADER]: fixture.id });
      await page.bringToFront();
      await page.goto(fixture.url).catch(() => undefined);
      if (fixture.delayMs >= 600) {
        // On the page's own clock: its timer starts with its document.
        const dueAt = ((await page.evaluate('Math.round(performance.timeOrigin)').catch(() => Date.now())) as number) + fixture.delayMs;
        await page.waitForTimeout(fixture.delayMs - 300);
        const before = (await session.entries()).slice(known).filter((entry) => ALARM_KINDS.has(entry.kind) && entry.url === storedUrl(fixture) && Date.parse(entry.capturedAt) < dueAt);
        if (before.length) early.push(`${fixture.id}: ${before[0]!.kind} (${before[0]!.reasonCode}) kept before the page showed it`);
      }
      await captures(session.entries, known, fixture);
      await page.close();
    }
    // Captures still being taken when the run moved on land a moment later; each is the page's whose URL it carries.
    await new Promise((done) => setTimeout(done, LATE_CAPTURE_MS));
    kept = await session.entries();
  } finally {
    await session.close();
    await server.close();
  }
  const results: Scored[] = corpus.map((fixture) => ({ fixture, verdict: verdictOf(kept.filter((entry) => entry.url === storedUrl(fixture))) }));
  log(formatReport(`${root} — through the extension`, scoreVerdicts(results)));
  log('');
  log(`early alarms: ${early.length}`);
  for (const line of early) log(`  - ${line}`);
  log(`opened ${corpus.length} pages through the extension in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return 0;
}

/** The URL as the capture stores it (card and phone numbers masked, src/privacy). */
function storedUrl(fixture: Fixture): string {
  return redactField(fixture.url);
}

/** Waits until the page has had its chance: an alarm kept, or the settle time after its delay passed. */
async function captures(read: () => Promise<CaptureEntry[]>, known: number, fixture: Fixture): Promise<CaptureEntry[]> {
  const deadline = Date.now() + Math.max(0, fixture.delayMs) + SETTLE_MS;
  for (;;) {
    const kept = (await read()).slice(known).filter((entry) => entry.url === storedUrl(fixture));
    if (kept.some((entry) => ALARM_KINDS.has(entry.kind)) || Date.now() > deadline) return kept;
    await new Promise((done) => setTimeout(done, 150));
  }
}

/** What the bundle says about the page: its alarm if one was kept, else its neutral record, else nothing. */
function verdictOf(kept: readonly CaptureEntry[]): Verdict {
  const entry = kept.find((candidate) => ALARM_KINDS.has(candidate.kind)) ?? kept[0];
  if (!entry) {
    return { kind: 'none', responsibility: null, reasonCode: 'none', message: '', orderId: null, amount: null, currency: null, status: null, createdAt: null, relatedOrderIds: [] };
  }
  return {
    kind: entry.kind === 'manual' || entry.kind === 'attachment' ? 'none' : entry.kind,
    responsibility: entry.responsibility,
    reasonCode: entry.reasonCode,
    message: entry.message,
    orderId: entry.orderId,
    amount: entry.amount,
    currency: entry.currency,
    status: entry.status,
    createdAt: entry.createdAt,
    relatedOrderIds: entry.relatedOrderIds,
  };
}
