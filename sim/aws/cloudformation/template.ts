/**
 * Alert Logic's GuardDuty collector template (reference/collector-template.md): the only
 * template this simulator knows, served from its one public URL.
 */

export const COLLECTOR_TEMPLATE_URL = 'https://s3.amazonaws.com/alertlogic-collectors-us-east-1/cfn/guardduty.template';
export const COLLECTOR_FUNCTION_NAME = 'alertlogic-cwe-collector';
export const TEMPLATE_DESCRIPTION =
  'Alert Logic CloudWatch Events collector for Amazon GuardDuty findings (one per account and region).';

export interface TemplateParameter {
  key: string;
  type: 'String' | 'Number';
  defaultValue?: string;
  noEcho: boolean;
  description: string;
  allowedValues?: string[];
}

export const TEMPLATE_PARAMETERS: TemplateParameter[] = [
  {
    key: 'AccessKeyId',
    type: 'String',
    noEcho: false,
    description: 'Alert Logic access key id, from AIMS (access_key_id).',
  },
  {
    key: 'SecretKey',
    type: 'String',
    noEcho: true,
    description: 'Alert Logic secret key, from AIMS (secret_key). Stored encrypted with the stack KMS key.',
  },
  {
    key: 'AlApiEndpoint',
    type: 'String',
    defaultValue: 'api.global-services.global.alertlogic.com',
    noEcho: false,
    description: 'Alert Logic API endpoint.',
    allowedValues: ['api.global-services.global.alertlogic.com', 'api.global-integration.product.dev.alertlogic.com'],
  },
  {
    key: 'AlDataResidency',
    type: 'String',
    defaultValue: 'default',
    noEcho: false,
    description: 'Alert Logic data residency.',
    allowedValues: ['default'],
  },
  {
    key: 'CollectorId',
    type: 'String',
    defaultValue: 'none',
    noEcho: false,
    description: 'Optional collector id (UUID); none registers a new collector.',
  },
  {
    key: 'AlApplicationId',
    type: 'String',
    defaultValue: 'guardduty',
    noEcho: false,
    description: 'Alert Logic application id.',
  },
  {
    key: 'EnableKMSKeyRotation',
    type: 'String',
    defaultValue: 'False',
    noEcho: false,
    description: 'Rotate the KMS key every year (extra cost).',
    allowedValues: ['True', 'False'],
  },
  {
    key: 'KinesisShardCount',
    type: 'Number',
    defaultValue: '1',
    noEcho: false,
    description: 'Number of shards of the Kinesis stream that carries GuardDuty findings.',
  },
];

export const PARAMETER_GROUPS = [
  { Label: { default: 'Alert Logic credentials' }, Parameters: ['AlApiEndpoint', 'AccessKeyId', 'SecretKey'] },
  {
    Label: { default: 'Guard Duty collector configuration' },
    Parameters: ['AlDataResidency', 'CollectorId', 'AlApplicationId', 'EnableKMSKeyRotation', 'KinesisShardCount'],
  },
];

/** How CloudFormation names a resource it creates. */
export type PhysicalNaming = 'named' | 'uuid' | 'policy' | 'function' | 'logstream';

export interface TemplateResource {
  logicalId: string;
  type: string;
  /** The IAM action the deploying principal needs to create it; none for custom resources. */
  createAction?: string;
  naming: PhysicalNaming;
  /** For policies: the role they attach to (its ARN is the resource of a denied iam:PutRolePolicy). */
  roleOf?: string;
}

/** In dependency order: the order stack events show them being created. */
export const TEMPLATE_RESOURCES: TemplateResource[] = [
  { logicalId: 'KinesisStream', type: 'AWS::Kinesis::Stream', createAction: 'kinesis:CreateStream', naming: 'named' },
  { logicalId: 'CollectLambdaRole', type: 'AWS::IAM::Role', createAction: 'iam:CreateRole', naming: 'named' },
  { logicalId: 'BasicLambdaRole', type: 'AWS::IAM::Role', createAction: 'iam:CreateRole', naming: 'named' },
  { logicalId: 'EncryptLambdaRole', type: 'AWS::IAM::Role', createAction: 'iam:CreateRole', naming: 'named' },
  { logicalId: 'LambdaKmsKey', type: 'AWS::KMS::Key', createAction: 'kms:CreateKey', naming: 'uuid' },
  {
    logicalId: 'EncryptLambdaFunction',
    type: 'AWS::Lambda::Function',
    createAction: 'lambda:CreateFunction',
    naming: 'named',
  },
  {
    logicalId: 'EncryptLambdaPolicy',
    type: 'AWS::IAM::Policy',
    createAction: 'iam:PutRolePolicy',
    naming: 'policy',
    roleOf: 'EncryptLambdaRole',
  },
  { logicalId: 'EncryptSecretKeyCustomResource', type: 'AWS::CloudFormation::CustomResource', naming: 'logstream' },
  {
    logicalId: 'CollectLambdaFunction',
    type: 'AWS::Lambda::Function',
    createAction: 'lambda:CreateFunction',
    naming: 'function',
  },
  {
    logicalId: 'CollectLambdaPolicy',
    type: 'AWS::IAM::Policy',
    createAction: 'iam:PutRolePolicy',
    naming: 'policy',
    roleOf: 'CollectLambdaRole',
  },
  { logicalId: 'CloudWatchEventsRole', type: 'AWS::IAM::Role', createAction: 'iam:CreateRole', naming: 'named' },
  { logicalId: 'CloudWatchEventsRule', type: 'AWS::Events::Rule', createAction: 'events:PutRule', naming: 'named' },
  {
    logicalId: 'HealthCheckLambdaPolicy',
    type: 'AWS::IAM::Policy',
    createAction: 'iam:PutRolePolicy',
    naming: 'policy',
    roleOf: 'CollectLambdaRole',
  },
  { logicalId: 'UpdaterScheduledRule', type: 'AWS::Events::Rule', createAction: 'events:PutRule', naming: 'named' },
  {
    logicalId: 'UpdaterScheduledRuleLambdaInvokePermission',
    type: 'AWS::Lambda::Permission',
    createAction: 'lambda:AddPermission',
    naming: 'named',
  },
  {
    logicalId: 'CollectLambdaEventSourceMapping',
    type: 'AWS::Lambda::EventSourceMapping',
    createAction: 'lambda:CreateEventSourceMapping',
    naming: 'uuid',
  },
  { logicalId: 'CheckinScheduledRule', type: 'AWS::Events::Rule', createAction: 'events:PutRule', naming: 'named' },
  {
    logicalId: 'CheckinScheduledRuleLambdaInvokePermission',
    type: 'AWS::Lambda::Permission',
    createAction: 'lambda:AddPermission',
    naming: 'named',
  },
  { logicalId: 'RegistrationResource', type: 'Custom::RegistrationResource', naming: 'logstream' },
];

export const REQUIRED_CAPABILITY = 'CAPABILITY_IAM';
export const CAPABILITIES_REASON = 'The following resource(s) require capabilities: [AWS::IAM::Role]';

/** Parameters whose change makes an update touch the collector function and re-run registration. */
export const COLLECTOR_PARAMETERS = [
  'AccessKeyId',
  'SecretKey',
  'AlApiEndpoint',
  'AlDataResidency',
  'CollectorId',
  'AlApplicationId',
];

export const resourceTypes = (): string[] => [...new Set(TEMPLATE_RESOURCES.map((r) => r.type))];
