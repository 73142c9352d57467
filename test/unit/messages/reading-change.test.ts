import { describe, expect, it } from 'vitest';
import type { PageSnapshot, TextBlock } from '../../../src/detect/page-snapshot';
import { applyReadingChange, readingChange } from '../../../src/messages/reading-change';
import { isPageReadRequest } from '../../../src/messages/validate-message';
import { snapshot } from '../../helpers/snapshot';

// After its first reading a page sends what changed; the worker puts the reading together from the
// one it holds. Whatever the edit, the reading put together must be the one the page read.

const URL = 'https://shop.example/order/1';
const rows = (n: number, from = 0) => Array.from({ length: n }, (_, i) => `订单号 GEN${String(from + i).padStart(8, '0')} 已完成`);

/** A small deterministic generator, so a failure names the edit that broke. */
function random(seed: number): () => number {
  let state = seed;
  return () => ((state = (state * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
}

function edited(before: PageSnapshot, next: () => number): PageSnapshot {
  const blocks: TextBlock[] = before.blocks.map((block) => ({ ...block, hints: [...block.hints] }));
  const edits = 1 + Math.floor(next() * 4);
  for (let e = 0; e < edits; e++) {
    const at = Math.floor(next() * (blocks.length + 1));
    const kind = next();
    if (kind < 0.3) blocks.splice(at, 0, { text: `用户 ${at} 刚刚购买了`, tag: 'li', hints: [] });
    else if (kind < 0.5 && blocks.length) blocks.splice(Math.min(at, blocks.length - 1), 1);
    else if (kind < 0.7 && blocks[at]) blocks[at] = { ...blocks[at]!, text: `剩余支付时间 ${e}` };
    else if (kind < 0.85 && blocks[at]) blocks[at] = { ...blocks[at]!, hints: ['alert'], surface: { id: 'layui.msg', tone: 'error', n: 1 } };
    else if (blocks[at]) blocks[at] = { ...blocks[at]!, row: e + 1, cell: e + 2 };
  }
  return { ...before, title: `t${edits}`, seenAt: '2026-12-06T10:00:00+08:00', blocks };
}

describe('a reading sent as what changed', () => {
  it('puts back exactly the reading the page read, whatever was inserted, removed or changed', () => {
    const next = random(7);
    let before = snapshot(URL, rows(40));
    let sentAsChange = 0;
    for (let round = 0; round < 300; round++) {
      const after = edited(before, next);
      const change = readingChange(before, after, round);
      if (change) {
        sentAsChange++;
        expect(applyReadingChange(before, change)).toEqual(after);
        expect(change.blocks.length).toBeLessThanOrEqual(after.blocks.length / 2);
      }
      before = after;
    }
    // Small edits of a 40-block page go as changes (most of them).
    expect(sentAsChange).toBeGreaterThan(200);
  });

  it('carries only the new blocks of a feed that grew at the top and a countdown that ticked', () => {
    const before = snapshot(URL, ['订单确认', '剩余支付时间 15:00', ...rows(150)]);
    const after = snapshot(URL, ['订单确认', '剩余支付时间 14:59', '用户 1 刚刚购买了', '用户 2 刚刚购买了', ...rows(150)]);
    const change = readingChange(before, after, 1)!;
    expect(change).toMatchObject({ base: 1, keepStart: 1, keepEnd: 150 });
    expect(change.blocks.map((block) => block.text)).toEqual(['剩余支付时间 14:59', '用户 1 刚刚购买了', '用户 2 刚刚购买了']);
    expect(applyReadingChange(before, change)).toEqual(after);
  });

  it('is not made when most of the page changed: the whole reading goes', () => {
    expect(readingChange(snapshot(URL, rows(10)), snapshot(URL, rows(10, 100)), 1)).toBeNull();
  });

  it('does not fit a reading it was not made from', () => {
    const change = readingChange(snapshot(URL, rows(20)), snapshot(URL, [...rows(20), 'x']), 1)!;
    expect(applyReadingChange(snapshot(URL, rows(5)), change)).toBeNull();
    expect(applyReadingChange(snapshot(URL, rows(20)), { ...change, keepStart: -1 })).toBeNull();
    expect(applyReadingChange(snapshot(URL, rows(20)), { ...change, keepEnd: 1.5 })).toBeNull();
  });
});

describe('a page:read request', () => {
  const whole = snapshot(URL, rows(20));
  const change = readingChange(whole, snapshot(URL, [...rows(20), '支付失败']), 1)!;
  const base = { type: 'page:read', docToken: 'doc-1', links: [], seq: 2 };

  it('carries a whole reading or a change, never both or neither', () => {
    expect(isPageReadRequest({ ...base, snapshot: whole })).toBe(true);
    expect(isPageReadRequest({ ...base, change })).toBe(true);
    expect(isPageReadRequest({ ...base, snapshot: whole, change })).toBe(false);
    expect(isPageReadRequest(base)).toBe(false);
    expect(isPageReadRequest({ ...base, seq: -1, snapshot: whole })).toBe(false);
    expect(isPageReadRequest({ ...base, seq: undefined, snapshot: whole })).toBe(false);
  });

  it('refuses a change out of shape: counts, head, blocks', () => {
    const forged = [
      { ...change, base: 'x' },
      { ...change, keepStart: -2 },
      { ...change, keepEnd: 0.5 },
      { ...change, head: { ...change.head, url: 'javascript:alert(1)' } },
      { ...change, head: { ...change.head, blocks: [] } },
      { ...change, blocks: [{ text: 1, tag: 'p', hints: [] }] },
      { ...change, blocks: [{ text: 'x', tag: 'p', hints: ['not-a-hint'] }] },
      { ...change, blocks: Array.from({ length: 100_000 }, () => ({ text: 'x', tag: 'p', hints: [] })) },
    ];
    for (const bad of forged) expect(isPageReadRequest({ ...base, change: bad })).toBe(false);
  });
});
