import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

// Finds the WebExtension APIs a source tree uses, as `namespace.member` pairs, without running it:
//  - member accesses on a namespace, however it is reached: `browser.tabs.query`,
//    `chrome.pageCapture.saveAsMHTML`, a local that holds one (`runtime.getBrowserInfo`), with or
//    without optional chaining;
//  - members named in the types of the capability adapters, which call through a variable that
//    no longer carries the namespace's name: `Pick<typeof chrome.debugger, 'attach' | 'detach'>`,
//    `typeof browser.notifications.onButtonClicked`.
// Comments are dropped first. Names that are a namespace's name but not one (a local `identity`)
// are the caller's to set aside, by file.

export interface ApiUse {
  /** `namespace.member`, e.g. `tabs.captureVisibleTab`. */
  api: string;
  namespace: string;
  member: string;
  files: string[];
}

export interface ScanOptions {
  /** Namespace names to look for (browser-compat-data's `webextensions.api` keys plus Chromium-only ones). */
  namespaces: ReadonlySet<string>;
  /** `namespace.member` → files where that text is not an extension API (a local of the same name). */
  notApis?: Readonly<Record<string, readonly string[]>>;
  /** Files that are data about APIs, not code calling them. */
  skipFiles?: readonly string[];
}

/** `// …` and `/* … *\/` comments out; strings and code untouched (a `//` inside a string is rare enough here to leave). */
export function stripComments(source: string): string {
  return source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:\\'"`])\/\/.*$/gm, '$1');
}

export function scanSource(source: string, options: ScanOptions): Array<{ namespace: string; member: string }> {
  const code = stripComments(source);
  const found: Array<{ namespace: string; member: string }> = [];
  // Web APIs that share a namespace's name (navigator.storage, navigator.permissions) are not ours.
  const access = /(?<![\w$])((?:navigator\??\.)?)([A-Za-z_$][\w$]*)\??\.([A-Za-z_$][\w$]*)/g;
  for (const match of code.matchAll(access)) {
    const [, webRoot, namespace, member] = match;
    if (!webRoot && options.namespaces.has(namespace!)) found.push({ namespace: namespace!, member: member! });
  }
  // A namespace reached off `browser.` / `chrome.` / anything else with a dot before it: `x.tabs.query`.
  const dotted = /\.([A-Za-z_$][\w$]*)\??\.([A-Za-z_$][\w$]*)/g;
  for (const match of code.matchAll(dotted)) {
    const before = code.slice(Math.max(0, match.index - 10), match.index);
    if (/navigator\??$/.test(before)) continue;
    const [, namespace, member] = match;
    if (options.namespaces.has(namespace!)) found.push({ namespace: namespace!, member: member! });
  }
  const picked = /Pick<\s*typeof\s+(?:browser|chrome)\.([A-Za-z_$][\w$]*)\s*,\s*((?:'[^']+'\s*\|?\s*)+)>/g;
  for (const match of code.matchAll(picked)) {
    const [, namespace, members] = match;
    for (const member of members!.match(/'([^']+)'/g) ?? []) found.push({ namespace: namespace!, member: member.slice(1, -1) });
  }
  return found.filter(({ namespace }) => options.namespaces.has(namespace));
}

export function scanTree(root: string, options: ScanOptions): ApiUse[] {
  const uses = new Map<string, ApiUse>();
  for (const file of sourceFiles(root)) {
    const path = relative(process.cwd(), file);
    if (options.skipFiles?.includes(path)) continue;
    for (const { namespace, member } of scanSource(readFileSync(file, 'utf8'), options)) {
      const api = `${namespace}.${member}`;
      if (options.notApis?.[api]?.includes(path)) continue;
      const use = uses.get(api) ?? { api, namespace, member, files: [] };
      if (!use.files.includes(path)) use.files.push(path);
      uses.set(api, use);
    }
  }
  return [...uses.values()].sort((a, b) => a.api.localeCompare(b.api));
}

export function sourceFiles(root: string): string[] {
  return readdirSync(root, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts'))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}
