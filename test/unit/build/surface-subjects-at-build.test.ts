import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { stripSurfaceExamples } from '../../../scripts/strip-surface-examples.mjs';
import { builtSubjects, contextParts, listKeys, newerSyntax, selectorSubjects, type ContextParts } from '../../../src/content/selector-subjects';
import { catalogOrder, catalogParts, SURFACES, type CatalogParts, type CatalogSurface, type SurfaceLists } from '../../../src/detect/surfaces/catalog';

// The extension builds ship each surface selector in its parts, with what each part's subject must
// carry worked out at build time, and each file's lists of the selectors a reader asks again after
// a change and of those in newer syntax; the reader trusts those needs to skip selectors and those
// lists to ask again. They must be exactly what the runtime would work out, and the parts must put
// the selector back together.

const DIR = join(__dirname, '../../../src/detect/surfaces');
const FILES = readdirSync(DIR).filter((name) => name.endsWith('.json') && name !== 'schema.json');

interface BuiltFile {
  system: string;
  rank: number;
  surfaces: BuiltEntry[];
  lists: SurfaceLists;
}

/** A built file's entries as the catalogue hands them out (catalog.ts puts each selector back together). */
function runtimeEntries(file: BuiltFile): CatalogSurface[] {
  const { system, rank } = file;
  return file.surfaces.map(({ id, tone, has, not, subjects }) => ({ id, tone, has, not, source: '', examples: [], system, rank, selector: subjects.map(([part]) => part).join(',') }));
}

interface BuiltEntry {
  id: string;
  tone: CatalogSurface['tone'];
  has?: string;
  not?: string;
  subjects: Array<[string, string]>;
  examples?: unknown;
  source?: unknown;
  selector?: unknown;
}

