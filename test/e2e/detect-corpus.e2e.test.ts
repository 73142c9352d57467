import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { detectPage, pageView } from '../../src/detect/detect-page';
import type { PageView } from '../../src/detect/detector';
import { DETECTORS } from '../../src/detect/detectors';
import { sameReading } from '../../src/content/page-reader';
import { loadCorpus, type Fixture } from '../harness/fixture-corpus';
import { startCorpusReader, type CorpusReader, type ReadPage } from '../harness/read-fixture-snapshots';

// Every fixture page is read by the real content-script reader in real Chromium (one browser for
// the corpus), then: each detector accepts the pages it declares and rejects every other
// detector's pages and every negative (github-url-detection style); the whole engine reaches the
// sidecar's kind and responsibility on every page that calls for a verdict (message pages are
// decided by the tables, whose own test is test/unit/detect/message-tables.test.ts); and no
// negative raises anything.

const corpus = loadCorpus();
const byId = new Map(corpus.map((fixture) => [fixture.id, fixture]));
let reader: CorpusReader;
let snapshots: Map<string, ReadPage>;

beforeAll(async () => {
  reader = await startCorpusReader(corpus);
  snapshots = await reader.readAll(corpus, 4);
}, 300_000);

afterAll(async () => {
  await reader?.close();
});

function view(fixture: Fixture): PageView {
  return pageView(snapshots.get(fixture.id)!);
}

const owner = new Map<string, number>();
DETECTORS.forEach((detector, rank) => {
  for (const id of detector.fixtures ?? []) owner.set(id, rank);
});
const negatives = corpus.filter((fixture) => fixture.expected.kind === 'none');

describe('detection corpus (real reader, real Chromium)', () => {
  it('reads every page under its own URL', () => {
    expect(snapshots.size).toBe(corpus.length);
    for (const fixture of corpus) expect(snapshots.get(fixture.id)!.url).toBe(fixture.url);
  });

  it('declares only existing, non-negative pages, each owned by one detector', () => {
    const seen = new Set<string>();
    for (const detector of DETECTORS) {
      for (const id of detector.fixtures ?? []) {
        expect(byId.has(id), `${detector.id} declares unknown page ${id}`).toBe(true);
        expect(byId.get(id)!.expected.kind, id).not.toBe('none');
        expect(seen.has(id), `${id} is declared twice`).toBe(false);
        seen.add(id);
      }
    }
  });

  for (const [rank, detector] of DETECTORS.entries()) {
    if (!detector.fixtures?.length) continue;
    it(`${detector.id}: accepts its pages, rejects the others' and every negative`, () => {
      for (const id of detector.fixtures!) {
        expect(detector.detect(view(byId.get(id)!)), `${detector.id} should accept ${id}`).not.toBeNull();
      }
      for (const fixture of corpus) {
        if (detector.fixtures!.includes(fixture.id)) continue;
        const ownerRank = owner.get(fixture.id);
        // A page owned by a detector that runs earlier is decided before this one is asked.
        if (ownerRank !== undefined && ownerRank < rank) continue;
        if (ownerRank === undefined && fixture.expected.kind !== 'none') continue;
        expect(detector.detect(view(fixture)), `${detector.id} should reject ${fixture.id}`).toBeNull();
      }
    });
  }

  it('reaches the sidecar verdict on every page that calls for one', () => {
    const wrong = corpus.filter((fixture) => fixture.expected.kind !== 'none').flatMap((fixture) => {
      const id = fixture.id;
      const verdict = detectPage(snapshots.get(id)!);
      const right = verdict.kind === fixture.expected.kind && verdict.responsibility === fixture.expected.responsibility;
      return right ? [] : [`${id}: ${verdict.kind}/${verdict.responsibility} (${verdict.reasonCode})`];
    });
    expect(wrong).toEqual([]);
  });

  // The extension reads a page whole once, then only where it changed (src/content/page-reader.ts):
  // on every page, after everything the page did since its first idle moment, that reading is the
  // whole-page reading of the same moment, so nothing the whole read catches is missed.
  it('reads each page incrementally exactly as a whole read of the same moment', () => {
    const differ = corpus.flatMap((fixture) => {
      const { incremental, gate: _gate, ...whole } = snapshots.get(fixture.id)!;
      if (incremental && sameReading(incremental, whole)) return [];
      const at = incremental?.blocks.findIndex((block, i) => block.text !== whole.blocks[i]?.text) ?? -1;
      return [`${fixture.id}: block ${at}: ${JSON.stringify(incremental?.blocks[at]?.text)} vs ${JSON.stringify(whole.blocks[at]?.text)}`];
    });
    expect(differ).toEqual([]);
  });

  it('raises nothing on any negative', () => {
    const alarms = negatives.flatMap((fixture) => {
      const verdict = detectPage(snapshots.get(fixture.id)!);
      return verdict.kind === 'none' ? [] : [`${fixture.id}: ${verdict.kind} (${verdict.reasonCode}) ${verdict.message}`];
    });
    expect(negatives.length).toBeGreaterThanOrEqual(30);
    expect(alarms).toEqual([]);
  });
});
