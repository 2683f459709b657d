import { describe, expect, it } from 'vitest';
import { targetInputSchema } from '../schemas/targets';
import { permissionPolicy, roleTemplateYaml, trustPolicy } from './role-setup';

describe('role setup', () => {
  it('trusts only the hub account, and only with the ExternalId', () => {
    const t = trustPolicy('111111111111', 'ext-1');
    expect(t.Statement[0]).toMatchObject({
      Principal: { AWS: 'arn:aws:iam::111111111111:root' },
      Condition: { StringEquals: { 'sts:ExternalId': 'ext-1' } },
    });
  });
  it('lists the deploy actions by service, and the template carries the same condition', () => {
    const actions = permissionPolicy().Statement.flatMap((s) => s.Action);
    expect(actions).toContain('cloudformation:CreateStack');
    expect(actions).toContain('iam:CreateRole');
    expect(roleTemplateYaml('111111111111', 'ext-1')).toContain('sts:ExternalId: ext-1');
  });
});

describe('target input', () => {
  it('refuses malformed ids and a role ARN from another account', () => {
    const ok = {
      kind: 'role',
      accountId: '222222222222',
      label: 'Prod',
      roleArn: 'arn:aws:iam::222222222222:role/GuardLinkDeployer',
      externalId: 'guardlink-demo',
    };
    expect(targetInputSchema.safeParse(ok).success).toBe(true);
    expect(targetInputSchema.safeParse({ ...ok, accountId: '2222' }).success).toBe(false);
    expect(targetInputSchema.safeParse({ ...ok, roleArn: 'arn:aws:iam::333333333333:role/X' }).success).toBe(false);
    expect(targetInputSchema.safeParse({ ...ok, roleArn: 'not-an-arn' }).success).toBe(false);
    expect(targetInputSchema.safeParse({ ...ok, externalId: 'a' }).success).toBe(false);
  });
});
