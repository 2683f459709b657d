/**
 * Iris incidents made from ingested GuardDuty findings (reference/alertlogic-api.md §6.2), with
 * the fields of the spec's examples. One incident per (account, finding id): a finding that comes
 * again (GuardDuty updated it) updates its incident. `createTime` is when GuardDuty published the
 * finding (the event's `time`, never in the future), so replayed history lands in the past.
 */
import { randomUUID } from 'node:crypto';
import { type CollectionStore, type Incident } from './collection-store';

type ThreatRating = 'Critical' | 'High' | 'Medium' | 'Low';

/** GuardDuty's severity bands (aws-semantics §5), as iris threat ratings. */
export function threatRating(severity: number): ThreatRating {
  if (severity >= 9) return 'Critical';
  if (severity >= 7) return 'High';
  if (severity >= 4) return 'Medium';
  return 'Low';
}

const ATTACK_CLASS: Record<string, string> = {
  AttackSequence: 'Attack Sequence',
  Backdoor: 'Backdoor',
  CryptoCurrency: 'Cryptocurrency Mining',
  Discovery: 'Discovery',
  Execution: 'Execution',
  Impact: 'Impact',
  PenTest: 'Penetration Testing',
  Policy: 'Policy Violation',
  Recon: 'Reconnaissance',
  Stealth: 'Defense Evasion',
  Trojan: 'Trojan',
  UnauthorizedAccess: 'Unauthorized Access',
};

const text = (v: unknown, fallback = ''): string => (typeof v === 'string' ? v : fallback);

/** Creates or updates the incident of one GuardDuty EventBridge event; undefined when it carries no finding. */
export function upsertIncident(
  store: CollectionStore,
  cid: string,
  event: Record<string, unknown>,
): Incident | undefined {
  const detail = (event.detail ?? {}) as Record<string, unknown>;
  const findingId = text(detail.id);
  if (!findingId) return undefined;
  const severity = typeof detail.severity === 'number' ? detail.severity : Number(detail.severity ?? 0);
  const rating = threatRating(severity);
  const type = text(detail.type, 'Unknown:Unknown/Unknown');
  const title = text(detail.title, type);
  const region = text(detail.region, text(event.region));
  const awsAccount = text(detail.accountId, text(event.account));
  const nowS = Math.floor(Date.now() / 1000);
  const published = Date.parse(text(event.time, text(detail.updatedAt)));
  const atS = Number.isFinite(published) ? Math.min(nowS, Math.floor(published / 1000)) : nowS;
  const description =
    `GuardDuty finding ${findingId} (${type}) in AWS account ${awsAccount}, region ${region}: ` +
    text(detail.description, title);
  const count =
    typeof (detail.service as { count?: unknown } | undefined)?.count === 'number'
      ? (detail.service as { count: number }).count
      : 1;

  const existing = store.incidentForFinding(cid, findingId);
  if (existing) {
    existing.updateTime = Math.max(existing.updateTime, atS);
    existing.incident_threat_rating = rating;
    existing.incident = {
      ...(existing.incident as Record<string, unknown>),
      summary: title,
      description,
      threatRating: rating,
    };
    existing.guardduty_finding_count = count;
    return existing;
  }
  const prefix = type.split(':')[0] ?? type;
  const incident: Incident = {
    incidentId: randomUUID().toUpperCase(),
    humanFriendlyId: store.nextFriendlyId(),
    accountId: cid,
    createTime: atS,
    updateTime: atS,
    createtime_str: new Date(atS * 1000).toISOString(),
    incident: {
      summary: title,
      description,
      threatRating: rating,
      attackClassId_str: ATTACK_CLASS[prefix] ?? prefix,
      recommendations: `Review GuardDuty finding ${findingId} in the AWS console (region ${region}) and follow its remediation guidance.`,
    },
    incident_threat_rating: rating,
    incident_class: 'guardduty',
    incident_attack_class: ATTACK_CLASS[prefix] ?? prefix,
    customer_status: { status: 'open', status_change_time: atS },
    sources: ['guardduty'],
    detection_source: 'guardduty',
    aws_region: region,
    aws_account_id: awsAccount,
    visibility: 'visible',
    snooze_status: { snoozed: false, period_ms: 0, reason_code: '' },
    guardduty_finding_id: findingId,
    guardduty_finding_type: type,
    guardduty_severity: severity,
    guardduty_finding_count: count,
  };
  store.incidents.push(incident);
  return incident;
}
