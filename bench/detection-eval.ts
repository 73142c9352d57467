import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { detectPage } from '../src/detect/detect-page';
import { noneVerdict } from '../src/detect/verdict';
import { BLIND_ROOT, blindBatches, loadCorpus, type Fixture } from '../test/harness/fixture-corpus';
import { startCorpusReader } from '../test/harness/read-fixture-snapshots';
import { formatDecidedBy, formatReport, scoreVerdicts } from './detection-metrics';
import { runExtensionEval } from './extension-eval';

// `npm run eval`: reads every fixture page with the real content-script reader in headless Chromium,
// runs the detectors, and prints the scores for the whole corpus and, separately, for the holdout
// set (bench/detection-holdout.json: ~15% of each kind/responsibility class, chosen by hash of the
// page name before any rule was tuned) and the pages the rules were written against.
// `npm run eval -- --corpus test/fixtures/blind/batch-1` scores another corpus laid out the same way
// (a blind batch); "as the extension" also applies the content script's first look (the gate),
// which keeps a page it does not take for a shop from being read at all. `--extension` opens the
// pages through the built extension instead (bench/extension-eval.ts).

/** Pages that call for a verdict which the gate (the content script's first look) keeps from being read at all. */
function turnedAwayByGate(corpus: readonly Fixture[], snapshots: ReadonlyMap<string, { gate?: boolean }>): Fixture[] {
  return corpus.filter((fixture) => snapshots.get(fixture.id)?.gate === false && fixture.expected.kind !== 'none');
}

/**
 * The blind batches folded in after their first-seen score (test/fixtures/blind/batch-N, and the final one): one line
 * each with today's score. A batch still sealed is not in the repository and so not here.
 */
async function logBlindBatches(log: (line: string) => void): Promise<void> {
  const batches = blindBatches();
  if (batches.length === 0) return;
  log('');
  log('## blind batches, scored today (their first-seen scores are in bench/blind-scores/ and README)');
  for (const batch of batches) {
    const corpus = loadCorpus(`${BLIND_ROOT}${batch}`);
    const reader = await startCorpusReader(corpus);
    try {
      const snapshots = await reader.readAll(corpus, 4);
      const report = scoreVerdicts(corpus.map((fixture) => ({ fixture, verdict: detectPage(snapshots.get(fixture.id)!) })));
      const a = report.alarms;
      const turnedAway = turnedAwayByGate(corpus, snapshots).map((fixture) => fixture.id);
      const frac = ({ right, of }: { right: number; of: number }) => `${right}/${of}`;
      log(
        `${batch}: ${corpus.length} pages — alarms right ${a.right}/${a.pages} (recall ${a.recall.toFixed(3)}, F1 ${a.f1.toFixed(3)}), ` +
          `${a.ordinaryAlarms} alarm(s) on ${a.ordinaryPages} ordinary pages; responsibility ${frac(a.responsibility)}, order id ${frac(a.orderId)}, amount ${frac(a.amount)}, stalled ${frac(a.stalled)}; ` +
          `gate turns away ${turnedAway.length} page(s) that call for a verdict${turnedAway.length ? ` (${turnedAway.join(', ')})` : ''}`,
      );
    } finally {
      await reader.close();
    }
  }
}

export async function runDetectionEval(log: (line: string) => void, args: readonly string[] = []): Promise<number> {
  const corpusArg = args.indexOf('--corpus');
  const root = corpusArg >= 0 ? args[corpusArg + 1] : undefined;
  if (args.includes('--extension')) return runExtensionEval(log, root ?? 'test/fixtures/pages');
  const corpus = root ? loadCorpus(resolve(root)) : loadCorpus();
  const reader = await startCorpusReader(corpus);
  try {
    const started = Date.now();
    const snapshots = await reader.readAll(corpus, 4);
    const results = corpus.map((fixture) => ({ fixture, verdict: detectPage(snapshots.get(fixture.id)!) }));
    const gated = results.map(({ fixture, verdict }) => ({ fixture, verdict: snapshots.get(fixture.id)!.gate === false ? noneVerdict(verdict) : verdict }));
    const part = (list: typeof results, keep: (fixture: Fixture) => boolean) => list.filter((result) => keep(result.fixture));
    if (root) {
      log(formatReport(`${root} — engine`, scoreVerdicts(results)));
      log('');
      log(formatReport(`${root} — as the extension (gate applied)`, scoreVerdicts(gated)));
    } else {
      const holdout = new Set<string>(JSON.parse(readFileSync(new URL('./detection-holdout.json', import.meta.url), 'utf8')));
      log(formatReport('whole corpus', scoreVerdicts(results)));
      log('');
      log(formatReport('holdout', scoreVerdicts(part(results, (fixture) => holdout.has(fixture.id)))));
      log('');
      log(formatReport('tuning set', scoreVerdicts(part(results, (fixture) => !holdout.has(fixture.id)))));
      log('');
      log(formatDecidedBy(results));
      await logBlindBatches(log);
    }
    const skipped = turnedAwayByGate(corpus, snapshots);
    log('');
    log(`gate: ${skipped.length} page(s) that call for a verdict would not be read${skipped.length ? `: ${skipped.map((f) => f.id).join(', ')}` : ''}`);
    log(`read ${corpus.length} pages in real Chromium in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    return 0;
  } finally {
    await reader.close();
  }
}
