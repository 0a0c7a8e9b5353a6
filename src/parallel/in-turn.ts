/**
 * Runs `work` over `items`, at most `limit` at a time, and gives the results in the order of
 * `items`, whichever finished first: for work that waits (files, libuv's threads, other inputs).
 */
export async function inTurn<T, R>(items: readonly T[], limit: number, work: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++;
      results[i] = await work(items[i]!, i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
  return results;
}
