import type { JsonDocument, JsonNode } from '../json/tree';
import { emptyModel, type ReadRecipe } from '../model';

/** Placeholder until the workato adapter lands. */
export function isWorkatoRecipe(_root: JsonNode): boolean {
  return false;
}

export function readWorkatoRecipe(document: JsonDocument): ReadRecipe {
  return { text: document.text, model: emptyModel('workato'), problems: [], broken: false };
}
