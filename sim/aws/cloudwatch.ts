/**
 * CloudWatch metrics (awsJson1_0 + awsQueryCompatible, `X-Amz-Target:
 * GraniteServiceVersion20100801.<Op>`, PascalCase members, epoch-second numbers; §1.1, §7.5):
 * GetMetricData over the MetricStore. StartTime is rounded down and EndTime up to the minute;
 * periods start at the rounded StartTime; empty periods are left out; newest first by default.
 */
import { AwsError } from './errors';
import { type Dimension, type Sample } from './metrics';
import { type CallContext, type Operation } from './operation';
import { type JsonReply } from './respond';

const ID = /^[a-z][a-zA-Z0-9_]*$/;
const STATS = new Set(['Sum', 'Average', 'Maximum', 'Minimum', 'SampleCount']);
const HIGH_RESOLUTION_PERIODS = new Set([1, 5, 10, 20, 30]);
const MAX_QUERIES = 500;

const invalidValue = (message: string): AwsError =>
  new AwsError('InvalidParameterValueException', message, 400, { queryCode: 'InvalidParameterValue' });

const missing = (name: string): AwsError =>
  new AwsError('MissingRequiredParameterException', `The parameter ${name} is required.`, 400, {
    queryCode: 'MissingParameter',
  });

interface Query {
  id: string;
  label?: string;
  returnData: boolean;
  namespace: string;
  metricName: string;
  dimensions: Dimension[];
  periodS: number;
  stat: string;
}

const obj = (v: unknown): Record<string, unknown> =>
  v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};

function epochSeconds(json: Record<string, unknown>, key: string): number {
  const v = json[key];
  if (v === undefined || v === null) throw missing(key);
  // The 1.0 protocol sends numbers; an ISO string is tolerated for hand-written callers.
  const n = typeof v === 'number' ? v : typeof v === 'string' ? Date.parse(v) / 1000 : NaN;
  if (!Number.isFinite(n)) throw invalidValue(`The parameter ${key} must be a valid timestamp.`);
  return n;
}

function readQuery(raw: unknown, n: number, seen: Set<string>): Query {
  const q = obj(raw);
  const at = `MetricDataQueries.member.${n}`;
  const id = typeof q.Id === 'string' ? q.Id : '';
  if (!ID.test(id)) {
    throw invalidValue(
      `The value ${id} for parameter ${at}.Id is not matching the expected pattern ^[a-z][a-zA-Z0-9_]*$.`,
    );
  }
  if (seen.has(id)) throw invalidValue('The values for parameter id in MetricDataQueries must be unique.');
  seen.add(id);
  if (q.Expression !== undefined) {
    throw invalidValue(`${at}.Expression: metric math expressions are not supported by this simulator.`);
  }
  const stat = obj(q.MetricStat);
  const metric = obj(stat.Metric);
  if (q.MetricStat === undefined) throw missing(`${at}.MetricStat`);
  if (typeof metric.Namespace !== 'string' || typeof metric.MetricName !== 'string') {
    throw missing(`${at}.MetricStat.Metric.MetricName`);
  }
  const period = stat.Period;
  if (typeof period !== 'number' || !Number.isInteger(period) || period < 1) throw missing(`${at}.MetricStat.Period`);
  if (period % 60 !== 0 && !HIGH_RESOLUTION_PERIODS.has(period)) {
    throw invalidValue(`The parameter ${at}.MetricStat.Period must be a multiple of 60.`);
  }
  if (typeof stat.Stat !== 'string' || !STATS.has(stat.Stat)) {
    throw invalidValue(`The parameter ${at}.MetricStat.Stat must be a valid statistic.`);
  }
  const dimensions = (Array.isArray(metric.Dimensions) ? metric.Dimensions : []).map((d) => {
    const dim = obj(d);
    return { Name: String(dim.Name ?? ''), Value: String(dim.Value ?? '') };
  });
  return {
    id,
    label: typeof q.Label === 'string' ? q.Label : undefined,
    returnData: q.ReturnData !== false,
    namespace: metric.Namespace,
    metricName: metric.MetricName,
    dimensions,
    periodS: period,
    stat: stat.Stat,
  };
}

function aggregate(values: number[], stat: string): number {
  switch (stat) {
    case 'Sum':
      return values.reduce((a, b) => a + b, 0);
    case 'Average':
      return values.reduce((a, b) => a + b, 0) / values.length;
    case 'Maximum':
      return Math.max(...values);
    case 'Minimum':
      return Math.min(...values);
    default:
      return values.length;
  }
}

/** Buckets of `periodS` from `startS`; a sample counts in the minute it was published in (1-minute metrics). */
function periods(samples: Sample[], q: Query, startS: number, endS: number): Map<number, number[]> {
  const buckets = new Map<number, number[]>();
  for (const s of samples) {
    const minuteS = q.periodS >= 60 ? Math.floor(s.at / 60_000) * 60 : Math.floor(s.at / 1000);
    if (minuteS < startS || minuteS >= endS) continue;
    const bucket = startS + Math.floor((minuteS - startS) / q.periodS) * q.periodS;
    const list = buckets.get(bucket) ?? [];
    list.push(s.value);
    buckets.set(bucket, list);
  }
  return buckets;
}

function getMetricData(ctx: CallContext): JsonReply {
  const { json } = ctx;
  const raw = json.MetricDataQueries;
  if (!Array.isArray(raw) || raw.length === 0) throw missing('MetricDataQueries');
  if (raw.length > MAX_QUERIES)
    throw invalidValue(`The collection MetricDataQueries must not have a size greater than ${MAX_QUERIES}.`);
  const startS = Math.floor(epochSeconds(json, 'StartTime') / 60) * 60;
  const endS = Math.ceil(epochSeconds(json, 'EndTime') / 60) * 60;
  if (startS >= endS) throw invalidValue('The parameter StartTime must be less than the parameter EndTime.');
  const scanBy = json.ScanBy ?? 'TimestampDescending';
  if (scanBy !== 'TimestampDescending' && scanBy !== 'TimestampAscending') {
    throw invalidValue('The parameter ScanBy must be TimestampDescending or TimestampAscending.');
  }
  const seen = new Set<string>();
  const queries = raw.map((q, i) => readQuery(q, i + 1, seen));

  const results = queries
    .filter((q) => q.returnData)
    .map((q) => {
      const samples = ctx.world.metrics.samples(
        ctx.identity.account,
        ctx.region,
        q.namespace,
        q.metricName,
        q.dimensions,
      );
      const buckets = [...periods(samples, q, startS, endS)].sort((a, b) =>
        scanBy === 'TimestampDescending' ? b[0] - a[0] : a[0] - b[0],
      );
      return {
        Id: q.id,
        Label: q.label ?? q.metricName,
        Timestamps: buckets.map(([t]) => t),
        Values: buckets.map(([, values]) => aggregate(values, q.stat)),
        StatusCode: 'Complete',
        Messages: [],
      };
    });
  return { body: { MetricDataResults: results, Messages: [] } };
}

export const CLOUDWATCH_OPERATIONS: Operation[] = [
  { name: 'GetMetricData', action: 'cloudwatch:GetMetricData', run: getMetricData },
];
