import * as vscode from 'vscode';
import { detectJsonFormat, isJsonFileName } from '../../core/recipe/read';
import { readSettings } from '../settings';

/** Languages a recipe file may have: our YAML recipes stay `yaml`, n8n and Workato JSON stay `json`. */
export const RECIPE_LANGUAGES: vscode.DocumentSelector = [{ language: 'yaml' }, { language: 'json' }, { language: 'jsonc' }];

const detected = new Map<string, { version: number; recipe: boolean }>();

/**
 * Whether an open document is a recipe: it matches the `files` setting, or it is a JSON file whose content is an
 * n8n workflow or a Workato recipe. Any other JSON costs one look at its text per version, and shows nothing.
 */
export function isRecipeDocument(document: vscode.TextDocument): boolean {
  if (vscode.languages.match({ pattern: readSettings().files }, document) > 0) return true;
  if (!isJsonFileName(document.uri.path) && document.languageId !== 'json') return false;
  const key = document.uri.toString();
  const seen = detected.get(key);
  if (seen?.version === document.version) return seen.recipe;
  const recipe = detectJsonFormat(document.getText()) !== undefined;
  detected.set(key, { version: document.version, recipe });
  return recipe;
}

/** The name a document is read under: a JSON document without a `.json` name (untitled) is still read as JSON. */
export function recipeFileName(document: vscode.TextDocument): string {
  const path = document.uri.path;
  return (document.languageId === 'json' || document.languageId === 'jsonc') && !isJsonFileName(path) ? `${path}.json` : path;
}

/** Forgets what was detected for a closed document. */
export function forgetDocument(uri: vscode.Uri): void {
  detected.delete(uri.toString());
}
