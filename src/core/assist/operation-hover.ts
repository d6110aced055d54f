import { isGlobalPermission, permissionInfo } from '../catalog';
import type { JiraStep, RecipeAnalysis } from '../check/analyze';
import { conditionalGrant } from '../check/conditional';
import { FindingCode, type Finding } from '../check/findings';
import { issueAnswer } from '../check/issue-answer';
import { requirementHeld } from '../check/held';
import { accountLabel, holdersLabel, stepName, whoCanGrant } from '../check/labels';
import { actsOnUnnamedIssues, ProjectResolver } from '../check/projects';
import { registersDynamicWebhook, requirementsOf, type Requirement } from '../check/requirements';
import type { OperationStep } from '../recipe/model';
import { accountName } from '../snapshot/account';
import { projectOf, snapshotForHost } from '../snapshot/normalize';
import type { PermissionSnapshot, ProjectSnapshot } from '../snapshot/types';
import { timeAgo } from '../text/ago';
import { DYNAMIC_WEBHOOK_NOTE, scopeMarkdown } from './scope-hover';

export interface OperationHoverOptions {
  readonly now: number;
  /** Findings the editor shows in the same hover (their range holds the position): what they say isn't said again. */
  readonly shown: readonly Finding[];
}

const LAYERS =
  "Jira checks three layers in turn: **global** permissions (granted to groups), **project** permissions (granted by the project's permission scheme to roles, groups, users, reporter, assignee, project lead…), then the issue's **security level**, which can hide an issue even from an account that holds every project permission.";

/**
 * A step's hover. Its first screen answers "can this step run, and if not what is missing": a verdict, a compact
 * table, one line per missing permission with who can grant it, and the account and time the answer is from.
 * What the step does, why each permission is needed and the notes follow in a collapsed section, so the quick-fix
 * links of the diagnostics VS Code shows below stay in sight.
 */
export function operationHover(analysis: RecipeAnalysis, jiraStep: JiraStep, snapshots: readonly PermissionSnapshot[], options: OperationHoverOptions): string {
  const { operation: op, step, connection } = jiraStep;
  const snapshot = snapshotForHost(connection.host, snapshots);
  const requirements = requirementsOf(op, step.inputs, snapshot);
  const perProject = requirements.some((r) => r.keys.some((k) => !isGlobalPermission(k)));
  const refs = perProject ? new ProjectResolver(analysis.model).projectsOf(step) : [];
  // Projects named by id are shown by their key once the snapshot knows it.
  const projects = refs.map((ref) => (snapshot && projectOf(snapshot, ref)?.key) ?? ref);

  const kind = op.kind === 'trigger' ? `${op.triggerType === 'realtime' ? 'real-time' : 'polling'} trigger` : 'action';
  const first = [`**${op.title}** · \`${op.name}\` — Jira ${kind}`];
  if (!requirements.length) {
    first.push('✓ Needs no permission beyond access to Jira.');
  } else {
    const judged = judge(requirements, snapshot, projects, step);
    first.push(verdict(judged, snapshot, perProject && !projects.length), table(requirements, judged));
    if (judged.problems.length) first.push(judged.problems.map((p) => `- ${p}`).join('\n'));
    first.push(
      snapshot
        ? `<small>✓ held · ✗ missing · ? not known — ${html(accountLabel(snapshot))} on ${html(snapshot.site)}, fetched <span title="${html(fullTime(snapshot.fetchedAt))}">${timeAgo(snapshot.fetchedAt, options.now)}</span></small>`
        : '<small>✓ held · ✗ missing · ? not known</small>',
    );
  }
  return [...first, collapsed('About this step', about(jiraStep, requirements, snapshot, options.shown))].join('\n\n');
}

/** The cells of the table and the problems under it, judged as the check judges them. */
interface Judged {
  readonly columns: readonly string[];
  /** Per requirement, per column: held (true), missing (false) or not known (undefined). */
  readonly cells: readonly (readonly (boolean | undefined)[])[];
  /** One line per missing permission (with who can grant it), invisible project or issue, or conditional grant. */
  readonly problems: readonly string[];
  /** Short names of what is missing, for the verdict: "Close Issues in ENG". */
  readonly missing: readonly string[];
  readonly conditional: boolean;
  /** Why some answers are not known, where a snapshot says. */
  readonly unknownWhy: readonly string[];
}

