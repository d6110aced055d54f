import type { Range } from '../text/range';

/**
 * Stable finding codes: the CLI's JSON, SARIF rules, VS Code diagnostics and quick fixes all key on these. Fields
 * shown in the CLI's JSON (`step`, `operation`, `project`) are null when absent; the others are left out.
 */
export const FindingCode = {
  YamlSyntax: 'yaml-syntax',
  JsonSyntax: 'json-syntax',
  UnknownFormat: 'unknown-format',
  UnreadableFile: 'unreadable-file',
  Schema: 'schema',
  DuplicateId: 'duplicate-id',
  UnknownConnection: 'unknown-connection',
  UnknownTrigger: 'unknown-trigger',
  UnknownAction: 'unknown-action',
  MissingPermission: 'missing-permission',
  MissingGlobalPermission: 'missing-global-permission',
  ProjectNotVisible: 'project-not-visible',
  IssueNotVisible: 'issue-not-visible',
  ConditionalPermission: 'conditional-permission',
  SecurityLevelUnavailable: 'security-level-unavailable',
  TransitionUnavailable: 'transition-unavailable',
  CommentVisibilityUnavailable: 'comment-visibility-unavailable',
  DeprecatedAuth: 'deprecated-auth',
  UnsupportedVersion: 'unsupported-version',
  Unverified: 'unverified',
  DisabledStep: 'disabled-step',
  MissingScope: 'missing-scope',
  UnknownInput: 'unknown-input',
  MissingInput: 'missing-input',
  AccountOverPrivileged: 'account-over-privileged',
} as const;
export type FindingCode = (typeof FindingCode)[keyof typeof FindingCode];

export type Severity = 'error' | 'warning' | 'information';

export const SEVERITY: Readonly<Record<FindingCode, Severity>> = {
  'yaml-syntax': 'error',
  'json-syntax': 'error',
  'unknown-format': 'error',
  'unreadable-file': 'error',
  schema: 'error',
  'duplicate-id': 'error',
  'unknown-connection': 'error',
  'unknown-trigger': 'error',
  'unknown-action': 'error',
  'missing-permission': 'error',
  'missing-global-permission': 'error',
  'project-not-visible': 'error',
  'issue-not-visible': 'error',
  'conditional-permission': 'warning',
  'security-level-unavailable': 'error',
  'transition-unavailable': 'error',
  'comment-visibility-unavailable': 'error',
  'deprecated-auth': 'warning',
  'unsupported-version': 'error',
  unverified: 'information',
  'disabled-step': 'information',
  'missing-scope': 'error',
  'unknown-input': 'warning',
  'missing-input': 'error',
  'account-over-privileged': 'information',
};

/** Findings a Jira administrator can resolve by granting something: what access requests and quick fixes offer. */
const GRANTABLE: ReadonlySet<FindingCode> = new Set<FindingCode>([
  'missing-permission',
  'missing-global-permission',
  'project-not-visible',
  'security-level-unavailable',
  'conditional-permission',
]);

export function isGrantable(finding: Finding): boolean {
  return GRANTABLE.has(finding.code);
}

export interface Finding {
  readonly code: FindingCode;
  readonly severity: Severity;
  readonly message: string;
  readonly range: Range;
  /** The step's id, else its path (`trigger`, `steps/1/then/0`); null for file-level findings. */
  readonly step: string | null;
  readonly operation: string | null;
  readonly project: string | null;
  /** The permission keys the finding is about (current keys); with `alternatives`, any one of them will do. */
  readonly permissions: readonly string[];
  readonly alternatives?: boolean;
  /** The input whose value added the requirement (`assignee` → Assign Issues); for input findings, the input. */
  readonly input?: string;
  /** The literal issue the finding was judged on (issue-not-visible, or a permission missing on that issue). */
  readonly issue?: string;
  /** For conditional-permission: how the permission reaches the account, and where the step fails without more. */
  readonly condition?: string;
  /** For security-level-unavailable: the level the step sets. */
  readonly securityLevel?: string;
  /**
   * For unknown-trigger, unknown-action, unknown-input and a schema's unknown property: the name it probably meant.
   * For a real-time trigger: its polling twin.
   */
  readonly suggestion?: string;
  /** For missing-scope: the OAuth 2.0 scopes the token lacks, in each form (either form whole would do). */
  readonly scopes?: { readonly classic: readonly string[]; readonly granular: readonly string[] };
  /** The site whose snapshot the finding came from, for access requests and hovers. */
  readonly site?: string;
  /** For findings about a connection's account as a whole: the connection's name ('' for the unnamed one). */
  readonly connection?: string;
}

export function finding(
  code: FindingCode,
  fields: Omit<Finding, 'code' | 'severity' | 'step' | 'operation' | 'project' | 'permissions'> & Partial<Finding>,
): Finding {
  return { code, severity: SEVERITY[code], step: null, operation: null, project: null, permissions: [], ...fields };
}

export function compareFindings(a: Finding, b: Finding): number {
  return a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character || a.code.localeCompare(b.code);
}

/** How many findings of each severity: the CLI's summary and the palette check's both count with this. */
export function countBySeverity(findings: readonly Finding[]): { errors: number; warnings: number; information: number } {
  const counts = { errors: 0, warnings: 0, information: 0 };
  for (const f of findings) {
    if (f.severity === 'error') counts.errors++;
    else if (f.severity === 'warning') counts.warnings++;
    else counts.information++;
  }
  return counts;
}
