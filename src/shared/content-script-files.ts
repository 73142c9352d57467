// The two content scripts, each built to one self-contained file (scripts/standalone-scripts.mjs):
// the gate, which the manifest puts in every http(s) page, and the reader, which the worker injects
// into a page the gate (or the shopper's allow list, or a capture the shopper asked for) let through.

export const PAGE_GATE = { source: 'src/content/gate.ts', file: 'content/page-gate.js' } as const;
export const PAGE_READER = { source: 'src/content/reader.ts', file: 'content/page-reader.js' } as const;
