import { beforeEach, describe, expect, it } from 'vitest';
import { openDb, useDb } from './db';
import {
  activeItemElsewhere,
  createDeployment,
  getItem,
  latestDeployment,
  openDeployment,
  purgeExpiredSecrets,
  replacePlannedItems,
  transitionItem,
  updateDeployment,
} from './deployments';
import { recordAudit, listAudit } from './audit';

beforeEach(() => useDb(openDb(':memory:')));

describe('deployment store', () => {
  it('creates a draft, resumes it, and hides discarded ones', () => {
    const d = createDeployment('10000001', 'admin@example.com');
    expect(openDeployment('10000001')?.id).toBe(d.id);
    expect(openDeployment('20000002')).toBeUndefined();
    updateDeployment(d.id, { status: 'discarded' });
    expect(openDeployment('10000001')).toBeUndefined();
    expect(latestDeployment('10000001')).toBeUndefined();
  });

  it('claims an item once: a double click or a second tab cannot start it twice', () => {
    const d = createDeployment('10000001', 'a');
    replacePlannedItems(d.id, [
      { accountId: '222222222222', region: 'us-east-2', state: 'planned', preflight: { verdict: 'ready' } },
    ]);
    const key = { deploymentId: d.id, accountId: '222222222222', region: 'us-east-2' };
    expect(transitionItem(key, ['planned'], 'queued')).toBe(true);
    expect(transitionItem(key, ['planned'], 'queued')).toBe(false);
    expect(transitionItem(key, ['queued'], 'deploying', { stackId: 'arn:x', progress: { done: 1 } })).toBe(true);
    expect(getItem(d.id, '222222222222', 'us-east-2')).toMatchObject({
      state: 'deploying',
      stackId: 'arn:x',
      progress: { done: 1 },
    });
  });

  it('sees another deployment working on the same account and region', () => {
    const a = createDeployment('10000001', 'a');
    const b = createDeployment('10000001', 'b');
    replacePlannedItems(a.id, [
      { accountId: '222222222222', region: 'us-east-2', state: 'deploying', preflight: null },
    ]);
    expect(activeItemElsewhere('10000001', b.id, '222222222222', 'us-east-2')?.deploymentId).toBe(a.id);
    expect(activeItemElsewhere('10000001', a.id, '222222222222', 'us-east-2')).toBeUndefined();
  });

  it('purges kept secrets after their time', () => {
    const d = createDeployment('10000001', 'a');
    updateDeployment(d.id, { secretSealed: 'v1.x.y.z', secretExpiresAt: 1000 });
    expect(purgeExpiredSecrets(999)).toBe(0);
    expect(purgeExpiredSecrets(1000)).toBe(1);
    expect(openDeployment('10000001')?.secretSealed).toBeNull();
  });

  it('keeps an append-only audit log per Alert Logic account', () => {
    recordAudit({
      alAccountId: '10000001',
      actor: 'a@b.c',
      action: 'key.create',
      subject: 'key:1',
      outcome: 'ok',
      detail: { label: 'x' },
    });
    recordAudit({ alAccountId: '20000002', actor: 'x', action: 'key.delete', subject: 'key:2', outcome: 'failed' });
    expect(listAudit('10000001')).toEqual([expect.objectContaining({ action: 'key.create', detail: { label: 'x' } })]);
  });
});
