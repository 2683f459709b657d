/** GuardDuty (restJson1, camelCase wire names): one detector per account and region (§1.5, §5). */
import { AwsError } from './errors';
import { randomHex } from './ids';
import { type CallContext, type RestRoute } from './operation';
import { type JsonReply } from './respond';
import { type Detector } from './world-types';

const FREQUENCIES = new Set(['FIFTEEN_MINUTES', 'ONE_HOUR', 'SIX_HOURS']);

/** GuardDuty's real errors: header BadRequestException, body `__type` InvalidInputException. */
export const badRequest = (message: string): AwsError =>
  new AwsError('BadRequestException', message, 400, { body: { message, __type: 'InvalidInputException' } });

export const INVALID_INPUT =
  'The request is rejected because an invalid or out-of-range value is specified as an input parameter.';

export const detectorArn = (ctx: CallContext): string =>
  `arn:aws:guardduty:${ctx.region}:${ctx.identity.account}:detector/${ctx.pathParams[0] ?? '*'}`;

export function ownedDetector(ctx: CallContext): Detector {
  const detector = ctx.world.detectorIn(ctx.identity.account, ctx.region);
  if (!detector || detector.id !== ctx.pathParams[0]) {
    throw badRequest('The request is rejected because the input detectorId is not owned by the current account.');
  }
  return detector;
}

function frequencyOf(json: Record<string, unknown>): string | undefined {
  const value = json.findingPublishingFrequency;
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !FREQUENCIES.has(value)) throw badRequest(INVALID_INPUT);
  return value;
}

function listDetectors(ctx: CallContext): JsonReply {
  const detector = ctx.world.detectorIn(ctx.identity.account, ctx.region);
  return { body: { detectorIds: detector ? [detector.id] : [] } };
}

function getDetector(ctx: CallContext): JsonReply {
  const d = ownedDetector(ctx);
  return {
    body: {
      createdAt: d.createdAt.toISOString(),
      updatedAt: d.updatedAt.toISOString(),
      findingPublishingFrequency: d.findingPublishingFrequency,
      serviceRole: `arn:aws:iam::${d.account}:role/aws-service-role/guardduty.amazonaws.com/AWSServiceRoleForAmazonGuardDuty`,
      status: d.status,
      tags: d.tags,
    },
  };
}

function createDetector(ctx: CallContext): JsonReply {
  const { world, identity, region, json } = ctx;
  if (typeof json.enable !== 'boolean') throw badRequest(INVALID_INPUT);
  const frequency = frequencyOf(json);
  const clientToken = typeof json.clientToken === 'string' ? json.clientToken : undefined;
  const existing = world.detectorIn(identity.account, region);
  if (existing) {
    // A retry carrying the same idempotency token gets the detector it made.
    if (clientToken && existing.clientToken === clientToken) return { body: { detectorId: existing.id } };
    throw badRequest('The request is rejected because a detector already exists for the current account.');
  }
  const now = new Date();
  const tags = json.tags && typeof json.tags === 'object' ? (json.tags as Record<string, string>) : {};
  const detector: Detector = {
    id: randomHex(32),
    account: identity.account,
    region,
    status: json.enable ? 'ENABLED' : 'DISABLED',
    createdAt: now,
    updatedAt: now,
    findingPublishingFrequency: frequency ?? 'SIX_HOURS',
    clientToken,
    tags,
  };
  world.putDetector(detector);
  return { body: { detectorId: detector.id } };
}

function updateDetector(ctx: CallContext): JsonReply {
  const detector = ownedDetector(ctx);
  const { json } = ctx;
  if (json.enable !== undefined && typeof json.enable !== 'boolean') throw badRequest(INVALID_INPUT);
  const frequency = frequencyOf(json);
  if (typeof json.enable === 'boolean') detector.status = json.enable ? 'ENABLED' : 'DISABLED';
  if (frequency) detector.findingPublishingFrequency = frequency;
  detector.updatedAt = new Date();
  return { body: {} };
}

export const GUARDDUTY_ROUTES: RestRoute[] = [
  {
    method: 'GET',
    pattern: /^\/detector$/,
    name: 'ListDetectors',
    action: 'guardduty:ListDetectors',
    resource: detectorArn,
    run: listDetectors,
  },
  {
    method: 'POST',
    pattern: /^\/detector$/,
    name: 'CreateDetector',
    action: 'guardduty:CreateDetector',
    resource: detectorArn,
    run: createDetector,
  },
  {
    method: 'GET',
    pattern: /^\/detector\/([^/]+)$/,
    name: 'GetDetector',
    action: 'guardduty:GetDetector',
    resource: detectorArn,
    run: getDetector,
  },
  {
    method: 'POST',
    pattern: /^\/detector\/([^/]+)$/,
    name: 'UpdateDetector',
    action: 'guardduty:UpdateDetector',
    resource: detectorArn,
    run: updateDetector,
  },
];
