import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { stripSurfaceExamples } from '../../../scripts/strip-surface-examples.mjs';
import { selectorSubjects } from '../../../src/content/selector-subjects';

// The extension builds ship each surface entry as the reader uses it: its selector in its parts,
// with what each part's subject must carry worked out at build time (the reader trusts those needs
// to skip selectors), its system and rank. The needs must be exactly what the runtime would work
// out, and the parts must put the selector back together.

const DIR = join(__dirname, '../../../src/detect/surfaces');
const FILES = readdirSync(DIR).filter((name) => name.endsWith('.json') && name !== 'schema.json');

interface BuiltEntry {
  id: string;
  subjects: Array<{ selector: string; needs: string[] }>;
  examples: unknown;
  source: unknown;
  selector: string;
  system: string;
  rank: number;
}

describe('surface files as the builds ship them', () => {
  const plugin = stripSurfaceExamples();
  const transform = plugin.transform as (code: string, id: string) => { code: string } | null;

  it.each(FILES)('%s: the subjects are the runtime ones, and join back into the selector', (name) => {
    const whole = JSON.parse(readFileSync(join(DIR, name), 'utf8')) as { system: string; rank: number; surfaces: Array<{ id: string; selector: string }> };
    const built = JSON.parse(transform(readFileSync(join(DIR, name), 'utf8'), `/x/src/detect/surfaces/${name}`)!.code) as { surfaces: BuiltEntry[] };
    expect(built.surfaces.map((entry) => entry.id)).toEqual(whole.surfaces.map((entry) => entry.id));
    for (const [index, entry] of built.surfaces.entries()) {
      const original = whole.surfaces[index]!;
      expect(entry.examples).toEqual([]);
      expect(entry.source).toBe('');
      expect([entry.system, entry.rank]).toEqual([whole.system, whole.rank]);
      expect(entry.subjects).toEqual(selectorSubjects([original.selector]));
      // The same selector a browser parses: only whitespace around top-level commas may differ.
      expect(entry.selector).toBe(entry.subjects.map((subject) => subject.selector).join(','));
      expect(entry.selector).toBe(original.selector.split(/\s*,\s*(?![^()]*\))/).join(','));
    }
  });

  it('leaves other JSON alone', () => {
    expect(transform('{"a":1}', '/x/src/detect/tables/banks.json')).toBeNull();
  });
});