describe('surface files as the builds ship them', () => {
  const plugin = stripSurfaceExamples();
  const transform = plugin.transform as (code: string, id: string) => { code: string } | null;

  const built = (name: string) =>
    JSON.parse(transform(readFileSync(join(DIR, name), 'utf8'), `/x/src/detect/surfaces/${name}`)!.code) as BuiltFile;

  it.each(FILES)('%s: the subjects are the runtime ones, and join back into the selector', (name) => {
    const whole = JSON.parse(readFileSync(join(DIR, name), 'utf8')) as { surfaces: Array<{ id: string; selector: string }> };
    const file = built(name);
    expect(file.surfaces.map((entry) => entry.id)).toEqual(whole.surfaces.map((entry) => entry.id));
    for (const [index, entry] of file.surfaces.entries()) {
      const original = whole.surfaces[index]!;
      expect(entry.examples).toBeUndefined();
      expect(entry.source).toBeUndefined();
      expect(entry.subjects.map(([selector, needs]) => ({ selector, needs: needs ? needs.split(' ') : [] }))).toEqual(selectorSubjects([original.selector]));
      // The same selector a browser parses: only whitespace around top-level commas may differ.
      expect(entry.subjects.map(([selector]) => selector).join(',')).toBe(original.selector.split(/\s*,\s*(?![^()]*\))/).join(','));
    }
  });

  it("joined in catalogue order, the files' lists are the ones the reader would work out from the whole catalogue", () => {
    const files = FILES.map(built).sort(catalogOrder);
    expect(files.flatMap((file) => file.surfaces.map((entry) => entry.id))).toEqual(SURFACES.map((entry) => entry.id));
    // SURFACES here are the whole files' entries, with their selectors as written.
    const selectors = SURFACES.map((entry) => entry.selector.split(/\s*,\s*(?![^()]*\))/).join(','));
    const expected: CatalogParts = { ...contextParts(selectors), newer: newerSyntax(SURFACES.flatMap((entry, index) => [selectors[index], entry.has, entry.not])) };
    expect(catalogParts(files, files.flatMap(runtimeEntries))).toEqual(expected);
    // The catalogue has selectors of every kind the lists are for.
    for (const list of Object.values(expected)) expect(list.length).toBeGreaterThan(0);
  });

  it("lists a file's selectors that look beyond the element, and those in newer syntax among its selectors, has and not", () => {
    const surfaces = [
      { id: 'k.a', selector: '.a', tone: 'error', has: '.x:is(.y)', examples: [], source: 's' },
      { id: 'k.b', selector: '.b + .c , .d:only-child', tone: 'error', not: '.z:where(.w)', examples: [], source: 's' },
      { id: 'k.c', selector: '.e:has(.f)', tone: 'message', examples: [], source: 's' },
    ];
    const code = JSON.stringify({ system: 'k', title: 'k', rank: 2, sources: [], surfaces });
    const file = JSON.parse(transform(code, '/x/src/detect/surfaces/k.json')!.code) as BuiltFile;
    expect(catalogParts([file], runtimeEntries(file))).toEqual({
      ancestorSelector: '.e:has(.f)',
      siblingSelector: '.b + .c,.d:only-child',
      countingSelector: '.b + .c,.d:only-child',
      newer: '.x:is(.y),.z:where(.w),.e:has(.f)',
    });
  });

  it("the reader's list of alerts, toasts and dialogs: its subjects and lists are the runtime ones", () => {
    const path = join(__dirname, '../../../src/content/salient-selectors.json');
    const whole = JSON.parse(readFileSync(path, 'utf8')) as { selectors: string[] };
    const list = JSON.parse(transform(readFileSync(path, 'utf8'), '/x/src/content/salient-selectors.json')!.code) as {
      selectors: string[];
      subjects: Array<[string, string]>;
      parts: ContextParts;
    };
    expect(list.selectors).toEqual(whole.selectors);
    expect(whole.selectors.length).toBeGreaterThan(10);
    expect(builtSubjects(list.subjects)).toEqual(selectorSubjects(whole.selectors));
    expect(list.parts).toEqual(contextParts(whole.selectors));
  });

  // The reader's import (src/content/surface-catalogue.ts): the header, its keys, and the file as text.
  const load = plugin.load as (id: string) => Promise<{ code: string } | null>;
  const shipped = async (name: string) => {
    const loaded = await load(`${join(DIR, name)}?raw`);
    const code = loaded!.code.replace(/^export default /, '').replace(/;$/, '');
    return JSON.parse(code) as { system: string; rank: number; keys: string | null; text: string };
  };

  it.each(FILES)("%s as the reader gets it: its keys are its selectors', the rest is the built file", async (name) => {
    const whole = JSON.parse(readFileSync(join(DIR, name), 'utf8')) as { surfaces: Array<{ selector: string }> };
    const file = await shipped(name);
    const { system, rank, surfaces, lists } = built(name);
    expect({ system: file.system, rank: file.rank }).toEqual({ system, rank });
    expect(file.keys?.split(' ') ?? null).toEqual(listKeys(whole.surfaces.map((entry) => entry.selector)));
    expect(JSON.parse(file.text)).toEqual({ surfaces, lists });
  });

  it('most files wait for a key; those that do not are the generic ones', async () => {
    const always = [];
    for (const name of FILES) if ((await shipped(name)).keys === null) always.push(name);
    expect(always.length).toBeLessThan(FILES.length / 4);
    expect(always).toContain('generic.json');
  });

  it("loads nothing but the surface files' text imports", async () => {
    expect(await load(join(DIR, 'layer.json'))).toBeNull();
    expect(await load(`${join(__dirname, '../../../src/content/salient-selectors.json')}?raw`)).toBeNull();
    expect(transform('{}', '/x/src/detect/surfaces/layer.json?raw')).toBeNull();
  });

  it('leaves other JSON alone', () => {
    expect(transform('{"a":1}', '/x/src/detect/tables/banks.json')).toBeNull();
  });
});
