/**
 * CloudWatch Logs (awsJson1_1, `X-Amz-Target: Logs_20140328.<Op>`, camelCase members, §1.4, §7.1):
 * FilterLogEvents over the in-memory LogStore. Other operations (DescribeLogGroups included, which
 * the conditions contract test relies on) answer UnknownOperationException.
 */
import { AwsError } from './errors';
import { compileFilterPattern } from './log-filter';
import { type CallContext, type Operation } from './operation';
import { type JsonReply } from './respond';

const MAX_EVENTS = 10_000;
/** A page is also cut at about 1 MB, as CloudWatch does. */
const MAX_PAGE_BYTES = 1024 * 1024;
const TOKEN_PREFIX = 'sim-logs1:';

const invalidParameter = (message: string): AwsError => new AwsError('InvalidParameterException', message, 400);

const groupNotFound = (): AwsError =>
  new AwsError('ResourceNotFoundException', 'The specified log group does not exist.', 400);

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

function int(json: Record<string, unknown>, key: string, min: number, max: number): number | undefined {
  const v = json[key];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) {
    throw invalidParameter(
      `1 validation error detected: Value '${String(v)}' at '${key}' failed to satisfy constraint: ` +
        `Member must have value between ${min} and ${max}`,
    );
  }
  return v;
}

const groupArn = (ctx: CallContext, name: string): string =>
  `arn:aws:logs:${ctx.region}:${ctx.identity.account}:log-group:${name}`;

/** `logGroupIdentifier` takes a name or an ARN (with or without the trailing `:*`). */
function groupName(ctx: CallContext): string {
  const name = str(ctx.json.logGroupName);
  const identifier = str(ctx.json.logGroupIdentifier);
  if ((name === undefined) === (identifier === undefined)) {
    throw invalidParameter(
      'LogGroupName and LogGroupIdentifier are mutually exclusive; exactly one must be specified.',
    );
  }
  if (name !== undefined) return name;
  const m = /^arn:aws[a-z-]*:logs:([^:]+):(\d{12}):log-group:(.+?)(?::\*)?$/.exec(identifier ?? '');
  if (!m) return identifier ?? '';
  if (m[1] !== ctx.region || m[2] !== ctx.identity.account) throw groupNotFound();
  return m[3] ?? '';
}

const encodeToken = (eventId: string): string => Buffer.from(`${TOKEN_PREFIX}${eventId}`).toString('base64url');

function decodeToken(token: unknown): string | undefined {
  if (token === undefined || token === null) return undefined;
  const decoded = typeof token === 'string' ? Buffer.from(token, 'base64url').toString('utf8') : '';
  const eventId = decoded.slice(TOKEN_PREFIX.length);
  if (!decoded.startsWith(TOKEN_PREFIX) || !/^\d{56}$/.test(eventId)) {
    throw invalidParameter('The specified nextToken is invalid.');
  }
  return eventId;
}

function filterLogEvents(ctx: CallContext): JsonReply {
  const { json } = ctx;
  const name = groupName(ctx);
  if (!ctx.world.logs.group(ctx.identity.account, ctx.region, name)) throw groupNotFound();
  const streamNames = Array.isArray(json.logStreamNames)
    ? json.logStreamNames.filter((s) => typeof s === 'string')
    : [];
  const prefix = str(json.logStreamNamePrefix);
  if (streamNames.length > 0 && prefix !== undefined) {
    throw invalidParameter('Cannot specify both logStreamNames and logStreamNamePrefix');
  }
  const start = int(json, 'startTime', 0, Number.MAX_SAFE_INTEGER);
  const end = int(json, 'endTime', 0, Number.MAX_SAFE_INTEGER);
  const limit = int(json, 'limit', 1, MAX_EVENTS) ?? MAX_EVENTS;
  const after = decodeToken(json.nextToken);
  const matches = compileFilterPattern(str(json.filterPattern));

  const keep = (e: { logStreamName: string; timestamp: number; message: string; eventId: string }) =>
    (after === undefined || e.eventId > after) &&
    (streamNames.length === 0 || streamNames.includes(e.logStreamName)) &&
    (prefix === undefined || e.logStreamName.startsWith(prefix)) &&
    (start === undefined || e.timestamp >= start) &&
    (end === undefined || e.timestamp <= end) &&
    matches(e.message);

  const events: Record<string, unknown>[] = [];
  let bytes = 0;
  let last: string | undefined;
  let more = false;
  for (const e of ctx.world.logs.events(ctx.identity.account, ctx.region, name)) {
    if (!keep(e)) continue;
    if (events.length >= limit || bytes + e.message.length > MAX_PAGE_BYTES) {
      more = true;
      break;
    }
    bytes += e.message.length + 26;
    last = e.eventId;
    events.push({
      logStreamName: e.logStreamName,
      timestamp: e.timestamp,
      message: e.message,
      ingestionTime: e.ingestionTime,
      eventId: e.eventId,
    });
  }
  // No token on the last page: the SDK's paginator loops for as long as one comes back (§8.7).
  return {
    body: { events, searchedLogStreams: [], ...(more && last ? { nextToken: encodeToken(last) } : {}) },
  };
}

const groupResource = (ctx: CallContext): string => {
  const name = str(ctx.json.logGroupName) ?? str(ctx.json.logGroupIdentifier) ?? '*';
  return name.startsWith('arn:') ? name : `${groupArn(ctx, name)}:*`;
};

export const LOGS_OPERATIONS: Operation[] = [
  { name: 'FilterLogEvents', action: 'logs:FilterLogEvents', resource: groupResource, run: filterLogEvents },
];
