import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { stripSurfaceExamples } from '../../../scripts/strip-surface-examples.mjs';
import { builtSubjects, selectorSubjects } from '../../../src/content/selector-subjects';

// The extension builds ship each surface selector in its parts, with what each part's subject must
// carry worked out at build time; the reader trusts those needs to skip selectors. They must be
// exactly what the runtime would work out, and the parts must put the selector back together.

const DIR = join(__dirname, '../../../src/detect/surfaces');
const FILES = readdirSync(DIR).filter((name) => name.endsWith('.json') && name !== 'schema.json');

interface BuiltEntry {
  id: string;
  subjects: Array<[string, string]>;
  examples?: unknown;
  source?: unknown;
  selector?: unknown;
}

describe('surface files as the builds ship them', () => {
  const plugin = stripSurfaceExamples();
  const transform = plugin.transform as (code: string, id: string) => { code: string } | null;

  it.each(FILES)('%s: the subjects are the runtime ones, and join back into the selector', (name) => {
    const whole = JSON.parse(readFileSync(join(DIR, name), 'utf8')) as { surfaces: Array<{ id: string; selector: string }> };
    const built = JSON.parse(transform(readFileSync(join(DIR, name), 'utf8'), `/x/src/detect/surfaces/${name}`)!.code) as { surfaces: BuiltEntry[] };
    expect(built.surfaces.map((entry) => entry.id)).toEqual(whole.surfaces.map((entry) => entry.id));
    for (const [index, entry] of built.surfaces.entries()) {
      const original = whole.surfaces[index]!;
      expect(entry.examples).toBeUndefined();
      expect(entry.source).toBeUndefined();
      expect(entry.subjects.map(([selector, needs]) => ({ selector, needs: needs ? needs.split(' ') : [] }))).toEqual(selectorSubjects([original.selector]));
      // The same selector a browser parses: only whitespace around top-level commas may differ.
      expect(entry.subjects.map(([selector]) => selector).join(',')).toBe(original.selector.split(/\s*,\s*(?![^()]*\))/).join(','));
    }
  });

  it("the reader's list of alerts, toasts and dialogs: its subjects are the runtime ones", () => {
    const path = join(__dirname, '../../../src/content/salient-selectors.json');
    const whole = JSON.parse(readFileSync(path, 'utf8')) as { selectors: string[] };
    const built = JSON.parse(transform(readFileSync(path, 'utf8'), '/x/src/content/salient-selectors.json')!.code) as { selectors: string[]; subjects: Array<[string, string]> };
    expect(built.selectors).toEqual(whole.selectors);
    expect(whole.selectors.length).toBeGreaterThan(10);
    expect(builtSubjects(built.subjects)).toEqual(selectorSubjects(whole.selectors));
  });

  it('leaves other JSON alone', () => {
    expect(transform('{"a":1}', '/x/src/detect/tables/banks.json')).toBeNull();
  });
});
