import type { BrowserContext } from 'playwright-core';
import type { BenchPage } from './ordinary-pages';

// The bench's pages, served from memory to every http(s) request of a browser (no network, and
// each page on the host its URL names); anything else is left to the browser.

export type GroupedPage = BenchPage & { group: string };

/** Every page of the groups, each with its group's name, served to `context`. */
export async function serveBenchPages(context: BrowserContext, groups: Record<string, readonly BenchPage[]>): Promise<GroupedPage[]> {
  const pages = Object.entries(groups).flatMap(([group, list]) => list.map((page) => ({ ...page, group })));
  const byUrl = new Map(pages.map((page) => [page.url.split('#')[0]!, page.html]));
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (!/^https?:/.test(url)) return route.continue();
    const html = byUrl.get(url.split('#')[0]!);
    return html === undefined ? route.fulfill({ status: 404, body: '' }) : route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html });
  });
  return pages;
}
