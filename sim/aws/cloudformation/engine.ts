/**
 * Runs stack operations in real time on timers, one at a time per stack, and stops them all
 * cleanly on reset and close (every wait is abortable, and nothing touches the world after).
 */
import { setTimeout as wait } from 'node:timers/promises';
import { type SimSettings } from '../settings';
import { type AwsWorld } from '../world';
import { type Stack } from '../world-types';

export interface RunContext {
  world: AwsWorld;
  settings: SimSettings;
  aimsUrl: string;
  signal: AbortSignal;
  /** Waits, then throws if the simulator was reset or closed meanwhile. */
  wait(ms: number): Promise<void>;
  /** Throws if the run was cancelled; call before touching the world after any await. */
  check(): void;
  /** The time one of `steps` steps gets out of the configured stack duration. */
  stepMs(steps: number): number;
}

export type StackRun = (op: RunContext) => Promise<void>;

const isAbort = (err: unknown): boolean => err instanceof Error && err.name === 'AbortError';

export class StackEngine {
  private controller = new AbortController();
  private queues = new Map<string, Promise<void>>();

  constructor(
    private readonly world: AwsWorld,
    private readonly settings: SimSettings,
    private readonly aimsUrl: string,
  ) {}

  private context(signal: AbortSignal): RunContext {
    return {
      world: this.world,
      settings: this.settings,
      aimsUrl: this.aimsUrl,
      signal,
      wait: async (ms) => {
        await wait(Math.max(0, Math.round(ms)), undefined, { signal });
        signal.throwIfAborted();
      },
      check: () => signal.throwIfAborted(),
      stepMs: (steps) => this.settings.stackDurationMs / Math.max(1, steps),
    };
  }

  /** Queues a run after whatever the stack is already doing (a delete waits for a running create). */
  enqueue(stack: Stack, run: StackRun): void {
    const op = this.context(this.controller.signal);
    const previous = this.queues.get(stack.stackId) ?? Promise.resolve();
    const next = previous
      .then(() => {
        op.check();
        return run(op);
      })
      .catch((err: unknown) => {
        if (!isAbort(err)) console.error('[sim/aws] stack operation failed', err);
      });
    this.queues.set(stack.stackId, next);
    void next.then(() => {
      if (this.queues.get(stack.stackId) === next) this.queues.delete(stack.stackId);
    });
  }

  /** True while an operation is running or queued on the stack. */
  busy(stack: Stack): boolean {
    return this.queues.has(stack.stackId);
  }

  /** Stops every running operation and waits until none can touch the world any more. */
  async cancelAll(): Promise<void> {
    this.controller.abort();
    await Promise.allSettled([...this.queues.values()]);
    this.queues.clear();
    this.controller = new AbortController();
  }
}
