/**
 * The permissions a simulated site knows, as its REST API names them: the project's permission vocabulary
 * (src/core/catalog) plus what only the wire format needs — Jira's numeric ids and which flavour has which key.
 */
import { PERMISSIONS, permissionInfo } from '../../src/core/catalog/permissions';
import type { Flavour } from './scenario/types';

export interface SimPermission {
  readonly key: string;
  readonly name: string;
  readonly type: 'GLOBAL' | 'PROJECT';
  readonly description: string;
  /** Jira's numeric id, as a string (what `mypermissions` reports); plugin and Cloud-only permissions have none. */
  readonly id?: string;
  readonly legacyKeys: readonly string[];
}

/** The ids of Jira's built-in permissions (the constants of Jira's old `Permissions` class). */
const NUMERIC_IDS: Readonly<Record<string, number>> = {
  ADMINISTER: 0,
  BROWSE_PROJECTS: 10,
  CREATE_ISSUES: 11,
  EDIT_ISSUES: 12,
  ASSIGN_ISSUES: 13,
  RESOLVE_ISSUES: 14,
  ADD_COMMENTS: 15,
  DELETE_ISSUES: 16,
  ASSIGNABLE_USER: 17,
  CLOSE_ISSUES: 18,
  CREATE_ATTACHMENTS: 19,
  WORK_ON_ISSUES: 20,
  LINK_ISSUES: 21,
  CREATE_SHARED_OBJECTS: 22,
  ADMINISTER_PROJECTS: 23,
  MANAGE_GROUP_FILTER_SUBSCRIPTIONS: 24,
  MOVE_ISSUES: 25,
  SET_ISSUE_SECURITY: 26,
  USER_PICKER: 27,
  SCHEDULE_ISSUES: 28,
  VIEW_DEV_TOOLS: 29,
  MODIFY_REPORTER: 30,
  VIEW_VOTERS_AND_WATCHERS: 31,
  MANAGE_WATCHERS: 32,
  BULK_CHANGE: 33,
  EDIT_ALL_COMMENTS: 34,
  EDIT_OWN_COMMENTS: 35,
  DELETE_ALL_COMMENTS: 36,
  DELETE_OWN_COMMENTS: 37,
  DELETE_ALL_ATTACHMENTS: 38,
  DELETE_OWN_ATTACHMENTS: 39,
  EDIT_OWN_WORKLOGS: 40,
  EDIT_ALL_WORKLOGS: 41,
  DELETE_OWN_WORKLOGS: 42,
  DELETE_ALL_WORKLOGS: 43,
  SYSTEM_ADMIN: 44,
  VIEW_READONLY_WORKFLOW: 45,
  TRANSITION_ISSUES: 46,
};

const CLOUD_ONLY: ReadonlySet<string> = new Set(['CREATE_PROJECT']);

const ALL: readonly SimPermission[] = PERMISSIONS.filter((p) => p.level !== 'issue-security').map((p) => ({
  key: p.key,
  name: p.name,
  type: p.level === 'global' ? 'GLOBAL' : 'PROJECT',
  description: p.description,
  ...(NUMERIC_IDS[p.key] !== undefined ? { id: String(NUMERIC_IDS[p.key]) } : {}),
  legacyKeys: p.legacyKeys ?? [],
}));

/** Every permission the flavour knows, by current key. */
export function permissionsOf(flavour: Flavour): readonly SimPermission[] {
  return flavour === 'cloud' ? ALL : ALL.filter((p) => !CLOUD_ONLY.has(p.key));
}

/** The permission with this current key on that flavour; legacy keys and unknown keys give undefined. */
export function permissionByKey(flavour: Flavour, key: string): SimPermission | undefined {
  return permissionsOf(flavour).find((p) => p.key === key);
}

/** The current key for a legacy one (EDIT_ISSUE → EDIT_ISSUES), for error messages. */
export function currentKeyOf(legacyKey: string): string | undefined {
  const info = permissionInfo(legacyKey);
  return info && info.key !== legacyKey ? info.key : undefined;
}
