import { isGlobalPermission, permissionInfo, type PermissionInfo } from '../catalog';
import type { JiraStep, RecipeAnalysis } from '../check/analyze';
import { boardProjects } from '../check/boards';
import { conditionalGrant } from '../check/conditional';
import { issueAnswer } from '../check/issue-answer';
import { requirementHeld } from '../check/held';
import { accountLabel, holdersLabel, whoCanGrant } from '../check/labels';
import { actsOnUnnamedIssues, ProjectResolver } from '../check/projects';
import { registersDynamicWebhook, type Requirement } from '../check/requirements';
import { stepRequirements } from '../check/transitions';
import { accountName } from '../snapshot/account';
import type { OperationStep } from '../recipe/model';
import { projectOf, snapshotForHost } from '../snapshot/normalize';
import type { PermissionSnapshot, ProjectSnapshot } from '../snapshot/types';
import { timeAgo } from '../text/ago';
import type { Position, Range } from '../text/range';
import { locate } from './locate';
import { DYNAMIC_WEBHOOK_NOTE, scopeMarkdown } from './scope-hover';

/** Hover text (Markdown) for whatever is under a position of a recipe, or undefined. */
export function hoverAt(
  analysis: RecipeAnalysis,
  position: Position,
  snapshots: readonly PermissionSnapshot[],
  now = Date.now(),
): { markdown: string; range: Range } | undefined {
  const found = locate(analysis, position);
  if (!found) return undefined;
  if (found.kind === 'permission') return { markdown: permissionMarkdown(found.permission), range: found.range };
  return { markdown: operationMarkdown(analysis, found.jiraStep, snapshots, now), range: found.range };
}

const LAYERS =
  "Jira checks three layers in turn: **global** permissions (granted to groups), **project** permissions (granted by the project's permission scheme to roles, groups, users, reporter, assignee, project lead…), then the issue's **security level**, which can hide an issue even from an account that holds every project permission.";

export function permissionMarkdown(p: PermissionInfo): string {
  const level = p.level === 'global' ? 'Global permission' : 'Project permission';
  const granted =
    p.level === 'global'
      ? 'Granted to groups by a Jira administrator (Jira administration → System → Global permissions).'
      : "Granted by each project's permission scheme to project roles, groups, single users, the reporter, the assignee, the project lead or anyone. Role membership is managed by project administrators; schemes by Jira administrators.";
  const legacy = p.legacyKeys?.length ? `\n\nOlder Jira Server versions call it \`${p.legacyKeys.join('`, `')}\`.` : '';
  return `**${p.name}** \`${p.key}\` — ${level}\n\n${p.description}\n\n${granted}${legacy}`;
}

