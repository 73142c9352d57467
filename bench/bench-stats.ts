// Order statistics for timing samples. Medians and nearest-rank percentiles: no averaging that lets
// one stalled run on a loaded machine move the result.

export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

export function median(samples: readonly number[]): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

export function sum(samples: readonly number[]): number {
  return samples.reduce((total, value) => total + value, 0);
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Two builds measured in the same rounds: a[i] and b[i] are one page's load in round i. */
export interface PairedComparison {
  n: number;
  medianA: number;
  medianB: number;
  /** Median, first and third quartile of b[i] − a[i]: negative when B costs less. */
  medianDiff: number;
  q1Diff: number;
  q3Diff: number;
  /** Rounds in which B cost less, and more (ties count in neither). */
  bLess: number;
  bMore: number;
  /**
   * Two-sided sign test: how likely a split at least this uneven is if neither build is cheaper.
   * It asks only which of each pair is lower, so one stalled load cannot decide it.
   */
  signP: number;
}

export function pairedComparison(a: readonly number[], b: readonly number[]): PairedComparison {
  if (a.length !== b.length) throw new Error(`paired samples differ in length: ${a.length} and ${b.length}`);
  const diffs = a.map((x, i) => b[i]! - x);
  const bLess = diffs.filter((d) => d < 0).length;
  const bMore = diffs.filter((d) => d > 0).length;
  return {
    n: a.length,
    medianA: median(a),
    medianB: median(b),
    medianDiff: median(diffs),
    q1Diff: percentile(diffs, 25),
    q3Diff: percentile(diffs, 75),
    bLess,
    bMore,
    signP: signTestP(bLess, bMore),
  };
}

/** Two-sided exact sign test for `k` of one sign and `m` of the other. */
export function signTestP(k: number, m: number): number {
  const n = k + m;
  if (n === 0) return 1;
  let tail = 0;
  let term = 2 ** -n; // C(n, 0) / 2^n
  for (let i = 0; i <= Math.min(k, m); i++) {
    tail += term;
    term = (term * (n - i)) / (i + 1);
  }
  return Math.min(1, 2 * tail);
}
