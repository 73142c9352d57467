// A Vite plugin for the extension builds: the surface files (src/detect/surfaces/*.json) carry, beside
// each selector, the HTML examples, quiet pages and source notes that the tests render and people read.
// The content script needs only the selectors and tones, so the built extension gets the files
// without those (a third of the content script's size); tests import the files whole. Each entry's
// selector comes in its parts, each with what an element must carry to match it
// (src/content/selector-subjects.ts), worked out here once rather than in every page the reader
// goes into (src/detect/surfaces/catalog.ts puts the selector back together). The reader's own list
// of alerts, toasts and dialogs (src/content/salient-selectors.json) gets its subjects the same way.

import { subjectsForBuild } from '../src/content/selector-subjects.ts';

const SURFACE_FILE = /\/src\/detect\/surfaces\/(?!schema\.json)[^/]+\.json$/;
/** The reader's list of alerts, toasts and dialogs of any make: its subjects are worked out here too. */
const SALIENT_FILE = /\/src\/content\/salient-selectors\.json$/;
const TEST_ONLY_ENTRY_FIELDS = ['examples', 'quiet', 'source'];

/** @returns {import('vite').Plugin} */
export function stripSurfaceExamples() {
  return {
    name: 'paywitness:strip-surface-examples',
    enforce: 'pre',
    transform(code, id) {
      const path = id.split('?')[0] ?? id;
      if (SALIENT_FILE.test(path)) {
        /** @type {{ selectors: string[] }} */
        const { selectors } = JSON.parse(code);
        return { code: JSON.stringify({ selectors, subjects: subjectsForBuild(selectors) }), map: null };
      }
      if (!SURFACE_FILE.test(path)) return null;
      /** @type {{ system: string, rank: number, surfaces: Array<Record<string, unknown>> }} */
      const { system, rank, surfaces } = JSON.parse(code);
      const runtime = surfaces.map(({ selector, ...entry }) => ({
        ...Object.fromEntries(Object.entries(entry).filter(([key]) => !TEST_ONLY_ENTRY_FIELDS.includes(key))),
        subjects: subjectsForBuild([String(selector)]),
      }));
      return { code: JSON.stringify({ system, rank, surfaces: runtime }), map: null };
    },
  };
}
