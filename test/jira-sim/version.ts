/** Jira versions, and which behaviours of the simulated site depend on them. */
import type { Flavour } from './scenario/types';

export interface JiraVersion {
  readonly text: string;
  /** major, minor, patch */
  readonly numbers: readonly [number, number, number];
}

export function parseVersion(text: string): JiraVersion | undefined {
  const match = /^(\d+)\.(\d+)\.(\d+)(?:[-.][0-9A-Za-z.-]+)?$/.exec(text);
  if (!match) return undefined;
  return { text, numbers: [Number(match[1]), Number(match[2]), Number(match[3])] };
}

function atLeast(version: JiraVersion, major: number, minor = 0): boolean {
  const [ma, mi] = version.numbers;
  return ma > major || (ma === major && mi >= minor);
}

/** What the simulated Jira can do, given its flavour and version. */
export interface Features {
  /** Jira ≤ 6.x names permissions by their old keys only (BROWSE, EDIT_ISSUE…). */
  readonly legacyKeysOnly: boolean;
  /** Server/DC 7.0+ `mypermissions` answers each renamed permission twice: new key, and old key with `deprecatedKey`. */
  readonly deprecatedKeyTwins: boolean;
  /** `/permissionscheme` resources exist from Jira 7.0 (and on Cloud). */
  readonly permissionSchemeResource: boolean;
  /** Personal access tokens (`Authorization: Bearer`) exist from Data Center 8.14. */
  readonly personalAccessTokens: boolean;
}

export function featuresOf(flavour: Flavour, version: JiraVersion): Features {
  const dc = flavour === 'datacenter';
  return {
    legacyKeysOnly: dc && !atLeast(version, 7),
    deprecatedKeyTwins: dc && atLeast(version, 7),
    permissionSchemeResource: !dc || atLeast(version, 7),
    personalAccessTokens: dc && atLeast(version, 8, 14),
  };
}
