import 'server-only';
/** CloudWatch metrics: the collector pipeline's counters, summed over a window, in one call. */
import { CloudWatchClient, GetMetricDataCommand, type MetricDataQuery } from '@aws-sdk/client-cloudwatch';
import { awsClient, type AwsScope } from './clients';

export interface MetricSpec {
  id: string;
  namespace: string;
  name: string;
  dimension: { name: string; value: string };
  stat?: 'Sum' | 'Maximum' | 'Average';
}

export interface MetricSeries {
  total: number;
  /** Datapoints, newest first: [period start (ms), value]. */
  points: [number, number][];
}

/** One GetMetricData for every metric, in periods of `periodS`: totals and the newest period. */
export async function metricSeries(
  scope: AwsScope,
  specs: MetricSpec[],
  startMs: number,
  endMs: number,
  periodS: number,
): Promise<Record<string, MetricSeries>> {
  const result: Record<string, MetricSeries> = Object.fromEntries(specs.map((s) => [s.id, { total: 0, points: [] }]));
  if (specs.length === 0) return result;
  // Align the window to whole periods, or CloudWatch's minute rounding leaves a tiny last bucket.
  const periodMs = periodS * 1000;
  const alignedEnd = Math.ceil(endMs / periodMs) * periodMs;
  const alignedStart = alignedEnd - Math.ceil((endMs - startMs) / periodMs) * periodMs;
  const out = await awsClient(CloudWatchClient, scope).send(
    new GetMetricDataCommand({
      MetricDataQueries: specs.map((s) => ({
        Id: s.id,
        MetricStat: {
          Metric: {
            Namespace: s.namespace,
            MetricName: s.name,
            Dimensions: [{ Name: s.dimension.name, Value: s.dimension.value }],
          },
          Period: periodS,
          Stat: s.stat ?? 'Sum',
        },
      })),
      StartTime: new Date(alignedStart),
      EndTime: new Date(alignedEnd),
      ScanBy: 'TimestampDescending',
    }),
  );
  for (const r of out.MetricDataResults ?? []) {
    const spec = specs.find((s) => s.id === r.Id);
    if (!spec || !r.Id) continue;
    const values = r.Values ?? [];
    const stamps = r.Timestamps ?? [];
    result[r.Id] = {
      total: spec.stat === 'Maximum' ? Math.max(0, ...values) : values.reduce((a, b) => a + b, 0),
      points: values.map((v, i): [number, number] => [stamps[i]?.getTime() ?? 0, v]).sort((a, b) => b[0] - a[0]),
    };
  }
  return result;
}

/** One GetMetricData for every metric: sums (or max) over the window per id; 0 when no data. */
export async function metricTotals(
  scope: AwsScope,
  specs: MetricSpec[],
  startMs: number,
  endMs: number,
): Promise<Record<string, number>> {
  if (specs.length === 0) return {};
  const period = Math.max(60, Math.ceil((endMs - startMs) / 1000 / 60) * 60);
  const queries: MetricDataQuery[] = specs.map((s) => ({
    Id: s.id,
    MetricStat: {
      Metric: {
        Namespace: s.namespace,
        MetricName: s.name,
        Dimensions: [{ Name: s.dimension.name, Value: s.dimension.value }],
      },
      Period: period,
      Stat: s.stat ?? 'Sum',
    },
  }));
  const out = await awsClient(CloudWatchClient, scope).send(
    new GetMetricDataCommand({ MetricDataQueries: queries, StartTime: new Date(startMs), EndTime: new Date(endMs) }),
  );
  const totals: Record<string, number> = Object.fromEntries(specs.map((s) => [s.id, 0]));
  for (const r of out.MetricDataResults ?? []) {
    const spec = specs.find((s) => s.id === r.Id);
    if (!spec || !r.Id) continue;
    const values = r.Values ?? [];
    totals[r.Id] = spec.stat === 'Maximum' ? Math.max(0, ...values) : values.reduce((a, b) => a + b, 0);
  }
  return totals;
}
