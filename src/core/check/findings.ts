import type { Range } from '../text/range';

/** Stable finding codes: the CLI's JSON, SARIF rules, VS Code diagnostics and quick fixes all key on these. */
export const FindingCode = {
  YamlSyntax: 'yaml-syntax',
  Schema: 'schema',
  DuplicateId: 'duplicate-id',
  UnknownConnection: 'unknown-connection',
  UnknownTrigger: 'unknown-trigger',
  UnknownAction: 'unknown-action',
  MissingPermission: 'missing-permission',
  MissingGlobalPermission: 'missing-global-permission',
  ProjectNotVisible: 'project-not-visible',
  SecurityLevelUnavailable: 'security-level-unavailable',
  DeprecatedAuth: 'deprecated-auth',
  UnsupportedVersion: 'unsupported-version',
  Unverified: 'unverified',
} as const;
export type FindingCode = (typeof FindingCode)[keyof typeof FindingCode];

export type Severity = 'error' | 'warning' | 'information';

export const SEVERITY: Readonly<Record<FindingCode, Severity>> = {
  'yaml-syntax': 'error',
  schema: 'error',
  'duplicate-id': 'error',
  'unknown-connection': 'error',
  'unknown-trigger': 'error',
  'unknown-action': 'error',
  'missing-permission': 'error',
  'missing-global-permission': 'error',
  'project-not-visible': 'error',
  'security-level-unavailable': 'error',
  'deprecated-auth': 'warning',
  'unsupported-version': 'error',
  unverified: 'information',
};

export interface Finding {
  readonly code: FindingCode;
  readonly severity: Severity;
  readonly message: string;
  readonly range: Range;
  /** The step's id, else its path (`trigger`, `steps/1/then/0`); null for file-level findings. */
  readonly step: string | null;
  readonly operation: string | null;
  readonly project: string | null;
  readonly permissions: readonly string[];
  /** For unknown-trigger/unknown-action: the name it probably meant. For a real-time trigger: its polling twin. */
  readonly suggestion?: string;
  /** The site whose snapshot the finding came from, for access requests and hovers. */
  readonly site?: string;
}

export function finding(code: FindingCode, fields: Omit<Finding, 'code' | 'severity' | 'step' | 'operation' | 'project' | 'permissions'> & Partial<Finding>): Finding {
  return { code, severity: SEVERITY[code], step: null, operation: null, project: null, permissions: [], ...fields };
}

export function compareFindings(a: Finding, b: Finding): number {
  return a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character || a.code.localeCompare(b.code);
}
