import { lackedScopes, operationScopes } from '../catalog/scopes';
import type { PermissionSnapshot } from '../snapshot/types';

/**
 * The hover's line about OAuth 2.0 scopes: what the operation's call needs, and for an OAuth account whether its
 * token holds them. An account that signs in otherwise (API token, PAT) has no scopes, so it gets no line.
 */
export function scopeMarkdown(operation: string, snapshot: PermissionSnapshot | undefined): string | undefined {
  const needed = operationScopes(operation);
  if (!needed || (snapshot && snapshot.authType !== 'oauth2')) return undefined;
  const same = needed.classic.length === needed.granular.length && needed.classic.every((s) => needed.granular.includes(s));
  const forms = same ? codes(needed.classic) : `${codes(needed.classic)} (classic) or ${codes(needed.granular)} (granular)`;
  const line = `OAuth 2.0 scopes for \`${needed.call}\`: ${forms}`;
  if (!snapshot) return `${line} — for connections that link through OAuth 2.0.`;
  if (!snapshot.scopes) return `${line} — ? the token's scopes are not known.`;
  const lacked = lackedScopes(needed, snapshot.scopes);
  if (!lacked) return `${line} — ✓ granted to the token.`;
  return `${line} — ✗ the token lacks ${codes(lacked.classic)}: add ${lacked.classic.length > 1 ? 'them' : 'it'} to the OAuth 2.0 integration, then link the account again to consent.`;
}

/** Shown instead of the catalog's webhook note when the account links through OAuth 2.0. */
export const DYNAMIC_WEBHOOK_NOTE =
  'Linked through OAuth 2.0, this trigger registers a dynamic webhook (`POST /rest/api/3/webhook`), which needs no global permission, only the scopes read:jira-work and manage:jira-webhook (or their granular twins); Jira delivers its events for issues the account can see, and such webhooks expire after 30 days unless refreshed.';

function codes(scopes: readonly string[]): string {
  return scopes.map((s) => `\`${s}\``).join(', ');
}
