import 'server-only';
import { DescribeRegionsCommand, EC2Client } from '@aws-sdk/client-ec2';
import { awsClient, type AwsScope } from './clients';

export type OptInStatus = 'opt-in-not-required' | 'opted-in' | 'not-opted-in';

export interface AccountRegion {
  name: string;
  optInStatus: OptInStatus;
  enabled: boolean;
}

/** Every region of the partition with this account's opt-in status. */
export async function listAccountRegions(scope: AwsScope): Promise<AccountRegion[]> {
  const out = await awsClient(EC2Client, scope).send(new DescribeRegionsCommand({ AllRegions: true }));
  return (out.Regions ?? [])
    .map((r) => {
      const optInStatus = (r.OptInStatus ?? 'opt-in-not-required') as OptInStatus;
      return { name: r.RegionName ?? '', optInStatus, enabled: optInStatus !== 'not-opted-in' };
    })
    .filter((r) => r.name)
    .sort((a, b) => a.name.localeCompare(b.name));
}
