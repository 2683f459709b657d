import 'server-only';
/** CloudWatch Logs: the collector Lambda's error lines. */
import { CloudWatchLogsClient, paginateFilterLogEvents } from '@aws-sdk/client-cloudwatch-logs';
import { awsClient, type AwsScope } from './clients';

export interface LogLine {
  timestamp: number;
  message: string;
  stream: string;
}

/** Lambda text logs: ERROR lines, timeouts (which carry no ERROR token) and runtime exits. */
export const LAMBDA_ERROR_PATTERN = '?ERROR ?"Task timed out" ?"Runtime.ExitError"';

/**
 * Matching lines in a window, oldest first, at most `max`. A group that does not exist yet is an
 * empty answer: a Lambda's group appears only when it first logs.
 */
export async function filterLogLines(
  scope: AwsScope,
  input: { group: string; pattern: string; startMs: number; endMs: number; max: number },
): Promise<LogLine[]> {
  const lines: LogLine[] = [];
  try {
    const pages = paginateFilterLogEvents(
      { client: awsClient(CloudWatchLogsClient, scope) },
      { logGroupName: input.group, filterPattern: input.pattern, startTime: input.startMs, endTime: input.endMs },
    );
    for await (const page of pages) {
      for (const e of page.events ?? []) {
        lines.push({ timestamp: e.timestamp ?? 0, message: e.message ?? '', stream: e.logStreamName ?? '' });
        if (lines.length >= input.max) return lines;
      }
    }
  } catch (err) {
    if ((err as { name?: string }).name === 'ResourceNotFoundException') return [];
    throw err;
  }
  return lines;
}
