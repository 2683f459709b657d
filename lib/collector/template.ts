/**
 * Alert Logic's GuardDuty collector stack (reference/collector-template.md): where the template
 * is, what GuardLink names and tags its stacks, and what the deploying identity must be allowed.
 */
export const COLLECTOR_TEMPLATE_URL = 'https://s3.amazonaws.com/alertlogic-collectors-us-east-1/cfn/guardduty.template';
export const COLLECTOR_FUNCTION_NAME = 'alertlogic-cwe-collector';
export const COLLECTOR_LOG_GROUP = `/aws/lambda/${COLLECTOR_FUNCTION_NAME}`;
export const COLLECTOR_CAPABILITIES = ['CAPABILITY_IAM'];

/** One collector per account and region, so one recognisable name per region is enough. */
export const GUARDLINK_STACK_NAME = 'GuardLink-GuardDuty-Collector';

export const TAG_MANAGED = 'guardlink:managed';
export const TAG_DEPLOYMENT = 'guardlink:deployment';
export const TAG_AL_ACCOUNT = 'guardlink:alert-logic-account';

export function guardLinkTags(deploymentId: string, alAccountId: string): Record<string, string> {
  return { [TAG_MANAGED]: 'true', [TAG_DEPLOYMENT]: deploymentId, [TAG_AL_ACCOUNT]: alAccountId };
}

export function isGuardLinkStack(tags: Record<string, string>): boolean {
  return tags[TAG_MANAGED] === 'true';
}

/** The template's parameters GuardLink sets; the rest keep the template's defaults. */
export function collectorParameters(input: { accessKeyId: string; secretKey: string }): Record<string, string> {
  return {
    AccessKeyId: input.accessKeyId,
    SecretKey: input.secretKey,
    AlApiEndpoint: 'api.global-services.global.alertlogic.com',
    AlDataResidency: 'default',
  };
}

/** What creating (and later removing) the collector stack needs, by the service it touches. */
export const DEPLOY_ACTIONS = [
  'cloudformation:CreateStack',
  'cloudformation:DescribeStacks',
  'cloudformation:DescribeStackEvents',
  'cloudformation:DeleteStack',
  'cloudformation:UpdateStack',
  'cloudformation:GetTemplateSummary',
  'iam:CreateRole',
  'iam:PutRolePolicy',
  'iam:AttachRolePolicy',
  'iam:PassRole',
  'iam:DeleteRole',
  'iam:DeleteRolePolicy',
  'iam:GetRole',
  'kms:CreateKey',
  'kms:PutKeyPolicy',
  'kms:ScheduleKeyDeletion',
  'kms:DescribeKey',
  'kinesis:CreateStream',
  'kinesis:DeleteStream',
  'kinesis:DescribeStream',
  'lambda:CreateFunction',
  'lambda:DeleteFunction',
  'lambda:GetFunction',
  'lambda:GetFunctionConfiguration',
  'lambda:InvokeFunction',
  'lambda:AddPermission',
  'lambda:RemovePermission',
  'lambda:CreateEventSourceMapping',
  'lambda:DeleteEventSourceMapping',
  'lambda:GetEventSourceMapping',
  'events:PutRule',
  'events:PutTargets',
  'events:DeleteRule',
  'events:RemoveTargets',
  'events:DescribeRule',
  's3:GetObject',
  'guardduty:ListDetectors',
  'guardduty:GetDetector',
  'guardduty:CreateDetector',
  'guardduty:UpdateDetector',
  'ec2:DescribeRegions',
  'iam:SimulatePrincipalPolicy',
] as const;
