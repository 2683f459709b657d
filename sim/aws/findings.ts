/**
 * GuardDuty findings: making them (samples, seeded history, control-made ones), and their wire
 * form (camelCase, ISO createdAt/updatedAt; §1.5, §5).
 */
import { iamUniqueId, randomHex, randomUpperAlnum, stableHex } from './ids';
import { FINDING_TYPES, findingTypeInfo, type ResourceKind } from './finding-catalog';
import { type AwsWorld } from './world';
import { type Detector, type Finding } from './world-types';

export interface NewFinding {
  detector: Detector;
  type: string;
  severity?: number;
  title?: string;
  description?: string;
  at?: Date;
  /** When the activity was first seen (default: `at`). */
  firstSeen?: Date;
  count?: number;
  archived?: boolean;
  sample?: boolean;
  id?: string;
}

/** The resource a finding is about, and the word its title names it by. Samples use GuardDuty's placeholders. */
function resourceFor(kind: ResourceKind, region: string, account: string, sample: boolean) {
  switch (kind) {
    case 'Instance': {
      const instanceId = sample ? 'i-99999999' : `i-0${randomHex(16)}`;
      const resource = {
        resourceType: 'Instance',
        instanceDetails: {
          instanceId,
          instanceType: sample ? 'm3.xlarge' : 't3.medium',
          availabilityZone: sample ? 'GeneratedFindingInstaceAvailabilityZone' : `${region}a`,
          imageId: sample ? 'ami-99999999' : `ami-0${randomHex(16)}`,
          imageDescription: sample ? 'GeneratedFindingInstaceImageDescription' : 'Amazon Linux 2023 AMI',
          instanceState: 'running',
          launchTime: new Date(Date.now() - 40 * 86_400_000).toISOString(),
          tags: [{ key: 'Name', value: sample ? 'GeneratedFindingInstanceTag1' : 'web-frontend' }],
        },
      };
      return { resource, subject: instanceId };
    }
    case 'AccessKey': {
      const userName = sample ? 'GeneratedFindingUserName' : 'ci-deployer';
      const resource = {
        resourceType: 'AccessKey',
        accessKeyDetails: {
          accessKeyId: sample ? 'GeneratedFindingAccessKeyId' : `ASIA${randomUpperAlnum(16)}`,
          principalId: sample ? 'GeneratedFindingPrincipalId' : iamUniqueId('AIDA', `${account}/${userName}`),
          userName,
          userType: 'IAMUser',
        },
      };
      return { resource, subject: userName };
    }
    case 'S3Bucket': {
      const name = sample ? 'bucketName' : `logs-${account}-${region}`;
      const resource = {
        resourceType: 'S3Bucket',
        s3BucketDetails: [
          {
            arn: `arn:aws:s3:::${name}`,
            name,
            type: 'Destination',
            publicAccess: { effectivePermission: 'NOT_PUBLIC' },
          },
        ],
      };
      return { resource, subject: name };
    }
  }
}

/** A finding type not in the catalog still gets a plausible (instance) finding. */
export function makeFinding(input: NewFinding): Finding {
  const { detector } = input;
  const info = findingTypeInfo(input.type);
  const at = input.at ?? new Date();
  const sample = input.sample ?? false;
  const { resource, subject } = resourceFor(info?.resource ?? 'Instance', detector.region, detector.account, sample);
  return {
    id: input.id ?? randomHex(32),
    account: detector.account,
    region: detector.region,
    detectorId: detector.id,
    type: input.type,
    severity: input.severity ?? info?.severity ?? 5,
    title: input.title ?? info?.title(subject) ?? `${input.type} activity involving ${subject}.`,
    description: input.description ?? info?.description(subject) ?? `GuardDuty observed ${input.type} on ${subject}.`,
    createdAt: input.firstSeen ?? at,
    updatedAt: at,
    eventFirstSeen: input.firstSeen ?? at,
    eventLastSeen: at,
    count: input.count ?? 1,
    archived: input.archived ?? false,
    sample,
    resource,
  };
}

/**
 * CreateSampleFindings: one sample per type and detector. Generating it again bumps its count
 * and updatedAt (§5) instead of adding another; the finding is returned either way.
 */
export function recordSample(world: AwsWorld, detector: Detector, type: string, now = new Date()): Finding {
  const id = stableHex(`sample/${detector.id}/${type}`, 32);
  const existing = world.findings.find((f) => f.id === id && f.detectorId === detector.id);
  if (existing) {
    existing.count += 1;
    existing.updatedAt = now;
    existing.eventLastSeen = now;
    return existing;
  }
  const finding = makeFinding({ detector, type, at: now, sample: true, id });
  world.findings.push(finding);
  return finding;
}

export const findingArn = (f: Finding): string =>
  `arn:aws:guardduty:${f.region}:${f.account}:detector/${f.detectorId}/finding/${f.id}`;

export function findingWire(f: Finding): Record<string, unknown> {
  return {
    accountId: f.account,
    arn: findingArn(f),
    confidence: 0,
    createdAt: f.createdAt.toISOString(),
    description: f.description,
    id: f.id,
    partition: 'aws',
    region: f.region,
    resource: f.resource,
    schemaVersion: '2.0',
    service: {
      archived: f.archived,
      count: f.count,
      detectorId: f.detectorId,
      eventFirstSeen: f.eventFirstSeen.toISOString(),
      eventLastSeen: f.eventLastSeen.toISOString(),
      resourceRole: 'TARGET',
      serviceName: 'guardduty',
      additionalInfo: { value: f.sample ? '{"sample":true}' : '{}', type: 'default' },
    },
    severity: f.severity,
    title: f.title,
    type: f.type,
    updatedAt: f.updatedAt.toISOString(),
  };
}

export const isKnownFindingType = (type: string): boolean => FINDING_TYPES.some((t) => t.type === type);
