import Ajv2020 from 'ajv/dist/2020';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { detectPage } from '../../../src/detect/detect-page';
import { MESSAGE_TABLES, type MessageEntry, type MessageTable } from '../../../src/detect/messages/catalog';
import type { SurfaceMark } from '../../../src/detect/page-snapshot';
import { SURFACE_FILES } from '../../../src/detect/surfaces/catalog';

// The detection knowledge is data: every table and surface file must fit its schema (the way
// webappanalyzer checks its technology files), and every table entry, shown in an error surface
// of its own system, must give its own kind and responsibility — proof that no other entry
// shadows it and that the engine reads the table as written.

const messagesDir = new URL('../../../src/detect/messages/', import.meta.url);
const surfacesDir = new URL('../../../src/detect/surfaces/', import.meta.url);
const locales = JSON.parse(readFileSync(new URL('../../../public/_locales/en/messages.json', import.meta.url), 'utf8')) as Record<string, unknown>;
const localesZh = JSON.parse(readFileSync(new URL('../../../public/_locales/zh_CN/messages.json', import.meta.url), 'utf8')) as Record<string, unknown>;

function jsonFiles(dir: URL): Array<[string, unknown]> {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.json') && name !== 'schema.json')
    .map((name) => [name, JSON.parse(readFileSync(new URL(name, dir), 'utf8'))]);
}

describe('detection data files', () => {
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  for (const [dir, label] of [[messagesDir, 'message table'], [surfacesDir, 'surface file']] as const) {
    const validate = ajv.compile(JSON.parse(readFileSync(new URL('schema.json', dir), 'utf8')));
    for (const [name, data] of jsonFiles(dir)) {
      it(`${label} ${name} fits its schema and is named after its system`, () => {
        expect(validate(data), JSON.stringify(validate.errors, null, 1)).toBe(true);
        expect(`${(data as { system: string }).system}.json`).toBe(name);
      });
    }
  }

  it('ids are unique, prefixed with their system, and every reason has words in both languages', () => {
    const ids = new Set<string>();
    for (const table of MESSAGE_TABLES) {
      for (const entry of table.entries) {
        expect(entry.id.startsWith(`${table.system}.`), entry.id).toBe(true);
        expect(ids.has(entry.id), `${entry.id} twice`).toBe(false);
        ids.add(entry.id);
        // A harmless message (kind none) never becomes a finding, so its reason is never shown.
        if (entry.kind !== 'none') {
          expect(locales[`reason_${entry.reason}`], `en reason_${entry.reason}`).toBeDefined();
          expect(localesZh[`reason_${entry.reason}`], `zh_CN reason_${entry.reason}`).toBeDefined();
        }
        // A relay hands what follows its words to the provider: where that starts must be exact.
        if (entry.relay) expect(entry.pattern, `${entry.id}: a relay is written as a pattern`).toBeTruthy();
      }
    }
    for (const file of SURFACE_FILES) for (const surface of file.surfaces) expect(surface.id.startsWith(`${file.system}.`), surface.id).toBe(true);
  });
});

const SHOP_URL = 'https://shop.example/pay/alipay/zfbf2f/ABCD1234EFGH5678';
const PROVIDER_URL = 'https://pay.example/submit.php?pid=1001&out_trade_no=2026112810000123&money=25.00';
const errorSurface: SurfaceMark = { id: 'generic.error-box', tone: 'error', n: 1 };

function shown(entry: MessageEntry, text: string, url: string) {
  return detectPage({
    url,
    title: '',
    lang: 'zh-CN',
    seenAt: '2026-11-28T10:00:00+08:00',
    truncated: false,
    viewport: null,
    blocks: [
      { text: '某某发卡', tag: 'div', hints: [] },
      { text, tag: 'div', hints: ['alert'], surface: errorSurface },
      { text: '返回首页', tag: 'a', hints: [] },
    ],
  });
}

describe.each(MESSAGE_TABLES.map((table) => [table.system, table] as [string, MessageTable]))('message table %s', (_system, table) => {
  const cases = table.entries.flatMap((entry) =>
    [...(entry.say ?? []), ...(entry.examples ?? [])].map((text) => [entry.id, text.replace(/\{\}/g, '12'), entry] as [string, string, MessageEntry]),
  );
  if (cases.length === 0) return;
  it.each(cases)('%s: "%s" shown in an error surface', (_id, text, entry) => {
    const roles = entry.on ? [entry.on] : ['shop', 'provider'];
    for (const role of roles) {
      const verdict = shown(entry, text, role === 'provider' ? PROVIDER_URL : SHOP_URL);
      if (entry.kind === 'none') {
        // A known harmless message is no alarm (at most the neutral record of the order the URL names),
        // or an honest "cannot tell" when it also complains.
        expect(['none', 'order_status', 'payment_error'], `${entry.id} on ${role}`).toContain(verdict.kind);
        if (verdict.kind === 'payment_error') expect(verdict.reasonCode).toBe('unrecognized_message');
        continue;
      }
      expect(verdict.kind, `${entry.id} on ${role}`).toBe(entry.kind);
      const responsibility = entry.responsibility === 'by_host' ? (role === 'provider' ? 'third_party' : 'platform') : entry.responsibility;
      expect(verdict.responsibility, `${entry.id} on ${role} (${verdict.reasonCode})`).toBe(responsibility);
    }
  });
});
