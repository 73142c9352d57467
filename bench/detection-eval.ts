import { readFileSync } from 'node:fs';
import { detectPage } from '../src/detect/detect-page';
import { loadCorpus, type Fixture } from '../test/harness/fixture-corpus';
import { startCorpusReader } from '../test/harness/read-fixture-snapshots';
import { formatReport, scoreVerdicts } from './detection-metrics';

// `npm run eval`: reads every fixture page with the real content-script reader in headless Chromium,
// runs the detectors, and prints the scores for the whole corpus and, separately, for the holdout
// set (bench/detection-holdout.json: ~15% of each kind/responsibility class, chosen by hash of the
// page name before any rule was tuned) and the pages the rules were written against.

export async function runDetectionEval(log: (line: string) => void): Promise<number> {
  const corpus = loadCorpus();
  const holdout = new Set<string>(JSON.parse(readFileSync(new URL('./detection-holdout.json', import.meta.url), 'utf8')));
  const reader = await startCorpusReader(corpus);
  try {
    const started = Date.now();
    const snapshots = await reader.readAll(corpus, 4);
    const results = corpus.map((fixture) => ({ fixture, verdict: detectPage(snapshots.get(fixture.id)!) }));
    const part = (keep: (fixture: Fixture) => boolean) => results.filter((result) => keep(result.fixture));
    const all = scoreVerdicts(results);
    log(formatReport('whole corpus', all));
    log('');
    log(formatReport('holdout', scoreVerdicts(part((fixture) => holdout.has(fixture.id)))));
    log('');
    log(formatReport('tuning set', scoreVerdicts(part((fixture) => !holdout.has(fixture.id)))));
    log('');
    log(`read ${corpus.length} pages in real Chromium in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    return 0;
  } finally {
    await reader.close();
  }
}