function judge(requirements: readonly Requirement[], snapshot: PermissionSnapshot | undefined, projects: readonly string[], step: OperationStep): Judged {
  const perProject = requirements.some((r) => r.keys.some((k) => !isGlobalPermission(k)));
  // Global permissions only (a webhook): one column for the site, no project to name.
  const columns = snapshot ? (projects.length ? projects : perProject ? ['project ?'] : ['site']) : ['linked account'];
  const cells = requirements.map((r) => columns.map((c) => held(r, snapshot, judgedIn(step, c, snapshot?.projects?.[c]))));
  const problems: string[] = [];
  const missing: string[] = [];
  const unknownWhy: string[] = [];
  let conditional = false;
  if (!snapshot) return { columns, cells, problems, missing, conditional, unknownWhy };

  const account = accountName(snapshot.account);
  const unnamedIssues = actsOnUnnamedIssues(step);
  for (const key of projects) {
    const project = snapshot.projects?.[key];
    if (project?.unavailable) unknownWhy.push(`${key}: ${project.unavailable}`);
    else if (!project) unknownWhy.push(`${key} was not fetched`);
    if (project?.visible === false) {
      missing.push(`project ${key} not visible`);
      problems.push(
        `✗ **Project ${key}** is not visible to ${html(account)}: it doesn't exist, or the account lacks Browse Projects there. A project administrator can add the account to a role that holds Browse Projects.`,
      );
    }
    const answer = project?.visible ? issueAnswer(step, key, project) : undefined;
    if (answer?.notVisible) {
      missing.push(`issue ${answer.issueKey} not visible`);
      problems.push(
        `✗ **${answer.issueKey}** is not visible to ${html(account)}: it doesn't exist, or sits under an issue security level the account isn't in.`,
      );
    }
  }
  for (const r of requirements) {
    if (r.keys.every(isGlobalPermission)) {
      if (held(r, snapshot, undefined) === false) {
        missing.push(`lacks ${shortName(r)} (global)`);
        problems.push(`✗ ${nameOf(r, '**')} (global): ${lower(whoCanGrant('global'))}`);
      }
      continue;
    }
    for (const key of projects) {
      const project = snapshot.projects?.[key];
      if (project?.visible === false) continue;
      const judged = held(r, snapshot, judgedIn(step, key, project));
      const grant = judged === true && unnamedIssues && project ? conditionalGrant(r, project, account) : undefined;
      if (grant) {
        conditional = true;
        problems.push(`⚠ In ${key}, ${html(grant).replace(/^[^(]*\([A-Z_]+\)/, (name) => `**${name}**`)}.`);
      }
      if (judged !== false) continue;
      missing.push(`lacks ${shortName(r)} in ${key}`);
      problems.push(`✗ ${nameOf(r, '**')} in ${key}: ${howToGrant(r, key, project)}`);
    }
  }
  return { columns, cells, problems, missing, conditional, unknownWhy };
}

function verdict(judged: Judged, snapshot: PermissionSnapshot | undefined, projectUnknown: boolean): string {
  if (!snapshot) return '? **Not verified**: no linked account for this connection. Link one to see what it holds.';
  const as = html(accountName(snapshot.account));
  if (judged.missing.length) return `✗ **Fails** as ${as}: ${judged.missing.join(', ')}.`;
  if (projectUnknown) return "? **Not verified**: the project can't be told from this step. Set `input.project` (or `defaults.project`) to check it.";
  if (judged.cells.some((row) => row.some((cell) => cell !== true)))
    return `? **Not verified** for ${as}${judged.unknownWhy.length ? `: ${html(judged.unknownWhy.join('; '))}` : ': not all of it is known'}.`;
  if (judged.conditional) return `✓ **Can run** as ${as} on some issues only: see below.`;
  return `✓ **Can run** as ${as}.`;
}

