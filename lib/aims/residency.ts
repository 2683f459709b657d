/** Data residency from an AIMS location id (reference/alertlogic-api.md section 1.2). */

const LOCATIONS: Record<string, { residency: 'US' | 'EMEA'; caption: string }> = {
  'insight-us-virginia': { residency: 'US', caption: 'United States' },
  'defender-us-ashburn': { residency: 'US', caption: 'United States' },
  'defender-us-denver': { residency: 'US', caption: 'United States' },
  'insight-eu-ireland': { residency: 'EMEA', caption: 'United Kingdom' },
  'defender-uk-newport': { residency: 'EMEA', caption: 'United Kingdom' },
};

export interface Residency {
  residency: 'US' | 'EMEA' | 'unknown';
  caption: string;
  location: string | null;
}

export function residencyOf(location: string | undefined): Residency {
  const known = location ? LOCATIONS[location] : undefined;
  if (!known)
    return {
      residency: 'unknown',
      caption: location ? `Unknown (${location})` : 'Unknown',
      location: location ?? null,
    };
  return { ...known, location: location ?? null };
}
