/**
 * GET /api/v1/meta/schemas/user/default (api-facts §2 Custom attributes; shape of
 * samples/okta-user-schema-default.json): base attributes from idp/okta-user.json plus the sandbox's
 * custom attributes `badgeNumber` and `projects`.
 */

type Attr = [
  name: string,
  title: string,
  limits?: { minLength?: number; maxLength?: number; required?: boolean; format?: string },
];

const BASE: Attr[] = [
  ['login', 'Username', { minLength: 5, maxLength: 100, required: true }],
  ['firstName', 'First name', { minLength: 1, maxLength: 50, required: true }],
  ['lastName', 'Last name', { minLength: 1, maxLength: 50, required: true }],
  ['middleName', 'Middle name'],
  ['honorificPrefix', 'Honorific prefix'],
  ['honorificSuffix', 'Honorific suffix'],
  ['email', 'Primary email', { required: true, format: 'email' }],
  ['title', 'Title'],
  ['displayName', 'Display name'],
  ['nickName', 'Nickname'],
  ['profileUrl', 'Profile Url'],
  ['secondEmail', 'Secondary email', { maxLength: 100, format: 'email' }],
  ['mobilePhone', 'Mobile phone', { maxLength: 100 }],
  ['primaryPhone', 'Primary phone', { maxLength: 100 }],
  ['streetAddress', 'Street address', { maxLength: 1024 }],
  ['city', 'City', { maxLength: 128 }],
  ['state', 'State', { maxLength: 128 }],
  ['zipCode', 'Zip code', { maxLength: 50 }],
  ['countryCode', 'Country code', { maxLength: 2 }],
  ['postalAddress', 'Postal Address', { maxLength: 4096 }],
  ['preferredLanguage', 'Preferred language'],
  ['locale', 'Locale'],
  ['timezone', 'Time zone'],
  ['userType', 'User type'],
  ['employeeNumber', 'Employee number'],
  ['costCenter', 'Cost center'],
  ['organization', 'Organization'],
  ['division', 'Division'],
  ['department', 'Department'],
  ['managerId', 'ManagerId'],
  ['manager', 'Manager'],
];

const SELF_RW = [{ principal: 'SELF', action: 'READ_WRITE' }];
const SELF_RO = [{ principal: 'SELF', action: 'READ_ONLY' }];

export function oktaUserSchema(base: string): Record<string, unknown> {
  const properties: Record<string, unknown> = {};
  for (const [name, title, limits = {}] of BASE) {
    const { required, ...rest } = limits;
    properties[name] = {
      title,
      type: 'string',
      ...(required ? { required: true } : {}),
      ...rest,
      mutability: 'READ_WRITE',
      scope: 'NONE',
      permissions: SELF_RW,
      master: { type: 'PROFILE_MASTER' },
    };
  }
  const custom = {
    badgeNumber: {
      title: 'Badge number',
      description: 'Physical access badge',
      type: 'string',
      maxLength: 20,
      required: false,
      mutability: 'READ_WRITE',
      scope: 'NONE',
      permissions: SELF_RO,
      master: { type: 'PROFILE_MASTER' },
    },
    projects: {
      title: 'Projects',
      type: 'array',
      items: { type: 'string' },
      required: false,
      mutability: 'READ_WRITE',
      scope: 'NONE',
      permissions: SELF_RO,
      master: { type: 'PROFILE_MASTER' },
    },
  };
  return {
    id: `${base}/meta/schemas/user/default`,
    $schema: 'http://json-schema.org/draft-04/schema#',
    name: 'user',
    title: 'Default Okta user',
    lastUpdated: '2025-05-20T20:04:26.000Z',
    created: '2025-05-20T20:04:26.000Z',
    definitions: {
      base: { id: '#base', type: 'object', properties, required: ['login', 'firstName', 'lastName', 'email'] },
      custom: { id: '#custom', type: 'object', properties: custom, required: [] },
    },
    type: 'object',
    properties: { profile: { allOf: [{ $ref: '#/definitions/base' }, { $ref: '#/definitions/custom' }] } },
  };
}