function operationMarkdown(analysis: RecipeAnalysis, jiraStep: JiraStep, snapshots: readonly PermissionSnapshot[], now: number): string {
  const { operation: op, step, connection } = jiraStep;
  const snapshot = snapshotForHost(connection.host, snapshots);
  const requirements = stepRequirements(op, step, snapshot);
  const perProject = requirements.some((r) => r.keys.some((k) => !isGlobalPermission(k)));
  const board = perProject ? boardProjects(op, step, snapshot) : undefined;
  const refs = !perProject ? [] : board ? ('projects' in board ? [...board.projects] : []) : new ProjectResolver(analysis.model).projectsOf(step);
  // Projects named by id are shown by their key once the snapshot knows it.
  const projects = refs.map((ref) => (snapshot && projectOf(snapshot, ref)?.key) ?? ref);

  const kind = op.kind === 'trigger' ? `${op.triggerType === 'realtime' ? 'real-time' : 'polling'} trigger` : 'action';
  const parts = [`**${op.title}** · \`${op.name}\` — Jira ${kind}`, op.description, `\`${op.rest}\``];

  if (!requirements.length) {
    parts.push('Needs no permission beyond access to Jira.');
  } else {
    // Global permissions only (a webhook): one column for the site, no project to name.
    const columns = snapshot ? (projects.length ? projects : perProject ? ['project ?'] : ['site']) : ['linked account'];
    const header = `| Permission | Level | ${columns.join(' | ')} |\n|---|---|${columns.map(() => ':-:').join('|')}|`;
    const rows = requirements.map(
      (r) =>
        `| ${nameOf(r)}${r.input ? ` (for \`${r.input}\`)` : ''} | ${levelOf(r)} | ${columns.map((c) => mark(held(r, snapshot, judgedIn(step, c, snapshot?.projects?.[c])))).join(' | ')} |`,
    );
    parts.push(`${header}\n${rows.join('\n')}`);
    parts.push(
      snapshot
        ? `✓ held · ✗ missing · ? not known — for ${accountLabel(snapshot)} on ${snapshot.site}, fetched ${timeAgo(snapshot.fetchedAt, now)}.`
        : 'No linked account for this connection: link one to see what it holds.',
    );
    if (snapshot && projects.length === 0 && columns[0] === 'project ?')
      parts.push(
        board && 'reason' in board
          ? `The sprint's projects are its board's: ${board.reason}.`
          : "The project can't be told from this step: set `input.project` (or `defaults.project`) to check it.",
      );
    if (snapshot) parts.push(...explanations(requirements, snapshot, projects, step));
  }
  const scopes = scopeMarkdown(op.name, snapshot);
  if (scopes) parts.push(scopes);
  parts.push(LAYERS);
  const notes = registersDynamicWebhook(op, snapshot?.authType) ? [DYNAMIC_WEBHOOK_NOTE] : (op.notes ?? []);
  if (notes.length) parts.push(notes.map((n) => `- ${n}`).join('\n'));
  return parts.join('\n\n');
}

function nameOf(r: Requirement): string {
  return r.keys.map((k) => `${permissionInfo(k)?.name ?? k} \`${k}\``).join(' or ');
}

function levelOf(r: Requirement): string {
  const levels = [...new Set(r.keys.map((k) => (isGlobalPermission(k) ? 'global' : 'project')))];
  return levels.join(' or ');
}

function held(r: Requirement, snapshot: PermissionSnapshot | undefined, project: ProjectSnapshot | undefined): boolean | undefined {
  return snapshot && requirementHeld(r.keys, snapshot, project);
}

/** The answers a step is judged by in a project: a literal issue's own, where Jira gave them (as the check does). */
function judgedIn(step: OperationStep, key: string, project: ProjectSnapshot | undefined): ProjectSnapshot | undefined {
  return project?.visible ? issueAnswer(step, key, project).judged : project;
}

const mark = (value: boolean | undefined) => (value === true ? '✓' : value === false ? '✗' : '?');

/** For each missing permission: who holds it (when the scheme was readable) and who can grant it. */
function explanations(requirements: Requirement[], snapshot: PermissionSnapshot, projects: string[], step: OperationStep): string[] {
  const out: string[] = [];
  const unnamedIssues = actsOnUnnamedIssues(step);
  for (const key of projects) {
    const project = snapshot.projects?.[key];
    const answer = project?.visible ? issueAnswer(step, key, project) : undefined;
    if (answer?.notVisible)
      out.push(
        `**${answer.issueKey}** is not visible to ${accountName(snapshot.account)}: it doesn't exist, or sits under an issue security level the account isn't in.`,
      );
  }
  for (const r of requirements) {
    const why = r.why ? ` ${r.why}` : '';
    if (r.keys.every(isGlobalPermission)) {
      if (held(r, snapshot, undefined) === false) out.push(`**${nameOf(r)}** is missing.${why} ${whoCanGrant('global')}`);
      continue;
    }
    for (const key of projects) {
      const project = snapshot.projects?.[key];
      if (project?.visible === false) {
        if (r === requirements[0])
          out.push(
            `**Project ${key}** is not visible to the account: it doesn't exist, or the account lacks Browse Projects there. A project administrator can add the account to a role that holds Browse Projects.`,
          );
        continue;
      }
      const judged = held(r, snapshot, judgedIn(step, key, project));
      const conditional = judged === true && unnamedIssues && project ? conditionalGrant(r, project, accountName(snapshot.account)) : undefined;
      if (conditional) out.push(`In ${key}, ${conditional.replace(/^[^(]*\([A-Z_]+\)/, (name) => `**${name}**`)}.`);
      if (judged !== false) continue;
      const scheme = project?.permissionScheme;
      const holders = r.keys.length === 1 ? scheme?.grants?.[r.keys[0]] : undefined;
      const schemeName = scheme?.name ? ` (permission scheme "${scheme.name}")` : '';
      const how = holders
        ? `In ${key} it is granted${schemeName} to ${holdersLabel(holders)}. ${whoCanGrant('project', holders)}`
        : scheme && !scheme.readable
          ? `The account may not read ${key}'s permission scheme, so who holds it isn't known here: ask a Jira administrator, or a project administrator of ${key}. ${whoCanGrant('project')}`
          : whoCanGrant('project');
      out.push(`**${nameOf(r)}** is missing in ${key}.${why} ${how}`);
    }
  }
  return out;
}
