/** The records the AWS simulator's world holds. Dates are kept as Date and rendered per protocol. */

export type OptInStatus = 'opted-in' | 'not-opted-in';

export interface RoleRecord {
  name: string;
  arn: string;
  /** The role's unique id (`AROA…`), the first half of an assumed role's UserId. */
  roleId: string;
  /** The only account whose principals the trust policy admits. */
  trustedAccount: string;
  /** When set, the trust policy's `sts:ExternalId` condition. */
  externalId?: string;
  maxSessionDuration: number;
}

export interface UserRecord {
  name: string;
  arn: string;
  userId: string;
}

export interface AccountRecord {
  id: string;
  users: Map<string, UserRecord>;
  roles: Map<string, RoleRecord>;
  /** Status of each opt-in region; default regions are always enabled. */
  optIn: Map<string, OptInStatus>;
}

/** Who signed a request. */
export interface Identity {
  account: string;
  arn: string;
  userId: string;
  /** The name the deny list is keyed on: the IAM user's or the role's name. */
  principal: string;
  kind: 'user' | 'assumed-role';
}

export interface StsSession {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string;
  expiration: Date;
  identity: Identity;
}

export type DetectorStatus = 'ENABLED' | 'DISABLED';

export interface Detector {
  id: string;
  account: string;
  region: string;
  status: DetectorStatus;
  createdAt: Date;
  updatedAt: Date;
  findingPublishingFrequency: string;
  clientToken?: string;
  tags: Record<string, string>;
}

export interface LambdaFunction {
  name: string;
  account: string;
  region: string;
  /** The stack that owns it, when CloudFormation made it. */
  stackId?: string;
  role: string;
  kmsKeyArn?: string;
  lastModified: Date;
  environment: Record<string, string>;
  tags: Record<string, string>;
  codeSha256: string;
  revisionId: string;
}

export interface Tag {
  Key: string;
  Value: string;
}

export interface StackEvent {
  eventId: string;
  timestamp: Date;
  logicalId: string;
  physicalId: string;
  resourceType: string;
  status: string;
  reason?: string;
  token?: string;
}

export interface StackResource {
  logicalId: string;
  physicalId: string;
  type: string;
  status: string;
  reason?: string;
  timestamp: Date;
}

export type OnFailure = 'ROLLBACK' | 'DO_NOTHING' | 'DELETE';

export interface Stack {
  stackId: string;
  stackName: string;
  account: string;
  region: string;
  status: string;
  statusReason?: string;
  creationTime: Date;
  lastUpdatedTime?: Date;
  deletionTime?: Date;
  description: string;
  /** Every template parameter's resolved value (defaults included), secrets in clear. */
  parameters: Record<string, string>;
  tags: Tag[];
  capabilities: string[];
  onFailure: OnFailure;
  /** The CreateStack token, which makes a retry of the same create idempotent. */
  createToken?: string;
  /** Every ClientRequestToken any operation on this stack carried, in order. */
  clientRequestTokens: string[];
  /** Oldest first; DescribeStackEvents reverses them. */
  events: StackEvent[];
  resources: Map<string, StackResource>;
  /** The identity that created or last updated the stack: its permissions are what resources use. */
  deployer: Identity;
}

export interface CreateStackCall {
  account: string;
  region: string;
  stackName: string;
  token: string | null;
  /** `created`, `idempotent-retry`, or the error code the call answered. */
  outcome: string;
}

/** A GuardDuty finding as the detector keeps it; guardduty-findings.ts renders the camelCase wire form. */
export interface Finding {
  id: string;
  account: string;
  region: string;
  detectorId: string;
  type: string;
  /** 1.0–10.0; bands Low <4, Medium <7, High <9, Critical (§5). */
  severity: number;
  title: string;
  description: string;
  createdAt: Date;
  updatedAt: Date;
  eventFirstSeen: Date;
  eventLastSeen: Date;
  /** How many times GuardDuty saw this activity (service.count). */
  count: number;
  archived: boolean;
  /** Made by CreateSampleFindings (service.additionalInfo `{"sample":true}`). */
  sample: boolean;
  /** The wire `resource` object (resourceType plus its details). */
  resource: Record<string, unknown>;
}
