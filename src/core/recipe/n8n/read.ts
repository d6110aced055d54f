import type { JsonDocument, JsonNode } from '../json/tree';
import { emptyModel, type ReadRecipe } from '../model';
import { buildN8nModel } from './build';
import { isWorkflowRoot } from './nodes';

/** An n8n workflow: a top-level `nodes` list in which some node's type is one of n8n's (`n8n-nodes-base.…`, `@n8n/…`). */
export function isN8nWorkflow(root: JsonNode): boolean {
  return isWorkflowRoot(root);
}

/** An n8n workflow's recipe model; a workflow with a JSON syntax error gets those errors and no model. */
export function readN8nWorkflow(document: JsonDocument): ReadRecipe {
  if (document.syntaxErrors.length) return { text: document.text, model: emptyModel('n8n'), problems: document.syntaxErrors, broken: true };
  const { model, problems } = buildN8nModel(document);
  return { text: document.text, model, problems, broken: false };
}
