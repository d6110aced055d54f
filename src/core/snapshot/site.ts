/**
 * Which site a URL names, and which of several candidates (snapshots, linked accounts) a recipe's host runs on. The
 * check, the account store and the Jira client all match sites with these, so they can never disagree.
 */

/** Base URL of a parsed URL: origin and context path, no trailing slash, no query. */
export function baseOfUrl(url: URL): string {
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

/** Origin of a site URL, or undefined when it isn't one. */
export function siteOrigin(url: string): string | undefined {
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
}

/** Base URL without trailing slash, for comparing sites that have a context path. */
export function siteBase(url: string): string | undefined {
  try {
    return baseOfUrl(new URL(url));
  } catch {
    return undefined;
  }
}

/**
 * The candidate a host runs on: the one whose site has the same base URL, else the same origin; without a host,
 * the only candidate there is.
 */
export function matchSite<T>(host: string | undefined, candidates: readonly T[], siteOf: (candidate: T) => string): T | undefined {
  if (host === undefined) return candidates.length === 1 ? candidates[0] : undefined;
  const base = siteBase(host);
  const exact = candidates.find((c) => siteBase(siteOf(c)) === base);
  if (exact) return exact;
  const origin = siteOrigin(host);
  return origin === undefined ? undefined : candidates.find((c) => siteOrigin(siteOf(c)) === origin);
}
