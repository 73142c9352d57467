// A Vite plugin for the extension builds: the surface files (src/detect/surfaces/*.json) carry, beside
// each selector, the HTML examples, quiet pages and source notes that the tests render and people read.
// The content script needs only the selectors and tones, so the built extension gets the files
// without those (a third of the content script's size); tests import the files whole. Each entry's
// selector comes in its parts, each with what an element must carry to match it
// (src/content/selector-subjects.ts), worked out here once rather than in every page the reader
// goes into (src/detect/surfaces/catalog.ts puts the selector back together); so do each file's
// lists of the selectors the reader asks again after a change and of those in newer syntax, and for
// the reader the names a page must show before a file is parsed at all (its keys). The
// reader's own list of alerts, toasts and dialogs (src/content/salient-selectors.json) gets its
// subjects and lists the same way.

import { readFile } from 'node:fs/promises';
import { asksDescendants, asksSiblings, contextParts, countsSiblings, isNewerSyntax, listKeys, subjectsForBuild } from '../src/content/selector-subjects.ts';

const SURFACE_FILE = /\/src\/detect\/surfaces\/(?!schema\.json)[^/]+\.json$/;
/** The reader's list of alerts, toasts and dialogs of any make: its subjects are worked out here too. */
const SALIENT_FILE = /\/src\/content\/salient-selectors\.json$/;
const TEST_ONLY_ENTRY_FIELDS = ['examples', 'quiet', 'source'];

/** @returns {import('vite').Plugin} */
export function stripSurfaceExamples() {
  return {
    name: 'paywitness:strip-surface-examples',
    enforce: 'pre',
    // The reader imports the surface files as text (`?raw`, src/content/surface-catalogue.ts): a build
    // answers with each file's header — system, rank and keys, the names a page must show before the
    // file can match anything (null: it may match on any page) — and the rest, stripped as below, as
    // text the reader parses only then.
    async load(id) {
      const [path = id, query = ''] = id.split('?');
      if (!SURFACE_FILE.test(path) || !/(^|&)raw\b/.test(query)) return null;
      const { system, rank, surfaces, lists } = stripped(await readFile(path, 'utf8'));
      // Space-separated, as the subjects' needs are: a few hundred names in all, one string a file.
      const keys = listKeys(surfaces.map((entry) => entry.subjects.map(([part]) => part).join(',')))?.join(' ') ?? null;
      const header = { system, rank, keys, text: JSON.stringify({ surfaces, lists }) };
      return { code: `export default ${JSON.stringify(header)};`, map: null, moduleType: 'js' };
    },
    transform(code, id) {
      const [path = id, query = ''] = id.split('?');
      if (/(^|&)raw\b/.test(query)) return null;
      if (SALIENT_FILE.test(path)) {
        /** @type {{ selectors: string[] }} */
        const { selectors } = JSON.parse(code);
        return { code: JSON.stringify({ selectors, subjects: subjectsForBuild(selectors), parts: contextParts(selectors) }), map: null };
      }
      if (!SURFACE_FILE.test(path)) return null;
      return { code: JSON.stringify(stripped(code)), map: null };
    },
  };
}

/**
 * A surface file as the builds ship it.
 * @param {string} code
 */
function stripped(code) {
  /** @type {{ system: string, rank: number, surfaces: Array<{ selector: string, has?: string, not?: string } & Record<string, unknown>> }} */
  const { system, rank, surfaces } = JSON.parse(code);
  const runtime = surfaces.map(({ selector, ...entry }) => ({
    ...Object.fromEntries(Object.entries(entry).filter(([key]) => !TEST_ONLY_ENTRY_FIELDS.includes(key))),
    subjects: subjectsForBuild([selector]),
  }));
  // The selectors as the catalogue puts them back together (top-level parts joined by commas).
  const selectors = runtime.map((entry) => entry.subjects.map(([part]) => part).join(','));
  /** @param {(selector: string) => boolean} test */
  const entriesWhere = (test) => selectors.flatMap((selector, index) => (test(selector) ? [index] : []));
  const lists = {
    ancestor: entriesWhere(asksDescendants),
    sibling: entriesWhere(asksSiblings),
    counting: entriesWhere(countsSiblings),
    newer: surfaces
      .flatMap((entry, index) => [selectors[index], entry.has, entry.not])
      .flatMap((selector, at) => (selector && isNewerSyntax(selector) ? [at] : [])),
  };
  return { system, rank, surfaces: runtime, lists };
}
