// The content script, built to one self-contained file (scripts/standalone-scripts.mjs) under a
// fixed name: nothing of ours is web-accessible, so no page can fetch a file to learn we are here.

export const CONTENT_SCRIPT = { source: 'src/content/entry.ts', file: 'content/index.js' } as const;
