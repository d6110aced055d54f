import type { PermissionSnapshot } from '../snapshot/types';
import { analyzeRecipe, type RecipeAnalysis } from './analyze';
import { compareFindings, type Finding } from './findings';
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
export { checkPermissions };

/** Every finding for a recipe: syntax, schema, catalog and, from the snapshots, permissions. Pure and synchronous. */
export function check(recipe: string | RecipeAnalysis, snapshots: readonly PermissionSnapshot[] = []): Finding[] {
  const analysis = typeof recipe === 'string' ? analyzeRecipe(recipe) : recipe;
  return [...analysis.findings, ...checkPermissions(analysis, snapshots), ...checkScopes(analysis, snapshots)].sort(compareFindings);
}
export * from './verification';
export * from './suppress';
