/** The live Jira client: fetches what a linked account holds, as a PermissionSnapshot. No `vscode` in here. */
export { SnapshotCache, type SnapshotCacheOptions, type StaleResult } from './cache';
export { detectDeployment, listProjects, validateLogin, type DeploymentInfo, type JiraClientOptions, type LoginInfo } from './client';
export { authTypeOf, credentialsFromEnv, type JiraCredentials } from './credentials';
export {
  isAbortError,
  JiraAbortError,
  JiraAuthError,
  JiraConfigError,
  JiraInsecureHttpError,
  JiraError,
  JiraRequestError,
  JiraUnavailableError,
  JiraUnsupportedVersionError,
  type UnavailableReason,
} from './errors';
export { fetchSnapshot, type CloudProjectStrategy, type FetchSnapshotOptions } from './fetch-snapshot';
export type { FetchLike } from './fetch-impl';
export type { HttpOptions } from './http';
export type { JiraLogger, LogLevel } from './logger';
export { mergeNeeds, type PermissionNeeds } from '../snapshot/needs';
export type { ProjectRef } from './projects';
export type { RetryOptions } from './retry';
export { cloudOAuthSite, normalizeSite, type JiraSite, type SiteOptions } from './site';
