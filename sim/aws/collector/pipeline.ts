/**
 * The collector pipeline, time-scaled: a new or updated finding of an ENABLED detector becomes an
 * EventBridge event; where a collector runs, its rule matches it (AWS/Events MatchedEvents) and puts
 * it on the Kinesis stream (AWS/Kinesis IncomingRecords); the event source mapping then invokes the
 * Lambda with everything waiting on the stream (lambda-handlers.ts). `pipelineDelayMs` is split
 * between the two hops. Every `checkinIntervalMs` each running collector checks in. The
 * `rule_disabled` fault silences a collector completely (no match, no invocation, no check-in).
 * Every timer and run stops on reset and close, and nothing touches the world after that.
 */
import { setTimeout as wait } from 'node:timers/promises';
import { lambdaLogStream, uuid } from '../ids';
import { EVENTS, KINESIS } from '../metrics';
import { type SimSettings } from '../settings';
import { type AwsWorld } from '../world';
import { type Finding } from '../world-types';
import { findingWire } from '../findings';
import { type ActiveCollector, activeCollector, activeCollectors, cellKey } from './cells';
import { type StreamRecord, checkin, processBatch } from './lambda-handlers';
import { type LambdaDeps } from './lambda-session';

const isAbort = (err: unknown): boolean => err instanceof Error && err.name === 'AbortError';

/** The EventBridge event GuardDuty publishes for a finding (§5): `detail` is the wire finding. */
export function findingEvent(f: Finding): Record<string, unknown> {
  return {
    version: '0',
    id: uuid(),
    'detail-type': 'GuardDuty Finding',
    source: 'aws.guardduty',
    account: f.account,
    time: f.updatedAt.toISOString(),
    region: f.region,
    resources: [],
    detail: findingWire(f),
  };
}

export class CollectorPipeline {
  private controller = new AbortController();
  private running = new Set<Promise<void>>();
  private checkinTimer?: NodeJS.Timeout;
  private closed = false;
  /** Records on each collector's stream not yet read by the Lambda. */
  private waiting = new Map<string, StreamRecord[]>();
  /** The log stream each collector's warm execution environment writes to. */
  private streams = new Map<string, { day: string; name: string }>();
  private lastCheckin = new Map<string, number>();
  private checkingIn = new Set<string>();

  constructor(
    private readonly world: AwsWorld,
    private readonly settings: SimSettings,
    private readonly aimsUrl: string,
  ) {}

  start(): void {
    this.scheduleCheckins();
  }

  private deps(): LambdaDeps {
    const signal = this.controller.signal;
    return {
      world: this.world,
      settings: this.settings,
      aimsUrl: this.aimsUrl,
      signal,
      check: () => signal.throwIfAborted(),
    };
  }

  private track(work: (deps: LambdaDeps) => Promise<void>): void {
    const p = work(this.deps()).catch((err: unknown) => {
      if (!isAbort(err)) console.error('[sim/aws] collector pipeline failed', err);
    });
    this.running.add(p);
    void p.finally(() => this.running.delete(p));
  }

  private async pause(ms: number, deps: LambdaDeps): Promise<void> {
    await wait(Math.max(0, Math.round(ms)), undefined, { signal: deps.signal });
    deps.check();
  }

  private streamFor(c: ActiveCollector): string {
    const key = cellKey(c.account, c.region);
    const day = new Date().toISOString().slice(0, 10);
    const current = this.streams.get(key);
    if (current && current.day === day) return current.name;
    const name = lambdaLogStream(new Date());
    this.streams.set(key, { day, name });
    return name;
  }

  /** GuardDuty made or updated a finding: it flows if the detector is enabled and a rule matches. */
  publish(finding: Finding): void {
    const detector = this.world.detectorIn(finding.account, finding.region);
    if (detector?.status !== 'ENABLED' || this.closed) return;
    const event = findingEvent(finding);
    this.track(async (deps) => {
      await this.pause(this.settings.pipelineDelayMs / 2, deps);
      const c = activeCollector(this.world, finding.account, finding.region);
      if (!c || this.settings.collectorFault(c.account, c.region) === 'rule_disabled') return;
      const now = Date.now();
      const { metrics } = this.world;
      metrics.put(c.account, c.region, EVENTS, 'MatchedEvents', { Name: 'RuleName', Value: c.eventsRule }, 1, now);
      metrics.put(c.account, c.region, EVENTS, 'Invocations', { Name: 'RuleName', Value: c.eventsRule }, 1, now);
      const stream = { Name: 'StreamName', Value: c.kinesisStream };
      metrics.put(c.account, c.region, KINESIS, 'IncomingRecords', stream, 1, now);
      metrics.put(c.account, c.region, KINESIS, 'IncomingBytes', stream, JSON.stringify(event).length, now);
      const key = cellKey(c.account, c.region);
      const queue = this.waiting.get(key);
      if (queue) return void queue.push({ event, arrivedAt: now });
      this.waiting.set(key, [{ event, arrivedAt: now }]);
      await this.pause(this.settings.pipelineDelayMs / 2, deps);
      const batch = this.waiting.get(key) ?? [];
      this.waiting.delete(key);
      // The function may have gone (stack deleted) while the records waited.
      const target = activeCollector(this.world, c.account, c.region);
      if (target && batch.length > 0) await processBatch(deps, target, batch, this.streamFor(target));
    });
  }

  private scheduleCheckins(): void {
    clearTimeout(this.checkinTimer);
    if (this.closed) return;
    this.checkinTimer = setTimeout(() => {
      this.checkinAll();
      this.scheduleCheckins();
    }, this.settings.checkinIntervalMs);
    this.checkinTimer.unref();
  }

  /** A check-in that happened outside the pipeline (seeded history): the next one's statistics start there. */
  noteCheckin(account: string, region: string, at: number): void {
    this.lastCheckin.set(cellKey(account, region), at);
  }

  /** A new interval applies at once (tests shorten it from the default minute). */
  rescheduleCheckins(): void {
    this.scheduleCheckins();
  }

  private checkinAll(): void {
    for (const c of activeCollectors(this.world)) {
      const key = cellKey(c.account, c.region);
      if (this.checkingIn.has(key) || this.settings.collectorFault(c.account, c.region) === 'rule_disabled') continue;
      // Statistics cover the time since the previous check-in (that invocation included).
      const since = this.lastCheckin.get(key) ?? Date.now() - this.settings.checkinIntervalMs * 1.5;
      this.lastCheckin.set(key, Date.now());
      this.checkingIn.add(key);
      this.track(async (deps) => {
        try {
          await checkin(deps, c, this.streamFor(c), since);
        } finally {
          this.checkingIn.delete(key);
        }
      });
    }
  }

  /** Stops every timer and run, waits until none can touch the world, then starts afresh. */
  async cancelAll(): Promise<void> {
    clearTimeout(this.checkinTimer);
    this.controller.abort();
    await Promise.allSettled([...this.running]);
    this.running.clear();
    this.waiting.clear();
    this.streams.clear();
    this.lastCheckin.clear();
    this.checkingIn.clear();
    this.controller = new AbortController();
    this.scheduleCheckins();
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.cancelAll();
  }
}
