/** Groups the collector Lambda's error lines by message, newest group first. */
import type { LogLine } from '../aws/logs';

export interface ErrorGroup {
  message: string;
  count: number;
  firstSeen: number;
  lastSeen: number;
  requestIds: string[];
}

const MAX_REQUEST_IDS = 5;
const TAB_LINE = /^\S+\t([0-9a-f-]{8,})\t(?:ERROR|WARN)\t([\s\S]*)$/;
const TIMEOUT_LINE = /^\S+\s+([0-9a-f-]{8,})\s+(Task timed out after [\d.]+ seconds)/;

/** The message without the timestamp and request id that Lambda puts in front of it. */
export function parseErrorLine(raw: string): { requestId: string | null; message: string } {
  const text = raw.replace(/\n$/, '');
  const tab = TAB_LINE.exec(text);
  if (tab) return { requestId: tab[1]!, message: tab[2]!.trim() };
  const timeout = TIMEOUT_LINE.exec(text);
  if (timeout) return { requestId: timeout[1]!, message: timeout[2]! };
  return { requestId: null, message: text.trim() };
}

export function groupErrors(lines: LogLine[]): ErrorGroup[] {
  const groups = new Map<string, ErrorGroup>();
  for (const line of lines) {
    const { requestId, message } = parseErrorLine(line.message);
    const g = groups.get(message) ?? {
      message,
      count: 0,
      firstSeen: line.timestamp,
      lastSeen: line.timestamp,
      requestIds: [],
    };
    g.count++;
    g.firstSeen = Math.min(g.firstSeen, line.timestamp);
    g.lastSeen = Math.max(g.lastSeen, line.timestamp);
    if (requestId && !g.requestIds.includes(requestId) && g.requestIds.length < MAX_REQUEST_IDS)
      g.requestIds.push(requestId);
    groups.set(message, g);
  }
  return [...groups.values()].sort((a, b) => b.lastSeen - a.lastSeen);
}
