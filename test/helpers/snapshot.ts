import type { BlockHint, PageSnapshot } from '../../src/detect/page-snapshot';

type BlockSpec = string | { text: string; tag?: string; hints?: BlockHint[] };

/** A snapshot as the content script would send it, written by hand for rule-level tests. */
export function snapshot(url: string, blocks: BlockSpec[], seenAt = '2026-11-28T10:00:00+08:00'): PageSnapshot {
  return {
    url,
    title: '',
    lang: 'zh-CN',
    seenAt,
    truncated: false,
    viewport: null,
    blocks: blocks.map((block) =>
      typeof block === 'string' ? { text: block, tag: 'div', hints: [] } : { tag: 'div', hints: [], ...block },
    ),
  };
}
