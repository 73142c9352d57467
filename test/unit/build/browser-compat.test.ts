import { readFileSync } from 'node:fs';
import bcd, { type CompatStatement, type Identifier, type SimpleSupportStatement } from '@mdn/browser-compat-data';
import { describe, expect, it } from 'vitest';
import manifest from '../../../manifest.json' with { type: 'json' };
import { GECKO_ANDROID_MIN_VERSION, GECKO_MIN_VERSION, firefoxManifest } from '../../../scripts/firefox-manifest.mjs';
import * as capabilities from '../../../src/background/browser-capabilities';
import { DECLARED_FALLBACKS, type CompatTarget } from '../../../src/background/api-fallbacks';
import { scanSource, scanTree, sourceFiles, stripComments } from '../../helpers/extension-api-scan';

// Every WebExtension API the source calls, every manifest key and permission, looked up in MDN's
// browser-compat-data for our three targets at our minimum versions. A gap fails the test unless
// src/background/api-fallbacks.ts declares what PayWitness does there instead.

const MIN_VERSIONS: Record<CompatTarget, number> = {
  chrome: Number.parseFloat(manifest.minimum_chrome_version),
  firefox: Number.parseFloat(GECKO_MIN_VERSION),
  firefox_android: Number.parseFloat(GECKO_ANDROID_MIN_VERSION),
};
const TARGETS = Object.keys(MIN_VERSIONS) as CompatTarget[];

/**
 * Chromium-only namespaces and permissions MDN does not document (it documents what Firefox has or
 * plans), with the Chrome version that has them, from Chrome's own API reference.
 */
const CHROMIUM_ONLY: Record<string, number> = { pageCapture: 18, debugger: 18, offscreen: 109 };
/** Our name → MDN's: Firefox calls context menus `menus` and takes `contextMenus` as an alias. */
const BCD_NAMESPACE: Record<string, string> = { contextMenus: 'menus' };
const NAMESPACES = new Set([...Object.keys(bcd.webextensions.api as object), ...Object.keys(CHROMIUM_ONLY), ...Object.keys(BCD_NAMESPACE)]);
/** Text that reads like an API but is a local of the same name. */
const NOT_APIS = {
  'extension.length': ['src/evidence/attachment-entry.ts'],
  'identity.companyNames': ['src/export/shop-identity.ts'],
  'identity.icpNumbers': ['src/export/shop-identity.ts'],
  'storage.estimate': ['src/shared/storage-use.ts'], // navigator.storage, a StorageManager
  'storage.getDirectory': ['src/store/copy-files.ts'], // navigator.storage: the origin private file system
};
/** Manifest keys MDN does not list: Chrome's own, removed from the Firefox manifest. */
const UNLISTED_MANIFEST_KEYS = new Set(['minimum_chrome_version']);

const uses = scanTree('src', { namespaces: NAMESPACES, notApis: NOT_APIS, skipFiles: ['src/background/api-fallbacks.ts'] });

function bcdNode(path: string): Identifier | undefined {
  let node: unknown = bcd;
  for (const part of path.split('.')) node = (node as Record<string, unknown> | undefined)?.[part];
  return node as Identifier | undefined;
}

function apiPath(namespace: string, member?: string): string {
  return ['webextensions.api', BCD_NAMESPACE[namespace] ?? namespace, member].filter(Boolean).join('.');
}

function version(value: SimpleSupportStatement['version_added']): number | null {
  if (typeof value !== 'string') return null;
  const number = Number.parseFloat(value.replace('≤', ''));
  return Number.isNaN(number) ? null : number;
}

/** Supported at the target's minimum version: added by then, not removed, not behind a flag or prefix. */
function supported(compat: CompatStatement | undefined, target: CompatTarget, chromiumOnly?: string): boolean {
  if (chromiumOnly !== undefined) return target === 'chrome' && CHROMIUM_ONLY[chromiumOnly]! <= MIN_VERSIONS.chrome;
  const statements = [compat?.support[target] ?? []].flat() as SimpleSupportStatement[];
  return statements.some((statement) => {
    const added = version(statement.version_added);
    return added !== null && added <= MIN_VERSIONS[target] && !statement.version_removed && !statement.flags && !statement.prefix;
  });
}

function declaredFor(path: string, target: CompatTarget) {
  return DECLARED_FALLBACKS.find((declared) => (path === declared.bcd || path.startsWith(`${declared.bcd}.`)) && declared.missingOn.includes(target));
}

/** Each manifest key path MDN has a compat statement for, e.g. `background.type`, `permissions.storage`. */
function manifestPaths(value: unknown, prefix: string[] = []): string[][] {
  if (Array.isArray(value)) {
    // Permission lists name child keys; other arrays (content_scripts) hold objects of the same key.
    if (['permissions', 'optional_permissions'].includes(prefix.at(-1)!)) return value.map((name) => [...prefix, String(name)]);
    return value.flatMap((item) => manifestPaths(item, prefix));
  }
  if (value === null || typeof value !== 'object') {
    return prefix.at(-1) === 'manifest_version' ? [[...prefix, `v${String(value)}`]] : [];
  }
  return Object.entries(value).flatMap(([key, child]) => [[...prefix, key], ...manifestPaths(child, [...prefix, key])]);
}

