/** OAuth 2.0 (3LO) for Jira Cloud: consent, tokens, the sites of a grant and the gateway to them. No `vscode` here. */
export { fetchAccessibleResources, resourceForSite, type AccessibleResource } from './accessible-resources';
export { authorizationUrl, newState, OAuthDeniedError, OAuthStateError, readRedirect, type AuthorizationRequest } from './authorize';
export { gatewaySite } from './gateway';
export { listenForRedirect, type RedirectListener } from './loopback-redirect';
export { ATLASSIAN_ORIGINS, oauthOrigins, oauthOriginsFromEnv, type OAuthOrigins } from './origins';
export { OAuthSession, type GrantStore, type SessionOptions } from './session';
export { credentialsForSite, siteCredentials, type OAuthCredentials } from './site-grant';
export { exchangeCode, OAuthGrantError, refreshTokens, type OAuthClient, type TokenOptions, type TokenSet } from './tokens';
