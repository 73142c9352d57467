import { readSnapshot } from '../../src/content/read-snapshot';
import { pageLooksLikeShop } from '../../src/content/page-gate';

const scope = globalThis as unknown as { __payWitnessRead: () => unknown; __payWitnessGate: () => boolean };
scope.__payWitnessRead = () => readSnapshot(document);
// What the gate in every page (src/content/gate.ts) says about this page now (no allow or deny list).
scope.__payWitnessGate = () => pageLooksLikeShop(document);
