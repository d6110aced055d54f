/** JSON Schema of a scenario file's structure; cross-references (handles, names, keys) are checked in load.ts. */

const name = { type: 'string', minLength: 1 } as const;
const id = { type: 'integer', minimum: 1 } as const;
const names = { type: 'array', items: name } as const;
const oneKey = (key: string) => ({ type: 'object', properties: { [key]: name }, required: [key], additionalProperties: false }) as const;

const holder = {
  oneOf: [
    { enum: ['anyone', 'reporter', 'assignee', 'projectLead', 'applicationRole'] },
    ...['group', 'user', 'projectRole', 'applicationRole', 'userCustomField', 'groupCustomField'].map(oneKey),
  ],
} as const;

export const SCENARIO_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  required: ['flavour', 'version', 'users', 'permissionSchemes', 'projects'],
  properties: {
    flavour: { enum: ['cloud', 'datacenter'] },
    version: { type: 'string', pattern: '^\\d+\\.\\d+\\.\\d+' },
    contextPath: { type: 'string', pattern: '^(/[A-Za-z0-9._~-]+)*$' },
    title: { type: 'string' },
    users: {
      type: 'object',
      minProperties: 1,
      additionalProperties: {
        type: 'object',
        additionalProperties: false,
        required: ['displayName', 'email'],
        properties: {
          displayName: name,
          email: name,
          active: { type: 'boolean' },
          timeZone: name,
          locale: name,
          accountId: name,
          apiTokens: names,
          username: name,
          key: name,
          password: name,
          personalAccessTokens: names,
          captchaRequired: { type: 'boolean' },
        },
      },
    },
    groups: { type: 'object', additionalProperties: names },
    applicationRoles: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['key', 'name', 'groups'],
        properties: { key: name, name, groups: names },
      },
    },
    globalPermissions: { type: 'object', additionalProperties: names },
    projectRoles: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['id', 'name'],
        properties: { id, name, description: { type: 'string' } },
      },
    },
    customFields: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['id', 'name', 'type'],
        properties: { id: { type: 'string', pattern: '^customfield_\\d+$' }, name, type: { enum: ['user', 'group'] } },
      },
    },
    permissionSchemes: {
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['id', 'name', 'grants'],
        properties: {
          id,
          name,
          description: { type: 'string' },
          basedOn: name,
          grants: { type: 'object', additionalProperties: { type: 'array', items: holder } },
        },
      },
    },
    issueSecuritySchemes: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['id', 'name', 'levels'],
        properties: {
          id,
          name,
          description: { type: 'string' },
          defaultLevel: name,
          levels: {
            type: 'array',
            items: {
              type: 'object',
              additionalProperties: false,
              required: ['id', 'name', 'members'],
              properties: { id, name, description: { type: 'string' }, members: { type: 'array', items: holder } },
            },
          },
        },
      },
    },
    projects: {
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['id', 'key', 'name', 'lead', 'permissionScheme'],
        properties: {
          id,
          key: { type: 'string', pattern: '^[A-Z][A-Z0-9_]+$' },
          name,
          description: { type: 'string' },
          lead: name,
          projectTypeKey: { enum: ['software', 'service_desk', 'business'] },
          archived: { type: 'boolean' },
          permissionScheme: name,
          issueSecurityScheme: name,
          roles: {
            type: 'object',
            additionalProperties: { type: 'array', items: { oneOf: [name, oneKey('user'), oneKey('group')] } },
          },
        },
      },
    },
    boards: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['id', 'name', 'projects'],
        properties: { id, name, type: { enum: ['scrum', 'kanban'] }, projects: names },
      },
    },
    issues: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['id', 'key'],
        properties: {
          id,
          key: { type: 'string', pattern: '^[A-Z][A-Z0-9_]+-\\d+$' },
          summary: { type: 'string' },
          reporter: name,
          assignee: name,
          securityLevel: name,
          fields: { type: 'object', additionalProperties: names },
          transitions: {
            type: 'array',
            items: {
              type: 'object',
              additionalProperties: false,
              required: ['id', 'name', 'to'],
              properties: { id: { type: 'string', pattern: '^\\d+$' }, name, to: name, holders: { type: 'array', items: holder } },
            },
          },
        },
      },
    },
  },
} as const;
