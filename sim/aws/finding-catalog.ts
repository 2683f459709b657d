/**
 * The GuardDuty finding types this simulator knows (a representative subset of the real list),
 * with their usual severity, the kind of resource they are about, and GuardDuty's wording.
 * CreateSampleFindings accepts exactly these types.
 */

export type ResourceKind = 'Instance' | 'AccessKey' | 'S3Bucket';

export interface FindingTypeInfo {
  type: string;
  severity: number;
  resource: ResourceKind;
  title: (subject: string) => string;
  description: (subject: string) => string;
}

export const FINDING_TYPES: FindingTypeInfo[] = [
  {
    type: 'Recon:EC2/PortProbeUnprotectedPort',
    severity: 2,
    resource: 'Instance',
    title: (i) => `Unprotected port on EC2 instance ${i} is being probed.`,
    description: (i) => `EC2 instance ${i} has an unprotected port which is being probed by a known malicious host.`,
  },
  {
    type: 'Stealth:IAMUser/CloudTrailLoggingDisabled',
    severity: 2,
    resource: 'AccessKey',
    title: (u) => `AWS CloudTrail trail was disabled by ${u}.`,
    description: (u) => `The API StopLogging was invoked by ${u}, disabling a CloudTrail trail.`,
  },
  {
    type: 'Policy:S3/BucketBlockPublicAccessDisabled',
    severity: 2,
    resource: 'S3Bucket',
    title: (b) => `Amazon S3 Block Public Access was disabled for S3 bucket ${b}.`,
    description: (b) => `Amazon S3 Block Public Access was disabled for S3 bucket ${b}, which may allow public access.`,
  },
  {
    type: 'UnauthorizedAccess:EC2/SSHBruteForce',
    severity: 5,
    resource: 'Instance',
    title: (i) => `SSH brute force attacks against ${i}.`,
    description: (i) => `EC2 instance ${i} is being targeted by SSH brute force attacks from a remote host.`,
  },
  {
    type: 'PenTest:IAMUser/KaliLinux',
    severity: 5,
    resource: 'AccessKey',
    title: (u) => `API invoked from a Kali Linux computer by ${u}.`,
    description: (u) => `An API was invoked by ${u} from a machine running Kali Linux, a penetration testing tool.`,
  },
  {
    type: 'Discovery:S3/MaliciousIPCaller',
    severity: 5,
    resource: 'S3Bucket',
    title: (b) => `S3 API invoked on bucket ${b} from a known malicious IP address.`,
    description: (b) => `An API commonly used to discover resources was invoked on S3 bucket ${b} from a malicious IP.`,
  },
  {
    type: 'CryptoCurrency:EC2/BitcoinTool.B!DNS',
    severity: 8,
    resource: 'Instance',
    title: (i) => `Bitcoin-related domain name queried by EC2 instance ${i}.`,
    description: (i) => `EC2 instance ${i} is querying a domain name that is associated with Bitcoin-related activity.`,
  },
  {
    type: 'Backdoor:EC2/C&CActivity.B!DNS',
    severity: 8,
    resource: 'Instance',
    title: (i) => `Command and Control server domain name queried by EC2 instance ${i}.`,
    description: (i) => `EC2 instance ${i} is querying a domain name associated with a known Command & Control server.`,
  },
  {
    type: 'Trojan:EC2/DNSDataExfiltration',
    severity: 8,
    resource: 'Instance',
    title: (i) => `Data exfiltration through DNS queries from EC2 instance ${i}.`,
    description: (i) => `EC2 instance ${i} is attempting to exfiltrate data by using DNS queries.`,
  },
  {
    type: 'UnauthorizedAccess:IAMUser/InstanceCredentialExfiltration.OutsideAWS',
    severity: 8,
    resource: 'AccessKey',
    title: (u) => `Credentials for instance role ${u} used from external IP address.`,
    description: (u) =>
      `Credentials created exclusively for an EC2 instance (role ${u}) are being used from an external IP.`,
  },
  {
    type: 'AttackSequence:IAM/CompromisedCredentials',
    severity: 9.2,
    resource: 'AccessKey',
    title: (u) => `Potential credential compromise of ${u} indicated by a sequence of actions.`,
    description: (u) =>
      `A sequence of suspicious actions was observed that indicates the credentials of ${u} may be compromised.`,
  },
];

export const findingTypeInfo = (type: string): FindingTypeInfo | undefined =>
  FINDING_TYPES.find((t) => t.type === type);

/** What CreateSampleFindings makes when no type is named: one or two per severity band, not all of them. */
export const DEFAULT_SAMPLE_TYPES = [
  'Recon:EC2/PortProbeUnprotectedPort',
  'UnauthorizedAccess:EC2/SSHBruteForce',
  'Discovery:S3/MaliciousIPCaller',
  'CryptoCurrency:EC2/BitcoinTool.B!DNS',
  'UnauthorizedAccess:IAMUser/InstanceCredentialExfiltration.OutsideAWS',
  'AttackSequence:IAM/CompromisedCredentials',
];

/** A representative severity for a band (Low <4, Medium <7, High <9, Critical) named in a control request. */
export const BAND_SEVERITY: Record<'Low' | 'Medium' | 'High' | 'Critical', number> = {
  Low: 2,
  Medium: 5,
  High: 8,
  Critical: 9.5,
};
