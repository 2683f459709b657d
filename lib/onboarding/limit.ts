/** A small concurrency bound: at most `max` of the given tasks run at once. */
export function createLimiter(max: number) {
  let active = 0;
  const waiting: (() => void)[] = [];
  const next = () => {
    active--;
    waiting.shift()?.();
  };
  return async function run<T>(task: () => Promise<T>): Promise<T> {
    if (active >= max) await new Promise<void>((resolve) => waiting.push(resolve));
    active++;
    try {
      return await task();
    } finally {
      next();
    }
  };
}

/** Runs every task under the bound and keeps each outcome: one failure never stops the rest. */
export async function settleAll<T>(max: number, tasks: (() => Promise<T>)[]): Promise<PromiseSettledResult<T>[]> {
  const run = createLimiter(max);
  return Promise.allSettled(tasks.map((t) => run(t)));
}
