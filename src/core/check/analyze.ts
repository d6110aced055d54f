import { findOperation, suggestOperation, type OperationSpec } from '../catalog';
import type { OperationStep, ReadRecipe, RecipeFormat, RecipeModel } from '../recipe/model';
import { isJsonFileName, oversizedRecipe, readRecipe, unreadableRecipe } from '../recipe/read';
import { isJira, resolveConnection, withConnectionSites, type ConnectionSites, type ResolvedConnection } from './connections';
import { finding, FindingCode, type Finding } from './findings';
import { checkInputs } from './input-check';
import { stepName } from './labels';

/** A Jira step with its operation looked up in the catalog. */
export interface JiraStep {
  readonly step: OperationStep;
  readonly connection: ResolvedConnection;
  readonly operation: OperationSpec;
}

/** Everything about a recipe that needs no account: syntax, schema, ids, connections, operation names. */
export interface RecipeAnalysis {
  readonly text: string;
  readonly format: RecipeFormat;
  readonly model: RecipeModel;
  readonly findings: readonly Finding[];
  readonly jiraSteps: readonly JiraStep[];
}

export interface AnalyzeOptions {
  /** The file's name or path; it tells JSON formats from YAML. */
  readonly fileName?: string;
  /** Sites of connections that the recipe names without one (n8n credentials, Workato connections). */
  readonly connectionSites?: ConnectionSites;
}

/** Never throws: a file that can't be read or checked gets a finding of its own, and a run goes on with the others. */
export function analyzeRecipe(text: string, options: AnalyzeOptions = {}): RecipeAnalysis {
  try {
    return analyzeRead(readRecipe(text, { fileName: options.fileName }), options);
  } catch (e) {
    return analyzeRead(unreadableRecipe(text, isJsonFileName(options.fileName) ? 'n8n' : 'yaml', e), options);
  }
}

/** The analysis of a file refused by its size, without reading it. */
export function analyzeOversized(bytes: number, options: AnalyzeOptions = {}): RecipeAnalysis {
  return analyzeRead(oversizedRecipe(bytes, options.fileName), options);
}

/** The analysis of a file that could not even be read (no permission, a read error). */
export function analyzeUnreadable(reason: unknown, options: AnalyzeOptions = {}): RecipeAnalysis {
  return analyzeRead(unreadableRecipe('', isJsonFileName(options.fileName) ? 'n8n' : 'yaml', reason), options);
}

function analyzeRead(read: ReadRecipe, options: AnalyzeOptions): RecipeAnalysis {
  const text = read.text;
  const model = withConnectionSites(read.model, options.connectionSites);
  const findings: Finding[] = read.problems.map((p) =>
    finding(p.code, {
      message: p.message,
      range: p.range,
      step: p.step ?? null,
      operation: p.operation ?? null,
      ...(p.suggestion ? { suggestion: p.suggestion } : {}),
    }),
  );
  if (read.broken) return { text, format: model.format, model, findings, jiraSteps: [] };
  findings.push(...duplicateIds(model));
  const jiraSteps: JiraStep[] = [];
  for (const step of model.trigger ? [model.trigger, ...model.actions] : model.actions) {
    if (step.disabled) continue;
    const connection = resolveConnection(step, model);
    if (connection.undefinedName) {
      findings.push(
        finding(FindingCode.UnknownConnection, {
          message: `Connection "${connection.name}" is not defined under connections:. Defined: ${[...model.connections.keys()].join(', ') || 'none'}.`,
          range: step.connectionRange ?? step.operationRange,
          step: stepName(step),
          operation: step.operation,
        }),
      );
      continue;
    }
    if (!isJira(connection)) continue;
    const operation = findOperation(step.operation);
    if (operation && operation.kind === step.kind) jiraSteps.push({ step, connection, operation });
    else findings.push(unknownOperation(step, operation));
  }
  findings.push(...checkInputs(jiraSteps, model));
  return { text, format: model.format, model, findings, jiraSteps };
}

function duplicateIds(model: RecipeModel): Finding[] {
  const first = new Map<string, number>();
  const findings: Finding[] = [];
  for (const entry of model.ids) {
    const line = first.get(entry.id);
    if (line === undefined) {
      first.set(entry.id, entry.range.start.line);
      continue;
    }
    findings.push(
      finding(FindingCode.DuplicateId, {
        message: `Step id "${entry.id}" is already used on line ${line + 1}. Step ids must be unique in a recipe, so that {{ ${entry.id}.… }} means one step.`,
        range: entry.range,
        step: entry.path,
      }),
    );
  }
  return findings;
}

function unknownOperation(step: OperationStep, known: OperationSpec | undefined): Finding {
  const kind = step.kind;
  const code = kind === 'trigger' ? FindingCode.UnknownTrigger : FindingCode.UnknownAction;
  // A known operation of the other kind is a misuse, not a typo: no look-alike to suggest.
  const suggestion = known ? undefined : suggestOperation(step.operation, kind);
  const base = known
    ? `"${step.operation}" is a Jira ${known.kind}, not ${kind === 'trigger' ? 'a trigger' : 'an action'}.`
    : `Unknown Jira ${kind} "${step.operation}".`;
  return finding(code, {
    message: suggestion ? `${base} Did you mean "${suggestion}"?` : base,
    range: step.operationRange,
    step: stepName(step),
    operation: step.operation,
    suggestion,
  });
}
