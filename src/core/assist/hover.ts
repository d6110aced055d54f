import type { PermissionInfo } from '../catalog';
import type { RecipeAnalysis } from '../check/analyze';
import type { PermissionSnapshot } from '../snapshot/types';
import type { Position, Range } from '../text/range';
import { locate } from './locate';
import { operationHover, type OperationHoverOptions } from './operation-hover';

/** Hover text (Markdown) for whatever is under a position of a recipe, or undefined. */
export function hoverAt(
  analysis: RecipeAnalysis,
  position: Position,
  snapshots: readonly PermissionSnapshot[],
  options: Partial<OperationHoverOptions> = {},
): { markdown: string; range: Range } | undefined {
  const found = locate(analysis, position);
  if (!found) return undefined;
  if (found.kind === 'permission') return { markdown: permissionMarkdown(found.permission), range: found.range };
  const markdown = operationHover(analysis, found.jiraStep, snapshots, { now: options.now ?? Date.now(), shown: options.shown ?? [] });
  return { markdown, range: found.range };
}

export function permissionMarkdown(p: PermissionInfo): string {
  const level = p.level === 'global' ? 'Global permission' : 'Project permission';
  const granted =
    p.level === 'global'
      ? 'Granted to groups by a Jira administrator (Jira administration → System → Global permissions).'
      : "Granted by each project's permission scheme to project roles, groups, single users, the reporter, the assignee, the project lead or anyone. Role membership is managed by project administrators; schemes by Jira administrators.";
  const legacy = p.legacyKeys?.length ? `\n\nOlder Jira Server versions call it \`${p.legacyKeys.join('`, `')}\`.` : '';
  return `**${p.name}** \`${p.key}\` — ${level}\n\n${p.description}\n\n${granted}${legacy}`;
}
