/** The simulated site, resolved from a scenario: every reference is an object, every lookup an index. */
import type { Features, JiraVersion } from '../version';
import type { Flavour } from './types';

export interface SimUser {
  readonly handle: string;
  readonly displayName: string;
  readonly email: string;
  readonly active: boolean;
  readonly timeZone: string;
  readonly locale: string;
  /** Cloud */
  readonly accountId?: string;
  readonly apiTokens: readonly string[];
  /** Data Center */
  readonly username?: string;
  readonly key?: string;
  readonly password?: string;
  readonly personalAccessTokens: readonly string[];
  readonly captchaRequired: boolean;
  /** names of the groups the user is in */
  readonly groups: ReadonlySet<string>;
}

export interface SimGroup {
  readonly name: string;
  /** Cloud's group id (a UUID), derived from the name. */
  readonly groupId: string;
  readonly members: ReadonlySet<SimUser>;
}

export interface SimApplicationRole {
  readonly key: string;
  readonly name: string;
  readonly groups: readonly string[];
}

export interface SimProjectRole {
  readonly id: number;
  readonly name: string;
  readonly description: string;
}

export interface SimCustomField {
  readonly id: string;
  readonly name: string;
  readonly type: 'user' | 'group';
}

export type Holder =
  | { readonly type: 'anyone' | 'reporter' | 'assignee' | 'projectLead' }
  /** Without an application: any user with access to any application. */
  | { readonly type: 'applicationRole'; readonly application?: SimApplicationRole }
  | { readonly type: 'group'; readonly group: SimGroup }
  | { readonly type: 'user'; readonly user: SimUser }
  | { readonly type: 'projectRole'; readonly role: SimProjectRole }
  | { readonly type: 'userCustomField' | 'groupCustomField'; readonly field: SimCustomField };

export type HolderType = Holder['type'];

export interface SimGrant {
  readonly id: number;
  readonly permission: string;
  readonly holder: Holder;
}

export interface SimPermissionScheme {
  readonly id: number;
  readonly name: string;
  readonly description: string;
  readonly grants: readonly SimGrant[];
}

export interface SimSecurityLevel {
  readonly id: number;
  readonly name: string;
  readonly description: string;
  readonly members: readonly Holder[];
  readonly schemeId: number;
  readonly isDefault: boolean;
}

export interface SimIssueSecurityScheme {
  readonly id: number;
  readonly name: string;
  readonly description: string;
  readonly levels: readonly SimSecurityLevel[];
}

export interface SimRoleMembers {
  readonly users: ReadonlySet<SimUser>;
  readonly groups: ReadonlySet<string>;
}

export interface SimProject {
  readonly id: number;
  readonly key: string;
  readonly name: string;
  readonly description: string;
  readonly lead: SimUser;
  readonly projectTypeKey: 'software' | 'service_desk' | 'business';
  /** Archived: no permission holds there, so it answers as not found; only the search with status=archived lists it. */
  readonly archived: boolean;
  readonly permissionScheme: SimPermissionScheme;
  readonly issueSecurityScheme?: SimIssueSecurityScheme;
  /** project role id → members */
  readonly roles: ReadonlyMap<number, SimRoleMembers>;
}

export interface SimIssue {
  readonly id: number;
  readonly key: string;
  readonly summary: string;
  readonly project: SimProject;
  readonly reporter?: SimUser;
  readonly assignee?: SimUser;
  readonly securityLevel?: SimSecurityLevel;
  /** custom field id → user handles (user fields) or group names (group fields) */
  readonly fields: ReadonlyMap<string, readonly string[]>;
  readonly transitions: readonly SimTransition[];
}

export interface SimTransition {
  readonly id: string;
  readonly name: string;
  readonly to: SimStatus;
  /** The condition: who may make it (any one of them); undefined for none. */
  readonly holders?: readonly Holder[];
}

export interface SimStatus {
  readonly id: string;
  readonly name: string;
}

export interface World {
  readonly flavour: Flavour;
  readonly version: JiraVersion;
  readonly features: Features;
  /** "" or "/jira" */
  readonly contextPath: string;
  readonly title: string;
  readonly users: readonly SimUser[];
  readonly groups: ReadonlyMap<string, SimGroup>;
  readonly applicationRoles: readonly SimApplicationRole[];
  /** global permission key → group names */
  readonly globalGrants: ReadonlyMap<string, ReadonlySet<string>>;
  readonly projectRoles: readonly SimProjectRole[];
  readonly customFields: readonly SimCustomField[];
  readonly permissionSchemes: readonly SimPermissionScheme[];
  readonly issueSecuritySchemes: readonly SimIssueSecurityScheme[];
  readonly projects: readonly SimProject[];
  readonly issues: readonly SimIssue[];
  readonly boards: readonly SimBoard[];
}

export interface SimBoard {
  readonly id: number;
  readonly name: string;
  readonly type: 'scrum' | 'kanban';
  /** The projects the board's filter is bounded to. */
  readonly projects: readonly SimProject[];
}

/** A project by id when the text is numeric, else by key (case-sensitive, as the Cloud spec says). */
export function findProject(world: World, idOrKey: string): SimProject | undefined {
  return /^\d+$/.test(idOrKey) ? world.projects.find((p) => String(p.id) === idOrKey) : world.projects.find((p) => p.key === idOrKey);
}

export function findIssue(world: World, idOrKey: string): SimIssue | undefined {
  return /^\d+$/.test(idOrKey) ? world.issues.find((i) => String(i.id) === idOrKey) : world.issues.find((i) => i.key === idOrKey);
}
