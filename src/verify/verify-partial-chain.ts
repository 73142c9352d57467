import type { ChainEntry } from '../evidence/deletion-entry';
import type { Problem } from './verify-bundle';

// A one-case bundle (v1 extension, docs/bundle-format.md) carries only that case's records, plus
// `chain.links`: the {hash, prevHash} of every record of the device's chain, in order, so the
// shopper's other cases stay private. Checked here: the links run unbroken from `chain.base` to
// `chain.head`, and every included record (whose own hash verify recomputes) sits on a link with
// its own prevHash, in chain order. The links of left-out records cannot be recomputed — they prove
// order, not content — so a one-case bundle cannot prove that none of the case's records was left out.

export interface ChainLink {
  hash: string;
  prevHash: string | null;
}

export function isPartialChain(chain: unknown): chain is { links: unknown; head: unknown; base?: unknown } {
  return typeof chain === 'object' && chain !== null && 'links' in chain;
}

export function partialChainProblems(captures: readonly ChainEntry[], chain: { links: unknown; head: unknown; base?: unknown }): Problem[] {
  const links = chain.links;
  if (!Array.isArray(links) || !links.every(isLink)) return [{ entry: 'chain.links', reason: 'is not a list of {hash, prevHash}' }];
  const problems: Problem[] = [];
  let previous = (chain.base as string | null | undefined) ?? null;
  const position = new Map<string, number>();
  for (const [index, link] of links.entries()) {
    if (link.prevHash !== previous) problems.push({ entry: `chain.links[${index}]`, reason: 'the chain of links is broken here' });
    position.set(link.hash, index);
    previous = link.hash;
  }
  if (chain.head !== previous) problems.push({ entry: 'chain.head', reason: 'the chain head is not the last link' });
  let last = -1;
  for (const [index, capture] of captures.entries()) {
    const label = `capture #${index + 1} (${capture.id})`;
    const at = position.get(capture.hash);
    if (at === undefined) {
      problems.push({ entry: label, reason: 'its hash is not a link of the chain: a capture was added or edited' });
      continue;
    }
    if (links[at]!.prevHash !== capture.prevHash) problems.push({ entry: label, reason: 'its prevHash does not match its link of the chain' });
    if (at <= last) problems.push({ entry: label, reason: 'out of chain order: captures were reordered or swapped' });
    last = at;
  }
  return problems;
}

function isLink(value: unknown): value is ChainLink {
  if (typeof value !== 'object' || value === null) return false;
  const link = value as Record<string, unknown>;
  return typeof link.hash === 'string' && (link.prevHash === null || typeof link.prevHash === 'string');
}
