/**
 * Past collector activity written straight into the world, through the same LambdaInvocation the
 * live Lambda uses, so log lines and AWS/Lambda, AWS/Kinesis and AWS/Events metrics agree. Replay
 * in time order: check-in statistics are read from the metrics written so far.
 */
import { lambdaLogStream } from '../ids';
import { EVENTS, KINESIS } from '../metrics';
import { type AwsWorld } from '../world';
import { type Finding } from '../world-types';
import { findingEvent } from '../collector/pipeline';
import { LambdaInvocation, lambdaSum } from '../collector/invocation';

const STREAM_SPAN_MS = 4 * 60 * 60 * 1000;
/** How long after GuardDuty publishes a finding its batch reaches the function, in the replay. */
const DELIVERY_MS = 700;

export interface ReplayCell {
  account: string;
  region: string;
  stackName: string;
  kinesisStream: string;
  eventsRule: string;
}

export class History {
  private streams = new Map<number, string>();
  private lastCheckin?: number;

  constructor(
    private readonly world: AwsWorld,
    private readonly cell: ReplayCell,
  ) {}

  /** One execution environment (log stream) per four hours of history. */
  private streamAt(at: number): string {
    const slot = Math.floor(at / STREAM_SPAN_MS);
    let name = this.streams.get(slot);
    if (!name) {
      name = lambdaLogStream(new Date(at));
      this.streams.set(slot, name);
    }
    return name;
  }

  get lastCheckinAt(): number | undefined {
    return this.lastCheckin;
  }

  /** The custom resource's Create, logged to the stream CloudFormation shows as its physical id. */
  registration(at: number, stream: string, outcome: { collectorId: string } | { error: string }): void {
    const inv = new LambdaInvocation(at);
    const { stackName } = this.cell;
    inv.log('INFO', `Registering collector with Alert Logic (RequestType: Create, stack: ${stackName})`, at);
    if ('error' in outcome) inv.log('ERROR', `AWSC0003 registration error: Error: ${outcome.error}`, at + 240);
    else inv.log('INFO', `Collector registered with Alert Logic: collector_id ${outcome.collectorId}`, at + 310);
    inv.finish(this.world, this.cell, stream, { endedAt: at + 330 });
  }

  /** A scheduled check-in; `error` makes it fail the way a refused Alert Logic call does. */
  checkin(at: number, error?: string): void {
    const { account, region } = this.cell;
    const since = this.lastCheckin ?? at - 15 * 60_000;
    const invocations = lambdaSum(this.world, account, region, 'Invocations', since);
    const errors = lambdaSum(this.world, account, region, 'Errors', since);
    const inv = new LambdaInvocation(at);
    inv.log('INFO', 'Checkin: reporting collector health to Alert Logic', at);
    if (error) inv.invokeError('Error', error, at + 180);
    else
      inv.log(
        'INFO',
        `Checkin done: ${invocations} invocation(s), ${errors} error(s) since the last checkin`,
        at + 260,
      );
    inv.finish(this.world, this.cell, this.streamAt(at), { endedAt: at + 280 });
    this.lastCheckin = at;
  }

  /**
   * A finding GuardDuty published at its updatedAt: rule match, Kinesis record, then the Lambda's
   * batch. Returns the EventBridge event when it reached Alert Logic (`error` absent).
   */
  finding(f: Finding, error?: string): Record<string, unknown> {
    const { account, region, eventsRule, kinesisStream } = this.cell;
    const at = f.updatedAt.getTime();
    const event = findingEvent(f);
    const rule = { Name: 'RuleName', Value: eventsRule };
    const stream = { Name: 'StreamName', Value: kinesisStream };
    this.world.metrics.put(account, region, EVENTS, 'MatchedEvents', rule, 1, at);
    this.world.metrics.put(account, region, EVENTS, 'Invocations', rule, 1, at);
    this.world.metrics.put(account, region, KINESIS, 'IncomingRecords', stream, 1, at);
    this.world.metrics.put(account, region, KINESIS, 'IncomingBytes', stream, JSON.stringify(event).length, at);
    const start = at + DELIVERY_MS;
    const inv = new LambdaInvocation(start);
    inv.log('INFO', `Processing 1 Kinesis record(s) from ${kinesisStream}`, start);
    if (error) inv.invokeError('Error', error, start + 150);
    else inv.log('INFO', 'Sent 1 GuardDuty finding(s) to Alert Logic (secmsgs, 2417 bytes)', start + 190);
    inv.finish(this.world, this.cell, this.streamAt(start), { endedAt: start + 210, iteratorAgeMs: DELIVERY_MS });
    return event;
  }
}
