/** The global AIMS roles of the spec examples (reference/alertlogic-api.md §3.3). */
export const ROLES = {
  Administrator: {
    id: '4389AB00-BBCC-4EB1-83E9-7A906A452BF0',
    account_id: '*',
    name: 'Administrator',
    permissions: { '*:own:*:*': 'allowed' },
    legacy_permissions: [],
    version: 1,
    global: true,
    created: { at: 1430184599, by: 'System' },
    modified: { at: 1430184599, by: 'System' },
  },
  'Power User': {
    id: '2A33175D-86EF-44B5-AA39-C9549F6306DF',
    account_id: '*',
    name: 'Power User',
    permissions: {
      '*:own:*:*': 'allowed',
      'aims:own:create:*': 'denied',
      'aims:own:update:*': 'denied',
      'aims:own:delete:*': 'denied',
      'aims:own:grant:*': 'denied',
      'aims:own:revoke:*': 'denied',
    },
    legacy_permissions: [],
    version: 1,
    global: true,
    created: { at: 1430184599, by: 'System' },
    modified: { at: 1430184599, by: 'System' },
  },
  'Read Only': {
    id: 'F578CCE5-9574-4489-BF05-A04075838DE3',
    account_id: '*',
    name: 'Read Only',
    permissions: { '*:own:get:*': 'allowed', '*:own:list:*': 'allowed' },
    legacy_permissions: [],
    version: 1,
    global: true,
    created: { at: 1430184599, by: 'System' },
    modified: { at: 1430184599, by: 'System' },
  },
} as const;

export type RoleName = keyof typeof ROLES;
