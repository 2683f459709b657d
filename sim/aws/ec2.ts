/** EC2 (ec2Query 2016-11-15): DescribeRegions with the caller account's opt-in status (§1.3, §6.1). */
import { AwsError } from './errors';
import { type CallContext, type Operation } from './operation';
import { ec2Filters, ec2List, isTrue } from './query-params';
import { ALL_REGIONS, isKnownRegion } from './regions';
import { xmlFields } from './wire-xml';

const FILTERS = new Set(['opt-in-status', 'region-name', 'endpoint']);

function describeRegions(ctx: CallContext): string {
  const { form, world, identity } = ctx;
  const names = ec2List(form, 'RegionName');
  for (const name of names) {
    if (!isKnownRegion(name)) throw new AwsError('InvalidParameterValue', `Invalid region name ${name}`);
  }
  const filters = ec2Filters(form);
  for (const f of filters) {
    if (!FILTERS.has(f.name)) throw new AwsError('InvalidParameterValue', `The filter '${f.name}' is invalid`);
  }
  const all = isTrue(form.get('AllRegions'));
  const regions = ALL_REGIONS.map((regionName) => ({
    regionName,
    regionEndpoint: `ec2.${regionName}.amazonaws.com`,
    optInStatus: world.optInStatus(identity.account, regionName),
  })).filter((r) => {
    if (!all && r.optInStatus === 'not-opted-in') return false;
    if (names.length > 0 && !names.includes(r.regionName)) return false;
    return filters.every((f) => {
      const value =
        f.name === 'opt-in-status' ? r.optInStatus : f.name === 'region-name' ? r.regionName : r.regionEndpoint;
      return f.values.includes(value);
    });
  });
  return xmlFields({ regionInfo: regions.map((r) => ({ ...r })) }, 'item');
}

export const EC2_OPERATIONS: Operation[] = [
  { name: 'DescribeRegions', action: 'ec2:DescribeRegions', run: describeRegions },
];
