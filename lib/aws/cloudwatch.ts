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
