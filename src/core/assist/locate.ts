import { permissionInfo, type PermissionInfo } from '../catalog/permissions';
import type { JiraStep, RecipeAnalysis } from '../check/analyze';
import { containsPosition, type Position, type Range } from '../text/range';

/** What sits under a position: a Jira step's operation name or one of its input keys, or a permission key. */
export type Located =
  | { readonly kind: 'operation'; readonly jiraStep: JiraStep; readonly range: Range }
  | { readonly kind: 'input'; readonly jiraStep: JiraStep; readonly input: string; readonly range: Range }
  | { readonly kind: 'permission'; readonly permission: PermissionInfo; readonly range: Range };

export function locate(analysis: RecipeAnalysis, position: Position): Located | undefined {
  for (const jiraStep of analysis.jiraSteps) {
    const range = jiraStep.step.operationRange;
    if (containsPosition(range, position)) return { kind: 'operation', jiraStep, range };
    for (const entry of jiraStep.step.inputs.values()) {
      const keyRange = entry.keyRange;
      if (containsPosition(keyRange, position)) return { kind: 'input', jiraStep, input: entry.key, range: keyRange };
    }
  }
  return permissionWordAt(analysis.text, position);
}

/** A permission key such as ADD_COMMENTS (or a legacy one) anywhere in the text, comments included. */
function permissionWordAt(text: string, position: Position): Located | undefined {
  const line = text.split(/\r?\n/, position.line + 1)[position.line] ?? '';
  for (const match of line.matchAll(/[A-Z][A-Z_]{3,}/g)) {
    const start = match.index;
    const end = start + match[0].length;
    if (position.character < start || position.character > end) continue;
    const permission = permissionInfo(match[0]);
    if (permission)
      return { kind: 'permission', permission, range: { start: { line: position.line, character: start }, end: { line: position.line, character: end } } };
  }
  return undefined;
}
