/**
 * The scopes the API gateway asks of a token for a Jira call: the `x-atlassian-oauth2-scopes` of the operation the
 * simulator's route implements, as Atlassian's Cloud spec gives them (contracts/cloud.json keeps them). A token must
 * hold one of the sets whole, classic or granular.
 */
import cloud from '../contracts/cloud.json';
import { matchRoute } from '../routes';

interface ScopeSet {
  readonly scheme: string;
  readonly state: string;
  readonly scopes: readonly string[];
}

interface Operation {
  readonly 'x-atlassian-oauth2-scopes'?: readonly ScopeSet[];
  /** Where the spec gives no scope sets: the classic scopes alone. */
  readonly security?: readonly { readonly OAuth2?: readonly string[] }[];
}

type Paths = Readonly<Record<string, Readonly<Record<string, Operation>>>>;

/** The scope sets of `method path` (below the site); undefined for a call the simulator doesn't serve. */
export function scopeSetsOf(method: string, path: string): readonly (readonly string[])[] | undefined {
  const match = matchRoute('cloud', method, path);
  const spec = match.route?.cloud?.spec;
  if (!spec) return undefined;
  const operation = (cloud.paths as unknown as Paths)[spec]?.[method.toLowerCase()];
  const sets = operation?.['x-atlassian-oauth2-scopes'];
  if (sets) return sets.filter((s) => s.scheme === 'OAuth2').map((s) => s.scopes);
  const classic = operation?.security?.find((s) => s.OAuth2)?.OAuth2;
  return classic && [classic];
}

export function scopesAllow(sets: readonly (readonly string[])[], granted: readonly string[]): boolean {
  return sets.some((set) => set.every((scope) => granted.includes(scope)));
}
