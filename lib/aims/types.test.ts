import { describe, expect, it } from 'vitest';
import { residencyOf } from './residency';
import { hasAdministratorRole } from './types';

describe('hasAdministratorRole', () => {
  it('finds Administrator among several roles, where the README shell check would not', () => {
    expect(hasAdministratorRole([{ name: 'Read Only' }, { name: 'Administrator' }])).toBe(true);
    expect(hasAdministratorRole([{ name: 'Power User' }])).toBe(false);
    expect(hasAdministratorRole([])).toBe(false);
  });
});

describe('residencyOf', () => {
  it('maps AIMS locations to US or UK residency', () => {
    expect(residencyOf('insight-us-virginia')).toMatchObject({ residency: 'US', caption: 'United States' });
    expect(residencyOf('defender-uk-newport')).toMatchObject({ residency: 'EMEA', caption: 'United Kingdom' });
    expect(residencyOf('insight-mars-1').residency).toBe('unknown');
    expect(residencyOf(undefined).caption).toBe('Unknown');
  });
});
