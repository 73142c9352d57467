// A Vite plugin for the extension builds: the surface files (src/detect/surfaces/*.json) carry, beside
// each selector, the HTML examples, quiet pages and source notes that the tests render and people read.
// The content script needs only the selectors and tones, so the built extension gets the files
// without those (a third of the content script's size); tests import the files whole. Each entry
// comes as the reader uses it (src/detect/surfaces/catalog.ts CatalogSurface): its system and rank,
// and its selector's parts, each with what an element must carry to match it
// (src/content/selector-subjects.ts), worked out here once rather than in every page the reader
// goes into.

import { selectorSubjects } from '../src/content/selector-subjects.ts';

const SURFACE_FILE = /\/src\/detect\/surfaces\/(?!schema\.json)[^/]+\.json$/;
const TEST_ONLY_ENTRY_FIELDS = ['examples', 'quiet', 'source'];

/** @returns {import('vite').Plugin} */
export function stripSurfaceExamples() {
  return {
    name: 'paywitness:strip-surface-examples',
    enforce: 'pre',
    transform(code, id) {
      if (!SURFACE_FILE.test(id.split('?')[0] ?? id)) return null;
      /** @type {{ system: string, rank: number, surfaces: Array<Record<string, unknown>> }} */
      const { system, rank, surfaces } = JSON.parse(code);
      // Each entry as the reader uses it (catalog.ts CatalogSurface), so that no page it goes into
      // has to put 250 entries together again when the script starts.
      const runtime = surfaces.map(({ selector, ...entry }) => {
        const subjects = selectorSubjects([String(selector)]);
        return {
          ...Object.fromEntries(Object.entries(entry).filter(([key]) => !TEST_ONLY_ENTRY_FIELDS.includes(key))),
          selector: subjects.map((subject) => subject.selector).join(','),
          subjects,
          system,
          rank,
          source: '',
          examples: [],
        };
      });
      return { code: JSON.stringify({ system, rank, surfaces: runtime }), map: null };
    },
  };
}
