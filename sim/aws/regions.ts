/**
 * The aws partition's commercial regions (aws-semantics §6.1). me-west-1 and sa-west-1 are left
 * out on purpose: they are only in the JS SDK's table and may not be generally available.
 */

/** Launched before 20 March 2019: enabled in every account. */
export const DEFAULT_REGIONS = [
  'us-east-1',
  'us-east-2',
  'us-west-1',
  'us-west-2',
  'ca-central-1',
  'sa-east-1',
  'eu-west-1',
  'eu-west-2',
  'eu-west-3',
  'eu-central-1',
  'eu-north-1',
  'ap-south-1',
  'ap-northeast-1',
  'ap-northeast-2',
  'ap-northeast-3',
  'ap-southeast-1',
  'ap-southeast-2',
] as const;

/** Later launches: each account must opt in before any call there is accepted. */
export const OPT_IN_REGIONS = [
  'af-south-1',
  'ap-east-1',
  'ap-east-2',
  'ap-south-2',
  'ap-southeast-3',
  'ap-southeast-4',
  'ap-southeast-5',
  'ap-southeast-6',
  'ap-southeast-7',
  'ca-west-1',
  'eu-central-2',
  'eu-south-1',
  'eu-south-2',
  'il-central-1',
  'me-central-1',
  'me-south-1',
  'mx-central-1',
] as const;

export const ALL_REGIONS: readonly string[] = [...DEFAULT_REGIONS, ...OPT_IN_REGIONS];

const defaultSet = new Set<string>(DEFAULT_REGIONS);
const optInSet = new Set<string>(OPT_IN_REGIONS);

export const isKnownRegion = (region: string): boolean => defaultSet.has(region) || optInSet.has(region);
export const isOptInRegion = (region: string): boolean => optInSet.has(region);