function table(requirements: readonly Requirement[], judged: Judged): string {
  const header = `| Permission | ${judged.columns.join(' | ')} |\n|---|${judged.columns.map(() => ':-:').join('|')}|`;
  const rows = requirements.map(
    (r, i) =>
      `| ${nameOf(r)}${r.keys.every(isGlobalPermission) ? ' (global)' : ''}${r.input ? ` (for \`${r.input}\`)` : ''} | ${judged.cells[i].map(mark).join(' | ')} |`,
  );
  return `${header}\n${rows.join('\n')}`;
}

/** The rest, behind a collapsed section: what the step does, why each permission, scopes, notes, Jira's layers. */
function about(jiraStep: JiraStep, requirements: readonly Requirement[], snapshot: PermissionSnapshot | undefined, shown: readonly Finding[]): string {
  const { operation: op, step } = jiraStep;
  const said = (sentence: string) => shown.some((f) => f.message.includes(sentence));
  const parts = [op.description, `\`${op.rest}\``];
  const whys = requirements.filter((r) => r.why && !said(r.why)).map((r) => `- ${shortName(r)}: ${lower(r.why ?? '')}`);
  if (whys.length) parts.push(whys.join('\n'));
  const scopes = scopeMarkdown(op.name, snapshot);
  if (scopes) parts.push(scopes);
  // A finding about the webhook's global permission already gives the way round it.
  const webhookFinding = shown.some((f) => f.code === FindingCode.MissingGlobalPermission && f.step === stepName(step));
  const notes = registersDynamicWebhook(op, snapshot?.authType)
    ? [DYNAMIC_WEBHOOK_NOTE]
    : (op.notes ?? [])
        .map((n) => (op.triggerType === 'realtime' && step.webhookAdvice && /webhook/i.test(n) ? step.webhookAdvice : n))
        .filter((n) => !said(n) && !(webhookFinding && op.triggerType === 'realtime' && /webhook/i.test(n)));
  if (notes.length) parts.push(notes.map((n) => `- ${n}`).join('\n'));
  parts.push(LAYERS);
  return parts.join('\n\n');
}

/** Who holds a missing project permission (when the scheme was readable) and who can grant it. */
function howToGrant(r: Requirement, key: string, project: ProjectSnapshot | undefined): string {
  const scheme = project?.permissionScheme;
  const holders = r.keys.length === 1 ? scheme?.grants?.[r.keys[0]] : undefined;
  if (holders) return `granted${scheme?.name ? ` by "${html(scheme.name)}"` : ''} to ${html(holdersLabel(holders))}. ${whoCanGrant('project', holders)}`;
  if (scheme && !scheme.readable)
    return `who holds it isn't known, as the account may not read ${key}'s permission scheme. Ask a Jira administrator or a project administrator of ${key}.`;
  return lower(whoCanGrant('project'));
}

/** A collapsed section; Markdown inside needs the blank lines around it. */
function collapsed(summary: string, body: string): string {
  return `<details><summary>${summary}</summary>\n\n${body}\n\n</details>`;
}

function nameOf(r: Requirement, emphasis = ''): string {
  return r.keys.map((k) => `${emphasis}${permissionInfo(k)?.name ?? k}${emphasis} \`${k}\``).join(' or ');
}

function shortName(r: Requirement): string {
  return r.keys.map((k) => permissionInfo(k)?.name ?? k).join(' or ');
}

function held(r: Requirement, snapshot: PermissionSnapshot | undefined, project: ProjectSnapshot | undefined): boolean | undefined {
  return snapshot && requirementHeld(r.keys, snapshot, project);
}

/** The answers a step is judged by in a project: a literal issue's own, where Jira gave them (as the check does). */
function judgedIn(step: OperationStep, key: string, project: ProjectSnapshot | undefined): ProjectSnapshot | undefined {
  return project?.visible ? issueAnswer(step, key, project).judged : project;
}

const mark = (value: boolean | undefined) => (value === true ? '✓' : value === false ? '✗' : '?');

const lower = (sentence: string) => sentence.charAt(0).toLowerCase() + sentence.slice(1);

/** "2026-11-24 23:31 UTC": the full time, for the title of "fetched 3 min ago". */
function fullTime(iso: string): string {
  const time = Date.parse(iso);
  return Number.isNaN(time) ? iso : `${new Date(time).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/** Text from a snapshot or a recipe, shown in a hover that renders HTML: shown as written, never as markup. */
function html(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
