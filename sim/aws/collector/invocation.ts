/**
 * One invocation of the collector Lambda, as CloudWatch sees it (§7.3, §7.5): its Node.js text log
 * lines (START, `<ISO>\t<id>\tLEVEL\t…`, END, REPORT, and a timeout line after REPORT) and its
 * AWS/Lambda metrics (Invocations, Errors, Duration, IteratorAge for stream batches), all stamped
 * with the invocation's start as Lambda does. Live runs and seeded history both write through it,
 * so metrics always agree with the log lines.
 */
import { randomInt } from 'node:crypto';
import { uuid } from '../ids';
import { LAMBDA } from '../metrics';
import { type AwsWorld } from '../world';
import { COLLECTOR_FUNCTION_NAME } from '../cloudformation/template';

export const COLLECTOR_LOG_GROUP = `/aws/lambda/${COLLECTOR_FUNCTION_NAME}`;
const FUNCTION = { Name: 'FunctionName', Value: COLLECTOR_FUNCTION_NAME };

export type LogLevel = 'INFO' | 'WARN' | 'ERROR';

export interface FinishOptions {
  /** When the handler returned (default now). */
  endedAt?: number;
  /** The invocation hit its time limit after this many seconds. */
  timedOutAfterS?: number;
  /** Age of the oldest stream record when the batch reached the function. */
  iteratorAgeMs?: number;
}

export class LambdaInvocation {
  readonly requestId = uuid();
  private lines: { timestamp: number; message: string }[] = [];
  private failed = false;

  constructor(readonly startedAt = Date.now()) {
    this.lines.push({ timestamp: startedAt, message: `START RequestId: ${this.requestId} Version: $LATEST` });
  }

  get hasFailed(): boolean {
    return this.failed;
  }

  /** `console.info/warn/error` lines; an ERROR line makes the invocation count in Errors. */
  log(level: LogLevel, text: string, at = Date.now()): void {
    this.lines.push({ timestamp: at, message: `${new Date(at).toISOString()}\t${this.requestId}\t${level}\t${text}` });
    if (level === 'ERROR') this.failed = true;
  }

  /** What the Node.js runtime logs when the handler fails (context.fail / a rejected promise). */
  invokeError(errorType: string, errorMessage: string, at = Date.now()): void {
    const detail = JSON.stringify({
      errorType,
      errorMessage,
      stack: [`${errorType}: ${errorMessage}`, '    at Runtime.handler (/var/task/index.js:62:19)'],
    });
    this.log('ERROR', `Invoke Error \t${detail}`, at);
  }

  finish(world: AwsWorld, cell: { account: string; region: string }, stream: string, opts: FinishOptions = {}): void {
    const timeoutMs = opts.timedOutAfterS === undefined ? undefined : opts.timedOutAfterS * 1000;
    const endedAt = opts.endedAt ?? Date.now();
    const duration = timeoutMs ?? Math.max(1, endedAt - this.startedAt) + randomInt(10, 90) / 100;
    const id = this.requestId;
    this.lines.push(
      { timestamp: endedAt, message: `END RequestId: ${id}` },
      {
        timestamp: endedAt,
        message:
          `REPORT RequestId: ${id}\tDuration: ${duration.toFixed(2)} ms\tBilled Duration: ${Math.ceil(duration)} ms\t` +
          `Memory Size: 256 MB\tMax Memory Used: ${randomInt(80, 96)} MB\t`,
      },
    );
    if (opts.timedOutAfterS !== undefined) {
      // Logged on its own, space-separated and without a level, just after REPORT (§7.3).
      const seconds = opts.timedOutAfterS.toFixed(2);
      this.lines.push({
        timestamp: endedAt,
        message: `${new Date(endedAt).toISOString()} ${id} Task timed out after ${seconds} seconds`,
      });
      this.failed = true;
    }
    world.logs.append(cell.account, cell.region, COLLECTOR_LOG_GROUP, stream, this.lines);
    const put = (metric: string, value: number) =>
      world.metrics.put(cell.account, cell.region, LAMBDA, metric, FUNCTION, value, this.startedAt);
    put('Invocations', 1);
    put('Errors', this.failed ? 1 : 0);
    put('Duration', duration);
    if (opts.iteratorAgeMs !== undefined) put('IteratorAge', Math.max(0, Math.round(opts.iteratorAgeMs)));
  }
}

/** Sum of a Lambda metric in one account and region since `sinceMs` (for check-in statistics). */
export const lambdaSum = (world: AwsWorld, account: string, region: string, metric: string, sinceMs: number) =>
  world.metrics.sum(account, region, LAMBDA, metric, FUNCTION, sinceMs);
