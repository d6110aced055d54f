/**
 * A scenario: the Jira site the simulator plays, as written in YAML (see ../README.md for the format).
 * Users are named by a handle (the key of `users`) everywhere else in the file, and credentials of the other
 * flavour are ignored, so that a Cloud and a Data Center scenario of one world differ only in a few lines
 * (a file can `extends:` another; see load.ts).
 */

export type Flavour = 'cloud' | 'datacenter';

export interface Scenario {
  flavour: Flavour;
  /** "1001.0.0" on Cloud; "9.12.0", "10.3.4" or "6.4.0" on Data Center. */
  version: string;
  /** Where Jira lives on the server, e.g. "/jira"; "" (the default) for the root. */
  contextPath?: string;
  /** serverInfo's serverTitle. */
  title?: string;
  users: Record<string, ScenarioUser>;
  /** group name → user handles */
  groups?: Record<string, string[]>;
  /** Product access ("application access"): who may use which Jira application. */
  applicationRoles?: ScenarioApplicationRole[];
  /** global permission key → groups granted it */
  globalPermissions?: Record<string, string[]>;
  projectRoles?: ScenarioProjectRole[];
  customFields?: ScenarioCustomField[];
  permissionSchemes: ScenarioPermissionScheme[];
  issueSecuritySchemes?: ScenarioIssueSecurityScheme[];
  projects: ScenarioProject[];
  issues?: ScenarioIssue[];
  /** Jira Software boards. */
  boards?: ScenarioBoard[];
}

/** A board; `projects`: the projects its filter is bounded to (`project in (…)`), by key. */
export interface ScenarioBoard {
  id: number;
  name: string;
  type?: 'scrum' | 'kanban';
  projects: string[];
}

export interface ScenarioUser {
  displayName: string;
  email: string;
  /** Inactive users cannot log in. Default true. */
  active?: boolean;
  timeZone?: string;
  locale?: string;
  /** Cloud: the Atlassian account id. */
  accountId?: string;
  /** Cloud: API tokens accepted as the password of `Basic email:token`. */
  apiTokens?: string[];
  /** Data Center: login name. */
  username?: string;
  /** Data Center: user key, e.g. "JIRAUSER10000" (default: the username). */
  key?: string;
  /** Data Center: password for `Basic username:password`. */
  password?: string;
  /** Data Center 8.14+: personal access tokens, sent as `Authorization: Bearer <token>`. */
  personalAccessTokens?: string[];
  /** Data Center: after too many failed logins Jira wants a CAPTCHA; Basic then answers as anonymous. */
  captchaRequired?: boolean;
}

export interface ScenarioApplicationRole {
  key: string;
  name: string;
  groups: string[];
}

export interface ScenarioProjectRole {
  id: number;
  name: string;
  description?: string;
}

export interface ScenarioCustomField {
  /** "customfield_10050" */
  id: string;
  name: string;
  /** A user picker or a group picker (single or multi). */
  type: 'user' | 'group';
}

/**
 * Who a grant (or an issue security level) is for. Parameterless types are plain strings; the others are
 * one-key maps, e.g. `{ group: jira-administrators }`, `{ projectRole: Developers }`, `{ user: jan }`.
 * `applicationRole` alone means "any user with access to any application" (Cloud's "Any logged in user").
 */
export type ScenarioHolder =
  | 'anyone'
  | 'reporter'
  | 'assignee'
  | 'projectLead'
  | 'applicationRole'
  | { group: string }
  | { user: string }
  | { projectRole: string }
  | { applicationRole: string }
  | { userCustomField: string }
  | { groupCustomField: string };

export interface ScenarioPermissionScheme {
  id: number;
  name: string;
  description?: string;
  /** Start from another scheme's grants (by name); `grants` then replaces whole permissions. */
  basedOn?: string;
  /** permission key → holders */
  grants: Record<string, ScenarioHolder[]>;
}

export interface ScenarioIssueSecurityScheme {
  id: number;
  name: string;
  description?: string;
  /** Name of the level new issues get. */
  defaultLevel?: string;
  levels: ScenarioSecurityLevel[];
}

export interface ScenarioSecurityLevel {
  id: number;
  name: string;
  description?: string;
  members: ScenarioHolder[];
}

/** A role member: a user handle, `{ user: handle }` or `{ group: name }`. */
export type ScenarioRoleMember = string | { user: string } | { group: string };

export interface ScenarioProject {
  id: number;
  key: string;
  name: string;
  description?: string;
  /** user handle */
  lead: string;
  projectTypeKey?: 'software' | 'service_desk' | 'business';
  /** Archived (Cloud): Jira answers as if it didn't exist, except the project search with status=archived. */
  archived?: boolean;
  /** Name of the permission scheme. */
  permissionScheme: string;
  /** Name of the issue security scheme, if the project has one. */
  issueSecurityScheme?: string;
  /** project role name → members */
  roles?: Record<string, ScenarioRoleMember[]>;
}

export interface ScenarioIssue {
  id: number;
  /** "ENG-7": the part before the dash is the project key. */
  key: string;
  summary?: string;
  /** user handles */
  reporter?: string;
  assignee?: string;
  /** Name of a level of the project's issue security scheme. */
  securityLevel?: string;
  /** custom field id → user handles (user fields) or group names (group fields) */
  fields?: Record<string, string[]>;
  /** The workflow transitions open from the issue's current status. */
  transitions?: ScenarioTransition[];
}

/**
 * A transition Jira offers on an issue to those who hold Transition Issues there and meet its condition: `holders`
 * (any one of them, e.g. `{ projectRole: QA }`), or no condition when absent.
 */
export interface ScenarioTransition {
  id: string;
  name: string;
  /** Name of the target status. */
  to: string;
  holders?: ScenarioHolder[];
}
