import 'server-only';
import {
  CreateDetectorCommand,
  GetDetectorCommand,
  GuardDutyClient,
  ListDetectorsCommand,
  UpdateDetectorCommand,
} from '@aws-sdk/client-guardduty';
import { awsClient, type AwsScope } from './clients';

export type DetectorState = { state: 'enabled' | 'disabled'; detectorId: string } | { state: 'none' };

/** At most one detector exists per account and region. */
export async function getDetectorState(scope: AwsScope): Promise<DetectorState> {
  const gd = awsClient(GuardDutyClient, scope);
  const list = await gd.send(new ListDetectorsCommand({}));
  const detectorId = list.DetectorIds?.[0];
  if (!detectorId) return { state: 'none' };
  const detector = await gd.send(new GetDetectorCommand({ DetectorId: detectorId }));
  return { state: detector.Status === 'ENABLED' ? 'enabled' : 'disabled', detectorId };
}

/** Turns GuardDuty on: enables the existing detector, or creates one. */
export async function enableGuardDuty(scope: AwsScope): Promise<string> {
  const gd = awsClient(GuardDutyClient, scope);
  const current = await getDetectorState(scope);
  if (current.state === 'enabled') return current.detectorId;
  if (current.state === 'disabled') {
    await gd.send(new UpdateDetectorCommand({ DetectorId: current.detectorId, Enable: true }));
    return current.detectorId;
  }
  const created = await gd.send(
    new CreateDetectorCommand({ Enable: true, FindingPublishingFrequency: 'FIFTEEN_MINUTES' }),
  );
  return created.DetectorId ?? '';
}
