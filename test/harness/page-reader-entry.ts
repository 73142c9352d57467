import { readSnapshot } from '../../src/content/read-snapshot';

(globalThis as unknown as { __payWitnessRead: () => unknown }).__payWitnessRead = () => readSnapshot(document);
