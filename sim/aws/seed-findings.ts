/**
 * The seeded GuardDuty findings (documented at the top of world.ts): history, so they never flow
 * through the collector pipeline. Some carry HTML in their text on purpose (the console must show
 * it as text), one has a very long description, one is archived, one is older than a day.
 */
import { makeFinding } from './findings';
import { stableHex } from './ids';
import { type AwsWorld } from './world';

const HOUR_MS = 60 * 60 * 1000;

interface SeededFinding {
  account: string;
  region: string;
  type: string;
  hoursAgo: number;
  severity?: number;
  title?: string;
  description?: string;
  count?: number;
  archived?: boolean;
}

const LONG_DESCRIPTION = Array.from(
  { length: 60 },
  (_, i) =>
    `Observation ${i + 1}: S3 Block Public Access settings were changed for bucket logs-archive-${i} by ` +
    'principal arn:aws:iam::111111111111:user/ci-deployer from 198.51.100.23; review the bucket policy and ACLs.',
).join(' ');

const SEEDED: SeededFinding[] = [
  { account: '111111111111', region: 'us-east-1', type: 'Recon:EC2/PortProbeUnprotectedPort', hoursAgo: 2 },
  {
    account: '111111111111',
    region: 'us-east-1',
    type: 'UnauthorizedAccess:EC2/SSHBruteForce',
    hoursAgo: 5,
    title: '<script>alert(1)</script> SSH brute force attacks against i-0a1b2c3d4e5f60718.',
    description:
      '<img src=x onerror=alert(1)> EC2 instance i-0a1b2c3d4e5f60718 is the target of SSH brute force attacks.',
  },
  {
    account: '111111111111',
    region: 'us-east-1',
    type: 'CryptoCurrency:EC2/BitcoinTool.B!DNS',
    hoursAgo: 11,
    count: 14,
  },
  { account: '111111111111', region: 'us-east-1', type: 'Recon:EC2/PortProbeUnprotectedPort', hoursAgo: 72 },
  { account: '111111111111', region: 'us-west-2', type: 'AttackSequence:IAM/CompromisedCredentials', hoursAgo: 0.5 },
  {
    account: '111111111111',
    region: 'us-west-2',
    type: 'Policy:S3/BucketBlockPublicAccessDisabled',
    hoursAgo: 20,
    description: LONG_DESCRIPTION,
  },
  {
    account: '111111111111',
    region: 'us-west-2',
    type: 'Stealth:IAMUser/CloudTrailLoggingDisabled',
    hoursAgo: 8,
    archived: true,
  },
  {
    account: '222222222222',
    region: 'ap-southeast-2',
    type: 'Backdoor:EC2/C&CActivity.B!DNS',
    hoursAgo: 4,
    title: '"><svg onload=alert(document.domain)> Command and Control server domain queried by i-0f9e8d7c6b5a49382.',
  },
  { account: '222222222222', region: 'ap-southeast-2', type: 'PenTest:IAMUser/KaliLinux', hoursAgo: 6 },
  { account: '333333333333', region: 'us-east-1', type: 'Trojan:EC2/DNSDataExfiltration', hoursAgo: 1 },
  { account: '333333333333', region: 'us-east-1', type: 'Discovery:S3/MaliciousIPCaller', hoursAgo: 14, severity: 5.5 },
];

export function seedFindings(world: AwsWorld, now: number): void {
  for (const [i, s] of SEEDED.entries()) {
    const detector = world.detectorIn(s.account, s.region);
    if (!detector) continue;
    const at = new Date(now - s.hoursAgo * HOUR_MS);
    world.findings.push(
      makeFinding({
        detector,
        type: s.type,
        severity: s.severity,
        title: s.title,
        description: s.description,
        at,
        firstSeen: new Date(at.getTime() - (s.count ?? 1) * 17 * 60_000),
        count: s.count,
        archived: s.archived,
        id: stableHex(`seeded-finding/${i}`, 32),
      }),
    );
  }
}
