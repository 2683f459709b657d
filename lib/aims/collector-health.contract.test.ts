/**
 * Contract tests: GuardLink's reader of collectors_status and iris, over HTTP, against the Alert
 * Logic simulator fed by the AWS simulator's dashboard scenario (real registrations, check-ins and
 * ingested findings).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAimsSimulator, type AimsSimulator } from '@/sim/aims/server';
import { startAwsSimulator, type AwsSimulator } from '@/sim/aws/server';
import { createAimsClient } from './client';
import { createCollectorHealthClient, isGuardDutyIncident } from './collector-health';

let aimsSim: AimsSimulator;
let awsSim: AwsSimulator;
let cells: { account: string; region: string; state: string; collectorId?: string }[];
let token: string;
const aims = () => createAimsClient({ baseUrl: aimsSim.url, timeoutMs: 2000, retryBaseMs: 10 });

beforeAll(async () => {
  aimsSim = await startAimsSimulator();
  awsSim = await startAwsSimulator({ aimsUrl: aimsSim.url });
  const res = await fetch(`${awsSim.url}/_sim/scenario`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'dashboard' }),
  });
  expect(res.status).toBe(200);
  cells = ((await res.json()) as { cells: typeof cells }).cells;
  const r = await aims().authenticate({ username: 'admin@example.com', password: 'Demo-Admin-1' });
  if (r.kind !== 'authenticated') throw new Error('expected a session');
  token = r.identity.token;
});
afterAll(async () => {
  await awsSim.close();
  await aimsSim.close();
});

describe('collector health from Alert Logic', () => {
  it('reads the healthy collector’s last ok report, and null for one that never reported', async () => {
    const health = createCollectorHealthClient(aims(), { timeoutMs: 2000, retries: 0, retryBaseMs: 10 });
    const healthy = cells.find((c) => c.state === 'healthy')!;
    const report = await health.collectorReport(token, '10000001', healthy.collectorId!);
    expect(report?.status).toBe('ok');
    expect(report?.timestamp).toBeGreaterThan(Date.now() - 24 * 3600_000);
    const silent = cells.find((c) => c.state === 'silent')!;
    expect(await health.collectorReport(token, '10000001', silent.collectorId!)).toBeNull();
  });

  it('lists the GuardDuty incidents of the last day, newest first, with their region', async () => {
    const health = createCollectorHealthClient(aims(), { timeoutMs: 2000, retries: 0, retryBaseMs: 10 });
    const now = Date.now() / 1000;
    const incidents = await health.guardDutyIncidents(token, '10000001', now - 86400, now + 60);
    const healthy = cells.find((c) => c.state === 'healthy')!;
    expect(incidents.filter((i) => i.region === healthy.region).length).toBeGreaterThanOrEqual(4);
    expect(incidents.map((i) => i.createdAt)).toEqual(
      [...incidents.map((i) => i.createdAt)].sort((a, b) => (b ?? 0) - (a ?? 0)),
    );
  });

  it('recognises GuardDuty incidents by their source, whichever field carries it', () => {
    expect(isGuardDutyIncident({ detection_source: 'GuardDuty' })).toBe(true);
    expect(isGuardDutyIncident({ sources: ['LOG', 'guardduty'] })).toBe(true);
    expect(isGuardDutyIncident({ detection_source: 'IDS' })).toBe(false);
  });
});
