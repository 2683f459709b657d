/**
 * An in-memory CloudWatch Logs store: log group → streams → events, per account and region.
 * The collector Lambda (registration, findings, check-ins) writes here; FilterLogEvents
 * (logs-api.ts) reads it.
 */
import { randomInt } from 'node:crypto';

export interface LogEvent {
  /** Epoch milliseconds, as CloudWatch Logs reports it. */
  timestamp: number;
  /** Always ends with "\n", like Lambda's own lines. */
  message: string;
  ingestionTime: number;
  /**
   * A 56-digit decimal string, the shape CloudWatch uses: the timestamp, then a write sequence,
   * so sorting ids sorts events by time and keeps lines written together in order.
   */
  eventId: string;
}

export type LogStreams = Map<string, LogEvent[]>;

export interface LogGroup {
  name: string;
  creationTime: number;
  streams: LogStreams;
}

/** An event with the stream it was written to. */
export interface StreamEvent extends LogEvent {
  logStreamName: string;
}

const groupKey = (account: string, region: string, group: string): string => `${account}/${region}/${group}`;

let sequence = 0;

function eventIdFor(timestamp: number): string {
  sequence = (sequence + 1) % 1e10;
  let digits = String(Math.max(0, timestamp)).padStart(20, '0') + String(sequence).padStart(10, '0');
  while (digits.length < 56) digits += String(randomInt(10));
  return digits;
}

export class LogStore {
  private groups = new Map<string, LogGroup>();

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
    const now = Date.now();
    let record = this.groups.get(key);
    if (!record) {
      // A backdated first line (seeded history) makes an equally old group.
      const first = Math.min(now, ...lines.map((l) => l.timestamp));
      record = { name: group, creationTime: first, streams: new Map() };
      this.groups.set(key, record);
    }
    const events = record.streams.get(stream) ?? [];
    record.streams.set(stream, events);
    for (const line of lines) {
      const message = line.message.endsWith('\n') ? line.message : `${line.message}\n`;
      // Lambda lines reach CloudWatch a moment after they are written; history keeps that gap.
      const ingestionTime = Math.max(line.timestamp, Math.min(now, line.timestamp + 350));
      events.push({ timestamp: line.timestamp, message, ingestionTime, eventId: eventIdFor(line.timestamp) });
    }
  }

  streams(account: string, region: string, group: string): LogStreams | undefined {
    return this.groups.get(groupKey(account, region, group))?.streams;
  }

  group(account: string, region: string, group: string): LogGroup | undefined {
    return this.groups.get(groupKey(account, region, group));
  }

  /** Every event of a group across its streams, oldest first (ties in write order). */
  events(account: string, region: string, group: string): StreamEvent[] {
    const record = this.groups.get(groupKey(account, region, group));
    return record ? sortedEvents(record) : [];
  }

  /** `"<account>/<region>/<group>"` → every message in time order, for the control state. */
  snapshot(): Record<string, string[]> {
    const out: Record<string, string[]> = {};
    for (const [key, record] of this.groups) out[key] = sortedEvents(record).map((e) => e.message);
    return out;
  }
}

function sortedEvents(record: LogGroup): StreamEvent[] {
  const out: StreamEvent[] = [];
  for (const [logStreamName, events] of record.streams) {
    for (const e of events) out.push({ ...e, logStreamName });
  }
  return out.sort((a, b) => (a.eventId < b.eventId ? -1 : a.eventId > b.eventId ? 1 : 0));
}
