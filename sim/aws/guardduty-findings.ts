/**
 * GuardDuty findings (restJson1, camelCase; §1.5, §5): ListFindings, GetFindings and
 * CreateSampleFindings. New and updated findings of an ENABLED detector go to EventBridge, so the
 * collector pipeline picks them up (collector/pipeline.ts).
 */
import { DEFAULT_SAMPLE_TYPES } from './finding-catalog';
import { findingFilter, findingOrder } from './finding-criteria';
import { findingWire, isKnownFindingType, recordSample } from './findings';
import { badRequest, detectorArn, INVALID_INPUT, ownedDetector } from './guardduty';
import { type CallContext, type RestRoute } from './operation';
import { type JsonReply } from './respond';

const MAX_RESULTS = 50;
const MAX_IDS = 50;
const TOKEN_PREFIX = 'sim-gd1:';

function maxResults(value: unknown): number {
  if (value === undefined || value === null) return MAX_RESULTS;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > MAX_RESULTS) {
    throw badRequest(INVALID_INPUT);
  }
  return value;
}

function offsetOf(token: unknown): number {
  if (token === undefined || token === null || token === '') return 0;
  const decoded = typeof token === 'string' ? Buffer.from(token, 'base64url').toString('utf8') : '';
  const offset = Number(decoded.slice(TOKEN_PREFIX.length));
  if (!decoded.startsWith(TOKEN_PREFIX) || !Number.isInteger(offset) || offset < 0) {
    throw badRequest('The request is rejected because an invalid or out-of-range value is specified for nextToken.');
  }
  return offset;
}

function listFindings(ctx: CallContext): JsonReply {
  const detector = ownedDetector(ctx);
  const { json } = ctx;
  const keep = findingFilter(json.findingCriteria);
  const order = findingOrder(json.sortCriteria);
  const size = maxResults(json.maxResults);
  const offset = offsetOf(json.nextToken);
  const matching = ctx.world.findings.filter((f) => f.detectorId === detector.id && keep(f)).sort(order);
  const page = matching.slice(offset, offset + size);
  // A token only while findings remain: the SDK paginator stops when it is absent.
  const next =
    offset + size < matching.length ? Buffer.from(`${TOKEN_PREFIX}${offset + size}`).toString('base64url') : undefined;
  return { body: { findingIds: page.map((f) => f.id), ...(next ? { nextToken: next } : {}) } };
}

function getFindings(ctx: CallContext): JsonReply {
  const detector = ownedDetector(ctx);
  const ids = ctx.json.findingIds;
  if (!Array.isArray(ids) || ids.length > MAX_IDS || !ids.every((id) => typeof id === 'string')) {
    throw badRequest(INVALID_INPUT);
  }
  const wanted = new Set(ids as string[]);
  // Unknown ids are simply not returned, as GuardDuty does.
  const found = ctx.world.findings.filter((f) => f.detectorId === detector.id && wanted.has(f.id));
  if (ctx.json.sortCriteria !== undefined) found.sort(findingOrder(ctx.json.sortCriteria));
  return { body: { findings: found.map(findingWire) } };
}

function createSampleFindings(ctx: CallContext): JsonReply {
  const detector = ownedDetector(ctx);
  const raw = ctx.json.findingTypes;
  if (raw !== undefined && (!Array.isArray(raw) || raw.length > MAX_IDS)) throw badRequest(INVALID_INPUT);
  const requested = (raw as unknown[] | undefined) ?? [];
  if (!requested.every((t) => typeof t === 'string' && isKnownFindingType(t))) {
    throw badRequest('An invalid finding type is specified.');
  }
  const types = requested.length > 0 ? [...new Set(requested as string[])] : DEFAULT_SAMPLE_TYPES;
  const now = new Date();
  for (const type of types) ctx.pipeline.publish(recordSample(ctx.world, detector, type, now));
  return { body: {} };
}

export const FINDING_ROUTES: RestRoute[] = [
  {
    method: 'POST',
    pattern: /^\/detector\/([^/]+)\/findings$/,
    name: 'ListFindings',
    action: 'guardduty:ListFindings',
    resource: detectorArn,
    run: listFindings,
  },
  {
    method: 'POST',
    pattern: /^\/detector\/([^/]+)\/findings\/get$/,
    name: 'GetFindings',
    action: 'guardduty:GetFindings',
    resource: detectorArn,
    run: getFindings,
  },
  {
    method: 'POST',
    pattern: /^\/detector\/([^/]+)\/findings\/create$/,
    name: 'CreateSampleFindings',
    action: 'guardduty:CreateSampleFindings',
    resource: detectorArn,
    run: createSampleFindings,
  },
];
