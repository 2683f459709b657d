/**
 * What an account owner needs to create GuardLink's deploying role: the trust policy (hub account
 * + ExternalId, the guard against the confused deputy), the least-privilege permission policy, a
 * CloudFormation template that creates both, and the AWS CLI commands doing the same.
 */
import { DEPLOY_ACTIONS } from '../collector/template';

export const DEFAULT_ROLE_NAME = 'GuardLinkDeployer';

export function trustPolicy(hubAccountId: string, externalId: string) {
  return {
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Principal: { AWS: `arn:aws:iam::${hubAccountId}:root` },
        Action: 'sts:AssumeRole',
        Condition: { StringEquals: { 'sts:ExternalId': externalId } },
      },
    ],
  };
}

export function permissionPolicy() {
  const byService = new Map<string, string[]>();
  for (const a of DEPLOY_ACTIONS) {
    const service = a.split(':')[0]!;
    byService.set(service, [...(byService.get(service) ?? []), a]);
  }
  return {
    Version: '2012-10-17',
    Statement: [...byService.entries()].map(([service, actions]) => ({
      Sid: `GuardLink${service.charAt(0).toUpperCase()}${service.slice(1)}`,
      Effect: 'Allow',
      Action: actions,
      Resource: '*',
    })),
  };
}

export function roleTemplateYaml(hubAccountId: string, externalId: string, roleName = DEFAULT_ROLE_NAME): string {
  const actions = permissionPolicy()
    .Statement.flatMap((s) => s.Action)
    .map((a) => `                  - ${a}`)
    .join('\n');
  return `AWSTemplateFormatVersion: '2010-09-09'
Description: Role that lets GuardLink deploy Alert Logic's GuardDuty collector in this account
Resources:
  GuardLinkDeployerRole:
    Type: AWS::IAM::Role
    Properties:
      RoleName: ${roleName}
      AssumeRolePolicyDocument:
        Version: '2012-10-17'
        Statement:
          - Effect: Allow
            Principal:
              AWS: arn:aws:iam::${hubAccountId}:root
            Action: sts:AssumeRole
            Condition:
              StringEquals:
                sts:ExternalId: ${externalId}
      Policies:
        - PolicyName: GuardLinkDeploy
          PolicyDocument:
            Version: '2012-10-17'
            Statement:
              - Effect: Allow
                Resource: '*'
                Action:
${actions}
Outputs:
  RoleArn:
    Value: !GetAtt GuardLinkDeployerRole.Arn
`;
}

export function roleCliCommands(hubAccountId: string, externalId: string, roleName = DEFAULT_ROLE_NAME): string {
  return [
    `aws iam create-role --role-name ${roleName} \\`,
    `  --assume-role-policy-document '${JSON.stringify(trustPolicy(hubAccountId, externalId))}'`,
    `aws iam put-role-policy --role-name ${roleName} --policy-name GuardLinkDeploy \\`,
    `  --policy-document '${JSON.stringify(permissionPolicy())}'`,
  ].join('\n');
}
