/**
 * An in-memory CloudWatch metrics store: raw samples per (account, region, namespace, metric,
 * dimensions). The collector pipeline writes them (AWS/Lambda, AWS/Kinesis, AWS/Events);
 * GetMetricData (cloudwatch.ts) aggregates them into periods.
 */

export interface Dimension {
  Name: string;
  Value: string;
}

export interface Sample {
  /** Epoch milliseconds. */
  at: number;
  value: number;
}

interface Series {
  account: string;
  region: string;
  namespace: string;
  metricName: string;
  dimensions: Dimension[];
  samples: Sample[];
}

const dimensionKey = (dimensions: Dimension[]): string =>
  [...dimensions]
    .sort((a, b) => a.Name.localeCompare(b.Name))
    .map((d) => `${d.Name}=${d.Value}`)
    .join(',');

const seriesKey = (account: string, region: string, namespace: string, metric: string, dims: Dimension[]) =>
  `${account}|${region}|${namespace}|${metric}|${dimensionKey(dims)}`;

/** The metric names the collector's pipeline emits, and the one dimension each is published under. */
export const LAMBDA = 'AWS/Lambda';
export const KINESIS = 'AWS/Kinesis';
export const EVENTS = 'AWS/Events';

export class MetricStore {
  private series = new Map<string, Series>();

  clear(): void {
    this.series.clear();
  }

  put(
    account: string,
    region: string,
    namespace: string,
    metricName: string,
    dimension: Dimension,
    value: number,
    at = Date.now(),
  ): void {
    const dimensions = [dimension];
    const key = seriesKey(account, region, namespace, metricName, dimensions);
    let s = this.series.get(key);
    if (!s) {
      s = { account, region, namespace, metricName, dimensions, samples: [] };
      this.series.set(key, s);
    }
    s.samples.push({ at, value });
  }

  /** A query matches the series with exactly its dimensions, as CloudWatch does. */
  samples(account: string, region: string, namespace: string, metricName: string, dims: Dimension[]): Sample[] {
    return this.series.get(seriesKey(account, region, namespace, metricName, dims))?.samples ?? [];
  }

  /** Sum of a series' samples at or after `sinceMs`. */
  sum(account: string, region: string, namespace: string, metricName: string, dim: Dimension, sinceMs = 0): number {
    return this.samples(account, region, namespace, metricName, [dim])
      .filter((s) => s.at >= sinceMs)
      .reduce((n, s) => n + s.value, 0);
  }

  /** `"<account>/<region>"` → counter name → all-time total (every dimension), for the control state. */
  summary(): Record<string, Record<string, number>> {
    const out: Record<string, Record<string, number>> = {};
    for (const s of this.series.values()) {
      // Gauges (milliseconds) make no sense as totals.
      if (s.metricName === 'IteratorAge' || s.metricName === 'Duration') continue;
      const cell = (out[`${s.account}/${s.region}`] ??= {});
      const total = s.samples.reduce((n, x) => n + x.value, 0);
      const name = s.metricName === 'Invocations' && s.namespace === EVENTS ? 'RuleInvocations' : s.metricName;
      cell[name] = (cell[name] ?? 0) + total;
    }
    return out;
  }

  /** The newest sample time of a series, if any. */
  latest(account: string, region: string, namespace: string, metricName: string, dim: Dimension): number | undefined {
    const samples = this.samples(account, region, namespace, metricName, [dim]);
    return samples.reduce<number | undefined>((m, s) => (m === undefined || s.at > m ? s.at : m), undefined);
  }
}
