// Reading and writing the two stores is I/O, not CPU: a few requests in flight at once go several
// times faster than one after another, and a bound keeps a large store from opening thousands.

const AT_ONCE = 16;

/** Runs `task` over `items`, at most AT_ONCE at a time; rejects with the first error. */
export async function eachLimited<T>(items: readonly T[], task: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < items.length) await task(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(AT_ONCE, items.length) }, lane));
}
