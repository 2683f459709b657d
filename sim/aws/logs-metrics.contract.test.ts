/**
 * Contract tests of CloudWatch Logs FilterLogEvents (awsJson1_1) and CloudWatch GetMetricData
 * (awsJson1_0, query-compatible errors) through the real SDK clients (aws-semantics §1.1, §7).
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  CloudWatchLogsClient,
  FilterLogEventsCommand,
  ResourceNotFoundException,
  paginateFilterLogEvents,
} from '@aws-sdk/client-cloudwatch-logs';
import { CloudWatchClient, GetMetricDataCommand, type MetricDataQuery } from '@aws-sdk/client-cloudwatch';
import { clientConfig, control, failure, startSims, type Sims } from './contract-support';
import { LOG_GROUP } from './collector-support';

let sims: Sims;
beforeAll(async () => {
  sims = await startSims();
});
afterAll(() => sims.close());
beforeEach(async () => {
  await control(sims, 'reset');
});

const T0 = Date.UTC(2026, 11, 1, 10, 0, 0);
const LINES = [
  'START RequestId: a Version: $LATEST',
  '2026-12-01T10:00:01.000Z\ta\tINFO\tProcessing 1 Kinesis record(s)',
  '2026-12-01T10:00:02.000Z\ta\tERROR\tInvoke Error \t{"errorType":"Error","errorMessage":"boom"}',
  '2026-12-01T10:00:03.000Z\tb\tWARN\tAWSC0014 Error updating endpoints',
  '2026-12-01T10:00:04.000Z c Task timed out after 3.00 seconds',
  'END RequestId: a',
];

function seedLines(): void {
  const lines = LINES.map((message, i) => ({ timestamp: T0 + i * 1000, message }));
  // Two streams, interleaved in time: FilterLogEvents merges them by timestamp.
  sims.aws.world.logs.append(
    '111111111111',
    'us-east-1',
    LOG_GROUP,
    '2026/12/01/[$LATEST]aaa',
    lines.filter((_, i) => i % 2 === 0),
  );
  sims.aws.world.logs.append(
    '111111111111',
    'us-east-1',
    LOG_GROUP,
    '2026/12/01/[$LATEST]bbb',
    lines.filter((_, i) => i % 2 === 1),
  );
}

const logs = () => new CloudWatchLogsClient(clientConfig(sims, 'us-east-1'));

async function matching(filterPattern?: string, extra: { startTime?: number; endTime?: number } = {}) {
  const out = await logs().send(new FilterLogEventsCommand({ logGroupName: LOG_GROUP, filterPattern, ...extra }));
  return (out.events ?? []).map((e) => LINES.indexOf(e.message!.replace(/\n$/, '')));
}

describe('FilterLogEvents', () => {
  it('matches terms, optional terms, exclusions, phrases and regexes (case-sensitive)', async () => {
    seedLines();
    expect(await matching()).toEqual([0, 1, 2, 3, 4, 5]);
    expect(await matching('""')).toEqual([0, 1, 2, 3, 4, 5]);
    expect(await matching('ERROR')).toEqual([2]);
    expect(await matching('invoke')).toEqual([]);
    expect(await matching('Invoke')).toEqual([2]);
    expect(await matching('?ERROR ?"Task timed out"')).toEqual([2, 4]);
    expect(await matching('RequestId -START')).toEqual([5]);
    expect(await matching('"Error updating"')).toEqual([3]);
    expect(await matching('%[Ee]rror%')).toEqual([2, 3]);
    const bad = await failure(
      logs().send(new FilterLogEventsCommand({ logGroupName: LOG_GROUP, filterPattern: '"open' })),
    );
    expect(bad.name).toBe('InvalidParameterException');
  });

  it('returns the event shape, respects the time window, and reads a group by ARN', async () => {
    seedLines();
    const out = await logs().send(
      new FilterLogEventsCommand({ logGroupName: LOG_GROUP, startTime: T0 + 1000, endTime: T0 + 3000 }),
    );
    expect(out.events?.map((e) => e.timestamp)).toEqual([T0 + 1000, T0 + 2000, T0 + 3000]);
    const e = out.events![0]!;
    expect(e.logStreamName).toBe('2026/12/01/[$LATEST]bbb');
    expect(e.message).toMatch(/\n$/);
    expect(e.eventId).toMatch(/^\d{56}$/);
    expect(e.ingestionTime).toBeGreaterThanOrEqual(e.timestamp!);
    expect(out.nextToken).toBeUndefined();
    const byArn = await logs().send(
      new FilterLogEventsCommand({
        logGroupIdentifier: `arn:aws:logs:us-east-1:111111111111:log-group:${LOG_GROUP}:*`,
        filterPattern: 'END',
      }),
    );
    expect(byArn.events).toHaveLength(1);
  });

  it('pages with opaque tokens until the last page, which has none', async () => {
    seedLines();
    const pages = paginateFilterLogEvents({ client: logs() }, { logGroupName: LOG_GROUP, limit: 4 });
    const seen: { count: number; token?: string }[] = [];
    const messages: string[] = [];
    for await (const page of pages) {
      seen.push({ count: page.events?.length ?? 0, token: page.nextToken });
      messages.push(...(page.events ?? []).map((e) => e.message!));
    }
    expect(seen.map((p) => p.count)).toEqual([4, 2]);
    expect(seen[0]!.token).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(seen[1]!.token).toBeUndefined();
    expect(messages.map((m) => m.replace(/\n$/, ''))).toEqual(LINES);
  });

  it('answers ResourceNotFoundException for a group that does not exist', async () => {
    const err = await failure(logs().send(new FilterLogEventsCommand({ logGroupName: '/aws/lambda/nope' })));
    expect(err).toBeInstanceOf(ResourceNotFoundException);
    expect([err.message, err.$metadata.httpStatusCode]).toEqual(['The specified log group does not exist.', 400]);
  });
});

const query = (id: string, stat = 'Sum', period = 300, fn = 'alertlogic-cwe-collector'): MetricDataQuery => ({
  Id: id,
  MetricStat: {
    Metric: { Namespace: 'AWS/Lambda', MetricName: 'Invocations', Dimensions: [{ Name: 'FunctionName', Value: fn }] },
    Period: period,
    Stat: stat,
  },
});

describe('GetMetricData', () => {
  it('aggregates periods newest first, with epoch timestamps, per stat', async () => {
    const start = Math.floor(Date.now() / 3_600_000) * 3_600_000 - 3_600_000;
    const put = (minutes: number, value: number) =>
      sims.aws.world.metrics.put(
        '111111111111',
        'us-east-1',
        'AWS/Lambda',
        'Invocations',
        { Name: 'FunctionName', Value: 'alertlogic-cwe-collector' },
        value,
        start + minutes * 60_000 + 5_000,
      );
    put(2, 1);
    put(3, 3);
    put(12, 2);
    put(40, 5);
    const cw = new CloudWatchClient(clientConfig(sims, 'us-east-1'));
    const out = await cw.send(
      new GetMetricDataCommand({
        MetricDataQueries: [
          query('sum'),
          query('avg', 'Average'),
          query('max', 'Maximum'),
          query('none', 'Sum', 60, 'other'),
        ],
        StartTime: new Date(start),
        EndTime: new Date(start + 3_600_000),
      }),
    );
    const [sum, avg, max, none] = out.MetricDataResults!;
    expect(sum!.Timestamps!.map((t) => (t.getTime() - start) / 60_000)).toEqual([40, 10, 0]);
    expect(sum!.Values).toEqual([5, 2, 4]);
    expect([sum!.Label, sum!.StatusCode]).toEqual(['Invocations', 'Complete']);
    expect(avg!.Values).toEqual([5, 2, 2]);
    expect(max!.Values).toEqual([5, 2, 3]);
    expect([none!.Timestamps, none!.Values, none!.StatusCode]).toEqual([[], [], 'Complete']);
  });

  it('refuses an Id that does not start with a lowercase letter, with query-compatible error fields', async () => {
    const cw = new CloudWatchClient(clientConfig(sims, 'us-east-1'));
    const now = Date.now();
    const err = await failure(
      cw.send(
        new GetMetricDataCommand({
          MetricDataQueries: [query('Inv')],
          StartTime: new Date(now - 60_000),
          EndTime: new Date(now),
        }),
      ),
    );
    const e = err as typeof err & { Code?: string; Type?: string };
    expect([e.name, e.Code, e.Type, e.$metadata.httpStatusCode]).toEqual([
      'InvalidParameterValueException',
      'InvalidParameterValue',
      'Sender',
      400,
    ]);
    expect(e.message).toContain('^[a-z][a-zA-Z0-9_]*$');
    const period = await failure(
      cw.send(
        new GetMetricDataCommand({
          MetricDataQueries: [query('inv', 'Sum', 90)],
          StartTime: new Date(now - 60_000),
          EndTime: new Date(now),
        }),
      ),
    );
    expect(period.message).toBe('The parameter MetricDataQueries.member.1.MetricStat.Period must be a multiple of 60.');
  });
});
