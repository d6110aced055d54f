import type { JsonDocument, JsonNode } from '../json/tree';
import { emptyModel, type ReadRecipe } from '../model';

/** Placeholder until the n8n adapter lands. */
export function isN8nWorkflow(_root: JsonNode): boolean {
  return false;
}

export function readN8nWorkflow(document: JsonDocument): ReadRecipe {
  return { text: document.text, model: emptyModel('n8n'), problems: [], broken: false };
}