describe('the source scan', () => {
  it('finds the calls we know of, however they are reached, and nothing in comments or web APIs', () => {
    const found = uses.map((use) => use.api);
    expect(found).toEqual(
      expect.arrayContaining([
        'tabs.captureVisibleTab', // browser.tabs.captureVisibleTab(…)
        'runtime.getBrowserInfo', // a local `runtime` holding browser.runtime
        'debugger.sendCommand', // Pick<typeof chrome.debugger, …>, called as api.sendCommand
        'pageCapture.saveAsMHTML',
        'contextMenus.create',
        'notifications.onButtonClicked',
      ]),
    );
    const sample = `// chrome.tabs.remove(x)\n/* browser.history.search */ const a = navigator.clipboard.write; b?.tabs?.get(1); const u = 'https://x.test/a';`;
    expect(scanSource(sample, { namespaces: NAMESPACES })).toEqual([{ namespace: 'tabs', member: 'get' }]);
    expect(stripComments("fetch('https://x.test') // note")).toBe("fetch('https://x.test') ");
    expect(found.length).toBeGreaterThan(30);
  });
});

describe('every API PayWitness calls, against MDN browser-compat-data', () => {
  it.each(TARGETS)('is supported on %s at our minimum version, or has a declared fallback', (target) => {
    const gaps = uses.flatMap((use) => {
      const path = apiPath(use.namespace, use.member);
      const node = bcdNode(path);
      const chromiumOnly = use.namespace in CHROMIUM_ONLY ? use.namespace : undefined;
      if (!chromiumOnly && !node?.__compat) return [`${use.api}: not in browser-compat-data (${use.files.join(', ')})`];
      if (supported(node?.__compat, target, chromiumOnly) || declaredFor(path, target)) return [];
      return [`${use.api} is missing on ${target} ≥ ${MIN_VERSIONS[target]} (${use.files.join(', ')}) with no fallback in api-fallbacks.ts`];
    });
    expect(gaps).toEqual([]);
  });

  it.each(TARGETS)('uses manifest keys and permissions %s has', (target) => {
    const shipped = target === 'chrome' ? manifest : firefoxManifest(manifest);
    const gaps = manifestPaths(shipped).flatMap((parts) => {
      // MDN lists optional permissions under `permissions` when it has no entry of their own.
      const optional = parts[0] === 'optional_permissions' && !bcdNode(`webextensions.manifest.${parts.join('.')}`);
      const path = `webextensions.manifest.${(optional ? ['permissions', ...parts.slice(1)] : parts).join('.')}`;
      const node = bcdNode(path);
      const permission = ['permissions', 'optional_permissions'].includes(parts[0]!) ? parts[1]! : undefined;
      // Chromium-only permissions MDN does not list; the Firefox manifest leaves them out.
      if (!node?.__compat && permission !== undefined && permission in CHROMIUM_ONLY) {
        return supported(undefined, target, permission) ? [] : [`manifest ${parts.join('.')} is Chromium-only but shipped to ${target}`];
      }
      if (!node?.__compat) {
        // MDN lists every top-level key and permission; deeper keys only where they differ.
        const mustBeListed = parts.length === 1 || ['permissions', 'optional_permissions'].includes(parts[0]!);
        return mustBeListed && !UNLISTED_MANIFEST_KEYS.has(parts[0]!) ? [`${parts.join('.')}: not in browser-compat-data`] : [];
      }
      if (supported(node.__compat, target) || declaredFor(path, target)) return [];
      return [`manifest ${parts.join('.')} is missing on ${target} ≥ ${MIN_VERSIONS[target]} with no declared fallback`];
    });
    expect(gaps).toEqual([]);
  });

  it('declares only real gaps, each reached through its capability check', () => {
    const used = new Set(uses.map((use) => apiPath(use.namespace, use.member)));
    for (const declared of DECLARED_FALLBACKS) {
      const compat = bcdNode(declared.bcd)?.__compat;
      const namespace = declared.bcd.split('.')[2]!;
      const chromiumOnly = declared.bcd.startsWith('webextensions.api.') && namespace in CHROMIUM_ONLY ? namespace : undefined;
      // Stale if the target has it after all.
      for (const target of declared.missingOn) expect(supported(compat, target, chromiumOnly), `${declared.bcd} on ${target}`).toBe(false);
      if (declared.bcd.startsWith('webextensions.api.') && declared.bcd.split('.').length <= 4) {
        expect([...used].some((path) => path === declared.bcd || path.startsWith(`${declared.bcd}.`)), `${declared.bcd} is used`).toBe(true);
      }
      if (declared.check) expect(typeof (capabilities as Record<string, unknown>)[declared.check], declared.check).toBe('function');
    }
    // Outside browser-capabilities.ts the code never reaches such a namespace straight off the
    // browser object (a type position, `typeof chrome.x`, is fine): only through its check.
    const guarded = DECLARED_FALLBACKS.filter((declared) => declared.check).map((declared) => declared.bcd.split('.').slice(2).join('.'));
    const names = guarded.flatMap((path) => [path, ...Object.entries(BCD_NAMESPACE).filter(([, bcdName]) => bcdName === path).map(([ours]) => ours)]);
    const direct = sourceFiles('src')
      .filter((file) => !file.endsWith('browser-capabilities.ts'))
      .flatMap((file) => {
        const code = stripComments(readFileSync(file, 'utf8'));
        return names.filter((name) => new RegExp(`(?<!typeof\\s+)\\b(?:browser|chrome)\\??\\.${name.replace('.', '\\??\\.')}\\b`).test(code)).map((name) => `${file}: ${name}`);
      });
    expect(direct).toEqual([]);
  });

  it('lists every one of them in the Firefox for Android table of docs/firefox.md', () => {
    const docs = readFileSync('docs/firefox.md', 'utf8');
    const table = docs.slice(docs.indexOf('## Firefox for Android'));
    const unlisted = uses.filter((use) => !table.includes(`\`${use.api}\``)).map((use) => use.api);
    expect(unlisted).toEqual([]);
  });
});
