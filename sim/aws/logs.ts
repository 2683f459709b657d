/**
 * An in-memory CloudWatch Logs store: log group → streams → events, per account and region.
 * Only what the collector Lambda writes lands here; FilterLogEvents will read it later.
 */
import { randomInt } from 'node:crypto';

export interface LogEvent {
  /** Epoch milliseconds, as CloudWatch Logs reports it. */
  timestamp: number;
  /** Always ends with "\n", like Lambda's own lines. */
  message: string;
  ingestionTime: number;
  /** A 56-digit decimal string, the shape CloudWatch uses. */
  eventId: string;
}

export type LogStreams = Map<string, LogEvent[]>;

const groupKey = (account: string, region: string, group: string): string => `${account}/${region}/${group}`;

function eventIdFor(timestamp: number): string {
  let digits = String(timestamp).padStart(20, '0');
  while (digits.length < 56) digits += String(randomInt(10));
  return digits;
}

export class LogStore {
  private groups = new Map<string, LogStreams>();

  clear(): void {
    this.groups.clear();
  }

  /** Appends lines to a stream, creating the group and stream on first write. */
  append(
    account: string,
    region: string,
    group: string,
    stream: string,
    lines: { timestamp: number; message: string }[],
  ): void {
    const key = groupKey(account, region, group);
    let streams = this.groups.get(key);
    if (!streams) {
      streams = new Map();
      this.groups.set(key, streams);
    }
    const events = streams.get(stream) ?? [];
    streams.set(stream, events);
    const ingestionTime = Date.now();
    for (const line of lines) {
      const message = line.message.endsWith('\n') ? line.message : `${line.message}\n`;
      events.push({ timestamp: line.timestamp, message, ingestionTime, eventId: eventIdFor(line.timestamp) });
    }
  }

  streams(account: string, region: string, group: string): LogStreams | undefined {
    return this.groups.get(groupKey(account, region, group));
  }

  /** `"<account>/<region>/<group>"` → every message in time order, for the control state. */
  snapshot(): Record<string, string[]> {
    const out: Record<string, string[]> = {};
    for (const [key, streams] of this.groups) {
      out[key] = [...streams.values()]
        .flat()
        .sort((a, b) => a.timestamp - b.timestamp)
        .map((e) => e.message);
    }
    return out;
  }
}
