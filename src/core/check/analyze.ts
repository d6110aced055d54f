import { findOperation, suggestOperation, type OperationSpec } from '../catalog';
import { nodeRange, parseRecipeDocument, type RecipeDocument } from '../recipe/document';
import { buildRecipeModel, type OperationStep, type RecipeModel } from '../recipe/model';
import { validateRecipeSchema } from '../recipe/schema-validation';
import { isJira, resolveConnection, type ResolvedConnection } from './connections';
import { finding, FindingCode, type Finding } from './findings';

/** A Jira step with its operation looked up in the catalog. */
export interface JiraStep {
  readonly step: OperationStep;
  readonly connection: ResolvedConnection;
  readonly operation: OperationSpec;
}

/** Everything about a recipe that needs no account: syntax, schema, ids, connections, operation names. */
export interface RecipeAnalysis {
  readonly document: RecipeDocument;
  readonly model: RecipeModel;
  readonly findings: readonly Finding[];
  readonly jiraSteps: readonly JiraStep[];
}

export function analyzeRecipe(text: string): RecipeAnalysis {
  const document = parseRecipeDocument(text);
  const model = buildRecipeModel(document);
  if (document.syntaxErrors.length) {
    // A broken file gets only its syntax errors: schema errors on a half-parsed tree would mislead.
    const findings = document.syntaxErrors.map((e) => finding(FindingCode.YamlSyntax, { message: e.message, range: e.range }));
    return { document, model, findings, jiraSteps: [] };
  }
  const findings: Finding[] = validateRecipeSchema(document).map((p) => finding(FindingCode.Schema, { message: p.message, range: p.range }));
  findings.push(...duplicateIds(document, model));
  const jiraSteps: JiraStep[] = [];
  for (const step of model.trigger ? [model.trigger, ...model.actions] : model.actions) {
    const connection = resolveConnection(step, model);
    if (connection.undefinedName) {
      findings.push(
        finding(FindingCode.UnknownConnection, {
          message: `Connection "${connection.name}" is not defined under connections:. Defined: ${[...model.connections.keys()].join(', ') || 'none'}.`,
          range: nodeRange(document, step.connectionNode),
          step: step.id ?? step.path,
          operation: step.operation,
        }),
      );
      continue;
    }
    if (!isJira(connection)) continue;
    const operation = findOperation(step.operation);
    if (operation && operation.kind === step.kind) jiraSteps.push({ step, connection, operation });
    else findings.push(unknownOperation(document, step, operation));
  }
  return { document, model, findings, jiraSteps };
}

function duplicateIds(document: RecipeDocument, model: RecipeModel): Finding[] {
  const first = new Map<string, number>();
  const findings: Finding[] = [];
  for (const entry of model.ids) {
    const range = nodeRange(document, entry.node);
    const line = first.get(entry.id);
    if (line === undefined) {
      first.set(entry.id, range.start.line);
      continue;
    }
    findings.push(
      finding(FindingCode.DuplicateId, {
        message: `Step id "${entry.id}" is already used on line ${line + 1}. Step ids must be unique in a recipe, so that {{ ${entry.id}.… }} means one step.`,
        range,
        step: entry.path,
      }),
    );
  }
  return findings;
}

function unknownOperation(document: RecipeDocument, step: OperationStep, known: OperationSpec | undefined): Finding {
  const kind = step.kind;
  const code = kind === 'trigger' ? FindingCode.UnknownTrigger : FindingCode.UnknownAction;
  // A known operation of the other kind is a misuse, not a typo: no look-alike to suggest.
  const suggestion = known ? undefined : suggestOperation(step.operation, kind);
  const base = known
    ? `"${step.operation}" is a Jira ${known.kind}, not ${kind === 'trigger' ? 'a trigger' : 'an action'}.`
    : `Unknown Jira ${kind} "${step.operation}".`;
  return finding(code, {
    message: suggestion ? `${base} Did you mean "${suggestion}"?` : base,
    range: nodeRange(document, step.operationNode),
    step: step.id ?? step.path,
    operation: step.operation,
    suggestion,
  });
}
