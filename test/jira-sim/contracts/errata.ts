/**
 * Where a spec is wrong about what Jira really answers, and the simulator follows Jira: each erratum patches the
 * extracted contract before responses are validated, and says why. Everything else is validated as published.
 */
import type { Flavour } from '../scenario/types';

export type Erratum =
  | {
      readonly flavour: Flavour;
      /** "get /api/2/project" */
      readonly operation: string;
      readonly status: string;
      /** replaces the response schema */
      readonly responseSchema: unknown;
      readonly why: string;
    }
  | {
      readonly flavour: Flavour;
      readonly operation: string;
      /** a status Jira answers that the spec leaves out; its body is Jira's ErrorCollection */
      readonly addStatus: string;
      readonly why: string;
    }
  | {
      readonly flavour: Flavour;
      readonly schema: string;
      /** added to the component schema's properties */
      readonly addProperties: Readonly<Record<string, unknown>>;
      readonly why: string;
    };

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

export const ERRATA: readonly Erratum[] = [
  {
    flavour: 'datacenter',
    operation: 'post /api/2/permissionscheme',
    addStatus: '400',
    why: 'The DC spec declares only 201, 401 and 403; Jira answers an invalid scheme (no name, a name in use, an unknown holder) with 400.',
  },
  {
    flavour: 'datacenter',
    operation: 'post /api/2/project/{projectIdOrKey}/role/{id}',
    addStatus: '400',
    why: 'The DC spec declares only 200, 404 and 410; Jira answers a request without actors, or naming an unknown user or group, with 400.',
  },
  {
    flavour: 'datacenter',
    operation: 'post /api/2/project/{projectIdOrKey}/role/{id}',
    addStatus: '401',
    why: 'The DC spec declares only 200, 404 and 410; like every other resource, Jira answers an anonymous caller with 401.',
  },
  {
    flavour: 'datacenter',
    operation: 'get /api/2/project',
    status: '200',
    responseSchema: { type: 'array', items: ref('ProjectBean') },
    why: 'The DC spec types the answer as one ProjectBean; GET /rest/api/2/project returns an array of them.',
  },
  {
    flavour: 'datacenter',
    operation: 'get /agile/1.0/board/{boardId}/project',
    status: '200',
    responseSchema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        maxResults: { type: 'integer' },
        startAt: { type: 'integer' },
        total: { type: 'integer' },
        isLast: { type: 'boolean' },
        values: { type: 'array', items: ref('ProjectJsonBean') },
      },
    },
    why: "The DC spec types the answer as one ProjectJsonBean, yet describes it as 'the board's projects, at the specified page of the results' (startAt, maxResults): Jira Software answers a page whose values are ProjectJsonBeans.",
  },
  {
    flavour: 'cloud',
    schema: 'PermissionHolder',
    addProperties: {
      user: ref('User'),
      group: ref('GroupName'),
      projectRole: ref('ProjectRole'),
      field: ref('FieldDetails'),
    },
    why:
      "Cloud's PermissionHolder forbids extra properties, yet the permission scheme operations document expand=user, " +
      'group, projectRole and field, which add those objects to each holder (as the DC spec types them).',
  },
];
