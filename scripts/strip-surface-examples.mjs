// A Vite plugin for the extension builds: the surface files (src/detect/surfaces/*.json) carry, beside
// each selector, the HTML examples, quiet pages and source notes that the tests render and people read.
// The content script needs only the selectors and tones, so the built extension gets the files
// without those (a third of the content script's size); tests import the files whole.

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
      const runtime = surfaces.map((entry) => Object.fromEntries(Object.entries(entry).filter(([key]) => !TEST_ONLY_ENTRY_FIELDS.includes(key))));
      return { code: JSON.stringify({ system, rank, surfaces: runtime }), map: null };
    },
  };
}
