import { createPageReader, DEFAULT_READ_LIMITS, type PageReader, type ReadLimits } from '../../src/content/page-reader';
import { pageLooksLikeShop } from '../../src/content/page-gate';
import { watchPage } from '../../src/content/page-watcher';
import { readSnapshot } from '../../src/content/read-snapshot';
import { textSample } from '../../src/content/text-sample';

const scope = globalThis as unknown as {
  __payWitnessRead: (limits?: Partial<ReadLimits>) => unknown;
  __payWitnessGate: () => boolean;
  __payWitnessWatch: (limits?: Partial<ReadLimits>) => void;
  __payWitnessReadAgain: () => unknown;
  __payWitnessTextSample: (doc?: Document, maxChars?: number, maxNodes?: number) => string;
};
// Limits below the defaults let a small page meet every cap.
scope.__payWitnessRead = (limits) => readSnapshot(document, new Date(), { ...DEFAULT_READ_LIMITS, ...limits });
// What the gate in every page (src/content/gate.ts) says about this page now (no allow or deny list).
scope.__payWitnessGate = () => pageLooksLikeShop(document);
// The gate's text sample (src/content/text-sample.ts), of this page or another document.
scope.__payWitnessTextSample = (doc = document, maxChars, maxNodes) => textSample(doc, maxChars, maxNodes);

// The reader as the extension runs it (src/content/reader.ts): one first read, then every mutation
// batch noted and read again, only where the page changed. __payWitnessReadAgain gives its reading
// now, to be compared with a fresh whole-page read of the same moment.
let reader: PageReader | null = null;
scope.__payWitnessWatch = (limits) => {
  const watching = createPageReader(document, { ...DEFAULT_READ_LIMITS, ...limits });
  reader = watching;
  watching.read();
  watchPage(document.documentElement, (records) => watching.noteMutations(records), () => watching.read());
};
scope.__payWitnessReadAgain = () => reader?.read() ?? null;
