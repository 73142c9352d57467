import type { PageSnapshot } from '../detect/page-snapshot';

// Content-side features that want each reading of a page the gate let through (a refund promise
// on a product page, say) hook in here, one line each; they run after every read, with whether it
// changed, and must stay cheap: the worker already receives every changed reading (page-reads.ts),
// so whatever can be decided there belongs there. Nothing runs here on a page the gate kept out.

export type ReadHook = (snapshot: PageSnapshot, changed: boolean) => void;

export const READ_HOOKS: readonly ReadHook[] = [];
