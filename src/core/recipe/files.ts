import { detectJsonFormat } from './read';

/**
 * Which files are recipes. Named ones (`*.recipe.yaml|yml|json`) always are: one whose content we can't read gets a
 * finding. Any other `.json` file is one when its content is an n8n workflow or a Workato recipe; other JSON
 * (package.json, snapshots, settings) is skipped quietly. The CLI's folder scans and VS Code use these alike.
 */
export const RECIPE_GLOB = '**/*.recipe.{yaml,yml,json}';
export const JSON_GLOB = '**/*.json';
/** Folders no scan enters. */
export const IGNORED_GLOBS = ['**/node_modules/**', '**/.git/**'];

const NAMED_RECIPE = /\.recipe\.(?:ya?ml|json)$/i;

export function isNamedRecipe(path: string): boolean {
  return NAMED_RECIPE.test(path);
}

/** Whether a file found by a scan is a recipe: by its name, else (for JSON) by its content. */
export function isRecipeFile(path: string, text: () => string): boolean {
  if (isNamedRecipe(path)) return true;
  return /\.json$/i.test(path) && detectJsonFormat(text()) !== undefined;
}
