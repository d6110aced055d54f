import type { PermissionSnapshot } from '../snapshot/types';
import { analyzeRecipe, type RecipeAnalysis } from './analyze';
import { errorMessage } from '../text/error-message';
import { START_RANGE } from '../text/range';
import { compareFindings, finding, FindingCode, type Finding } from './findings';
import { checkPermissions } from './permission-check';
import { checkScopes } from './scope-check';

export * from './findings';
export * from './analyze';
export * from './projects';
export * from './connections';
export * from './needs';
export * from './requirements';
export * from './labels';
export * from './held';
export * from './over-privilege';
export { checkPermissions };

/**
 * Every finding for a recipe: syntax, schema, catalog and, from the snapshots, permissions. Pure and synchronous.
 * Never throws: should a check fail on some odd recipe, that becomes a finding on the file.
 */
export function check(recipe: string | RecipeAnalysis, snapshots: readonly PermissionSnapshot[] = []): Finding[] {
  const analysis = typeof recipe === 'string' ? analyzeRecipe(recipe) : recipe;
  let account: Finding[];
  try {
    account = [...checkPermissions(analysis, snapshots), ...checkScopes(analysis, snapshots)];
  } catch (e) {
    account = [finding(FindingCode.UnreadableFile, { message: `The permissions of this file could not be checked: ${errorMessage(e)}.`, range: START_RANGE })];
  }
  return [...analysis.findings, ...account].sort(compareFindings);
}
export * from './verification';
export * from './suppress';
