import { describe, expect, it } from 'vitest';
import { createLimiter, settleAll } from './limit';

describe('createLimiter', () => {
  it('never runs more than the bound at once and runs everything', async () => {
    const run = createLimiter(3);
    let active = 0;
    let peak = 0;
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        run(async () => {
          active++;
          peak = Math.max(peak, active);
          await new Promise((r) => setTimeout(r, 5));
          active--;
          return i;
        }),
      ),
    );
    expect(peak).toBe(3);
    expect(results).toEqual(Array.from({ length: 20 }, (_, i) => i));
  });

  it('keeps going after failures', async () => {
    const out = await settleAll(2, [
      async () => 1,
      async () => Promise.reject(new Error('region down')),
      async () => 3,
    ]);
    expect(out.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
  });
});
