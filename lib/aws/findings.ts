import 'server-only';
/** GuardDuty findings: what should have flowed to Alert Logic, and sample findings to test it. */
import {
  CreateSampleFindingsCommand,
  GetFindingsCommand,
  GuardDutyClient,
  ListFindingsCommand,
} from '@aws-sdk/client-guardduty';
import { awsClient, type AwsScope } from './clients';

export interface FindingView {
  id: string;
  type: string;
  title: string;
  severity: number;
  resourceType: string;
  resourceId: string | null;
  updatedAt: string;
  count: number;
  sample: boolean;
}

export function severityBand(severity: number): 'Critical' | 'High' | 'Medium' | 'Low' {
  if (severity >= 9) return 'Critical';
  if (severity >= 7) return 'High';
  if (severity >= 4) return 'Medium';
  return 'Low';
}

/** Finding ids updated since `sinceMs`, newest first (at most `max`). */
export async function listRecentFindingIds(
  scope: AwsScope,
  detectorId: string,
  sinceMs: number,
  max = 50,
): Promise<string[]> {
  const out = await awsClient(GuardDutyClient, scope).send(
    new ListFindingsCommand({
      DetectorId: detectorId,
      FindingCriteria: { Criterion: { updatedAt: { GreaterThanOrEqual: sinceMs } } },
      SortCriteria: { AttributeName: 'updatedAt', OrderBy: 'DESC' },
      MaxResults: Math.min(50, max),
    }),
  );
  return out.FindingIds ?? [];
}

export async function getFindings(scope: AwsScope, detectorId: string, ids: string[]): Promise<FindingView[]> {
  if (ids.length === 0) return [];
  const out = await awsClient(GuardDutyClient, scope).send(
    new GetFindingsCommand({ DetectorId: detectorId, FindingIds: ids.slice(0, 50) }),
  );
  return (out.Findings ?? [])
    .map((f) => ({
      id: f.Id ?? '',
      type: f.Type ?? '',
      title: f.Title ?? f.Type ?? '',
      severity: f.Severity ?? 0,
      resourceType: f.Resource?.ResourceType ?? '',
      resourceId: f.Resource?.InstanceDetails?.InstanceId ?? f.Resource?.AccessKeyDetails?.AccessKeyId ?? null,
      updatedAt: f.UpdatedAt ?? '',
      count: f.Service?.Count ?? 1,
      sample: (f.Service?.AdditionalInfo?.Value ?? '').includes('"sample":true'),
    }))
    .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
}

export async function createSampleFinding(scope: AwsScope, detectorId: string, type: string): Promise<void> {
  await awsClient(GuardDutyClient, scope).send(
    new CreateSampleFindingsCommand({ DetectorId: detectorId, FindingTypes: [type] }),
  );
}

/** Link to a finding in the GuardDuty console. */
export function findingConsoleUrl(region: string, findingId: string): string {
  return `https://${region}.console.aws.amazon.com/guardduty/home?region=${region}#/findings?macros=current&fId=${encodeURIComponent(findingId)}`;
}
