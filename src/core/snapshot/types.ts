/**
 * A permission snapshot: what one linked Jira account was found to hold, as written by the live client and read by
 * the check engine. `schemas/permission-snapshot.schema.json` is its JSON form. A permission set to `false` is
 * missing; a permission or project that is absent was not fetched, which is unknown — never missing.
 */

export type Deployment = 'cloud' | 'server';
export type AuthType = 'api_token' | 'password' | 'pat' | 'oauth2';

export interface SnapshotAccount {
  /** Cloud accountId, or the Server/DC user key. */
  readonly id: string;
  /** Email (Cloud) or username (Server/DC). */
  readonly name?: string;
  readonly displayName?: string;
  /** The groups the account is a member of (`/myself?expand=groups`), when they were all listed. Absent: not known. */
  readonly groups?: readonly string[];
}

/** Someone a permission scheme grants a permission to (Jira's "holder"). */
export interface PermissionHolder {
  /** Jira's holder type: anyone, group, user, projectRole, reporter, assignee, projectLead, applicationRole, … */
  readonly type: string;
  /** Group name, role id, account id, custom field id… as Jira names it. */
  readonly parameter?: string;
  /** A readable name for the holder where one is known (role "QA", user "Jan Donyada"). */
  readonly displayName?: string;
}

export interface PermissionSchemeInfo {
  readonly id?: string;
  readonly name?: string;
  /** False when the account may not read the project's permission scheme (needs admin rights). */
  readonly readable: boolean;
  /** Who holds each permission (current keys), when the scheme was readable. */
  readonly grants?: Readonly<Record<string, readonly PermissionHolder[]>>;
}

/**
 * What the account holds on one issue, asked in that issue's context: exact where a project answer is not (grants
 * to the issue's reporter, assignee or a user/group field; issue security levels).
 */
export interface IssueSnapshot {
  /** False: the issue doesn't exist, or an issue security level hides it from the account (Jira answers 404 for both). */
  readonly visible: boolean;
  readonly id?: string;
  readonly permissions?: Readonly<Record<string, boolean>>;
  /** Why this issue's permissions could not be fetched; its project's answer stands in. */
  readonly unavailable?: string;
  /**
   * The transitions the account may make on the issue now, as Jira lists them for it (`GET …/issue/{key}/transitions`),
   * when they were fetched. Absent: not known, and the classic workflow's rules stand in.
   */
  readonly transitions?: readonly IssueTransition[];
}

/** One workflow transition as Jira offers it: its id, its name and the status it leads to. */
export interface IssueTransition {
  readonly id: string;
  readonly name: string;
  /** Name of the target status. */
  readonly to: string;
}

export interface ProjectSnapshot {
  /** False: the project doesn't exist or the account lacks Browse Projects (Jira answers 404 for both). */
  readonly visible: boolean;
  readonly id?: string;
  readonly name?: string;
  /**
   * Jira's project type (`software`, `service_desk`, `business`), when it was looked up: only for projects where a
   * step does agent work. `service_desk` (Jira Service Management) makes that work need Service Desk Agent.
   */
  readonly projectTypeKey?: string;
  readonly permissions?: Readonly<Record<string, boolean>>;
  /** Issue security levels the account may set, when they were fetched. */
  readonly securityLevels?: readonly string[];
  readonly permissionScheme?: PermissionSchemeInfo;
  /** True (with `visible: false`): Jira lists the project among archived ones (Cloud); it must be restored to be used. */
  readonly archived?: boolean;
  /** Why this project's permissions could not be fetched (server error, rate limit…); its checks are unverified. */
  readonly unavailable?: string;
  /** Issue key (upper case) → answers in that issue's context, for issues the recipes name literally. */
  readonly issues?: Readonly<Record<string, IssueSnapshot>>;
}

/** A Jira Software board a recipe names literally: the projects whose permissions its sprints need. */
export interface BoardSnapshot {
  /** False: the board doesn't exist or the account may not view it (Jira answers 404 for both). */
  readonly visible: boolean;
  /**
   * Keys of the projects the board's filter is bounded to (`GET /rest/agile/1.0/board/{id}/project`). Empty: Jira
   * named none — the filter is not bounded to projects, or the account can't browse all of them.
   */
  readonly projects?: readonly string[];
  /** Why the board's projects could not be fetched. */
  readonly unavailable?: string;
}

export interface PermissionSnapshot {
  readonly version: 1;
  readonly site: string;
  readonly deployment: Deployment;
  readonly serverVersion?: string;
  readonly account: SnapshotAccount;
  readonly authType: AuthType;
  /** OAuth 2.0 accounts: the scopes granted to the token on this site. Absent: not known, and never checked. */
  readonly scopes?: readonly string[];
  readonly fetchedAt: string;
  readonly global?: Readonly<Record<string, boolean>>;
  readonly projects?: Readonly<Record<string, ProjectSnapshot>>;
  /** Board id → its projects, for boards the recipes name literally (sprint operations). */
  readonly boards?: Readonly<Record<string, BoardSnapshot>>;
}
