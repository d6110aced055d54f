import { SEVERITY, type Finding, type FindingCode } from '../../core/check/findings';
import type { SuppressedFinding } from '../../core/check/suppress';
import { FINGERPRINT_KEY, fingerprint } from '../baseline';
import type { BaselineStates, FileReport } from './report';

/** Each rule's section in the README (headings "### `code`" make anchors of the code itself). */
const README = 'https://github.com/jira-recipe-lint/jira-recipe-lint#';

const RULE_TEXT: Record<FindingCode, string> = {
  'yaml-syntax': 'The recipe is not valid YAML.',
  'json-syntax': 'The recipe is not valid JSON.',
  'unknown-format': 'The file is not a recipe format jira-recipe-lint reads.',
  'unreadable-file': 'The file could not be read: too large, not text, or refused while reading.',
  schema: 'The recipe does not match the recipe schema.',
  'duplicate-id': 'A step id is used more than once.',
  'unknown-connection': 'A step names a connection the recipe does not define.',
  'unknown-trigger': 'The trigger is not one of the Jira connector.',
  'unknown-action': 'The action is not one of the Jira connector.',
  'missing-permission': 'The linked account lacks a project permission the step needs.',
  'missing-global-permission': 'The linked account lacks a global permission the step needs.',
  'project-not-visible': "The linked account can't see the step's project.",
  'issue-not-visible': 'The step names an issue the account cannot see: it does not exist, or an issue security level hides it.',
  'conditional-permission':
    'The permission covers only some items: it reaches the account only through an issue role (reporter, assignee, a user or group field), or only as the Own variant for items the account created; the step fails on the others.',
  'security-level-unavailable': 'The account may not set the issue security level the step names.',
  'comment-visibility-unavailable': 'The step restricts a comment to a group the account is not a member of; Jira refuses it.',
  'transition-unavailable': 'The transition or target status the step names is not among those Jira offers the account on the issue.',
  'deprecated-auth': 'Password authentication on Jira Cloud is deprecated.',
  'unsupported-version': 'The Jira server is older than 7.0.',
  unverified: 'A permission could not be verified.',
  'disabled-step': 'A Jira step is disabled, so it is not checked.',
  'missing-scope': 'The OAuth 2.0 token of the linked account lacks a scope the step needs.',
  'unknown-input': 'A step gives an input its operation does not take.',
  'missing-input': 'A step lacks an input its operation requires.',
  'account-over-privileged': 'The linked account holds Administer Jira, which none of the recipes checked needs.',
};

const LEVEL = { error: 'error', warning: 'warning', information: 'note' } as const;

/**
 * SARIF 2.1.0, for code-scanning tools (columns are 1-based UTF-16 code units). Each result carries a stable
 * partialFingerprints value (file, code, step, project, permissions: no line), with a baseline its baselineState;
 * suppressed findings are results with `suppressions`, as SARIF means them.
 */
export function formatSarif(reports: readonly FileReport[], version: string, states?: BaselineStates): string {
  const codes = Object.keys(RULE_TEXT) as FindingCode[];
  const result = (file: string, f: Finding | SuppressedFinding) => ({
    ruleId: f.code,
    ruleIndex: codes.indexOf(f.code),
    level: LEVEL[f.severity],
    message: { text: f.message },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: file.split('\\').join('/') },
          region: {
            startLine: f.range.start.line + 1,
            startColumn: f.range.start.character + 1,
            endLine: f.range.end.line + 1,
            endColumn: f.range.end.character + 1,
          },
        },
      },
    ],
    partialFingerprints: { [FINGERPRINT_KEY]: fingerprint(file, f) },
    ...(states?.has(f) ? { baselineState: states.get(f) } : {}),
    ...('suppressedBy' in f ? { suppressions: [{ kind: f.suppressionKind, justification: f.suppressionReason ?? f.suppressedBy }] } : {}),
    properties: { step: f.step, operation: f.operation, project: f.project, permissions: f.permissions },
  });
  const results = reports.flatMap(({ file, findings, suppressed }) => [...findings, ...suppressed].map((f) => result(file, f)));
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'jira-recipe-lint',
            version,
            rules: codes.map((id) => ({
              id,
              shortDescription: { text: RULE_TEXT[id] },
              helpUri: `${README}${id}`,
              defaultConfiguration: { level: LEVEL[SEVERITY[id]] },
            })),
          },
        },
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
  return `${JSON.stringify(sarif, null, 2)}\n`;
}
