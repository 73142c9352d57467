// `npm run bench` builds the extension with VITE_PAYWITNESS_BENCH=1 to learn how long the content
// script holds the page's main thread: each wrapped call leaves a performance.measure entry that the
// bench reads from the page. Entries on `performance` are visible to the page itself, so any other
// build must not make them: there BENCH_TIMING is the constant false and `timed` returns `fn` as is.

const BENCH_TIMING: boolean = import.meta.env.VITE_PAYWITNESS_BENCH === '1';

export function timed<A extends unknown[], R>(name: string, fn: (...args: A) => R): (...args: A) => R {
  if (!BENCH_TIMING) return fn;
  return (...args: A) => {
    const start = performance.now();
    try {
      return fn(...args);
    } finally {
      performance.measure(name, { start, end: performance.now() });
    }
  };
}
