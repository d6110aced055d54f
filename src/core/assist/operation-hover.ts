import { isGlobalPermission, permissionInfo } from '../catalog';
import type { JiraStep, RecipeAnalysis } from '../check/analyze';
import { conditionalGrant } from '../check/conditional';
import { FindingCode, type Finding } from '../check/findings';
import { issueAnswer } from '../check/issue-answer';
import { requirementHeld } from '../check/held';
import { holdersLabel, stepName, whoCanGrant } from '../check/labels';
import { ownItemOrigin, stepAccounts, type OwnItemOrigin } from '../check/own-item';
import { boardProjects } from '../check/boards';
import { actsOnUnnamedIssues, ProjectResolver } from '../check/projects';
import { isServiceDeskProject, registersDynamicWebhook, withAgentWork, type Requirement } from '../check/requirements';
import { stepRequirements } from '../check/transitions';
import type { OperationStep } from '../recipe/model';
import { accountName } from '../snapshot/account';
import { projectOf, snapshotForHost } from '../snapshot/normalize';
import type { PermissionHolder, PermissionSnapshot, ProjectSnapshot } from '../snapshot/types';
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
 * A step's hover. Its first screen answers "can this step run, and if not what is missing": a verdict naming the
 * account, site and age of the answer, a compact table, and one line per missing permission with who can grant it.
 * What the step does, why each permission is needed and the notes follow in a collapsed section, so the quick-fix
 * links of the diagnostics VS Code shows below stay in sight.
 */
export function operationHover(analysis: RecipeAnalysis, jiraStep: JiraStep, snapshots: readonly PermissionSnapshot[], options: OperationHoverOptions): string {
  const { operation: op, step, connection } = jiraStep;
  const snapshot = snapshotForHost(connection.host, snapshots);
  const stepNeeds = stepRequirements(op, step, snapshot);
  const perProject = stepNeeds.some((r) => r.keys.some((k) => !isGlobalPermission(k)));
  const resolver = new ProjectResolver(analysis.model);
  const board = perProject ? boardProjects(op, step, snapshot) : undefined;
  const refs = !perProject ? [] : board ? ('projects' in board ? [...board.projects] : []) : resolver.projectsOf(step);
  // Projects named by id are shown by their key once the snapshot knows it.
  const projects = refs.map((ref) => (snapshot && projectOf(snapshot, ref)?.key) ?? ref);
  // Agent work needs Service Desk Agent in the step's Service Management projects (as the check judges it).
  const agent = projects.map((key) => withAgentWork(op, [], snapshot?.projects?.[key])).find((extra) => extra.length) ?? [];
  const requirements = [...stepNeeds, ...agent];

  const kind = op.kind === 'trigger' ? `${op.triggerType === 'realtime' ? 'real-time' : 'polling'} trigger` : 'action';
  const origin = snapshot && ownItemOrigin(jiraStep, resolver, snapshot, stepAccounts(analysis, snapshots));
  const judged = judge(requirements, snapshot, projects, step, origin);
  // A diagnostic of this step shown in the same hover already gives the verdict, and the hover must stay short
  // enough that its quick-fix links show without scrolling.
  const saidByDiagnostic = options.shown.some((f) => f.step === stepName(step));
  const first = requirements.length
    ? [
        ...(saidByDiagnostic
          ? []
          : [verdict(op.title, judged, snapshot, perProject && !projects.length, board && 'reason' in board ? board.reason : undefined)]),
        ...(perProject || !snapshot ? [table(requirements, judged)] : []),
        ...bullets([...(perProject || !snapshot ? [] : globalMarks(requirements, judged)), ...judged.problems]),
      ]
    : [`✓ **${op.title}** needs no permission beyond access to Jira.`];
  const age = snapshot ? ` · fetched <span title="${fullTime(snapshot.fetchedAt).replace(/"/g, '')}">${timeAgo(snapshot.fetchedAt, options.now)}</span>` : '';
  const about = collapsed(`About \`${op.name}\`, a Jira ${kind}${age}`, aboutStep(jiraStep, requirements, snapshot, options.shown, judged.grants));
  return [...first, about].join('\n\n');
}

const bullets = (lines: readonly string[]) => (lines.length ? [lines.map((l) => `- ${l}`).join('\n')] : []);

/** The cells of the table and the problems under it, judged as the check judges them. */
interface Judged {
  readonly columns: readonly string[];
  /** Per requirement, per column: held (true), missing (false) or not known (undefined). */
  readonly cells: readonly (readonly (boolean | undefined)[])[];
  /** One line per missing permission (with who can grant it), invisible project or issue, or conditional grant. */
  readonly problems: readonly string[];
  /** For the collapsed section: who holds each missing project permission and who can grant it, in full. */
  readonly grants: readonly string[];
  /** Something is missing, or a project or issue is not visible: the step fails. */
  readonly failing: boolean;
  readonly conditional: boolean;
  /** Why some answers are not known, where a snapshot says. */
  readonly unknownWhy: readonly string[];
}

function judge(
  requirements: readonly Requirement[],
  snapshot: PermissionSnapshot | undefined,
  projects: readonly string[],
  step: OperationStep,
  origin: OwnItemOrigin | undefined,
): Judged {
  const perProject = requirements.some((r) => r.keys.some((k) => !isGlobalPermission(k)));
  // Global permissions only (a webhook): one column for the site, no project to name.
  const columns = snapshot ? (projects.length ? projects : perProject ? ['project ?'] : ['site']) : ['linked account'];
  // Own that can't cover the item (another account's step created it) is no grant, as the check judges it.
  const onlyOwn = (r: Requirement, project: ProjectSnapshot | undefined) =>
    !!origin && r.keys.includes(origin.rule.all) && !!snapshot && requirementHeld([origin.rule.all], snapshot, project) === false;
  const cells = requirements.map((r) =>
    columns.map((c) => {
      if (!appliesIn(r, snapshot?.projects?.[c])) return true;
      const project = judgedIn(step, c, snapshot?.projects?.[c]);
      const answer = held(r, snapshot, project);
      return answer === true && origin?.notOwn && onlyOwn(r, project) ? false : answer;
    }),
  );
  const problems: string[] = [];
  let failing = false;
  const grants: string[] = [];
  const unknownWhy: string[] = [];
  let conditional = false;
  if (!snapshot) return { columns, cells, problems, grants, failing, conditional, unknownWhy };

  const account = accountName(snapshot.account);
  const unnamedIssues = actsOnUnnamedIssues(step);
  for (const key of projects) {
    const project = snapshot.projects?.[key];
    if (project?.unavailable) unknownWhy.push(`${key}: ${project.unavailable}`);
    else if (!project) unknownWhy.push(`${key} was not fetched`);
    if (project?.visible === false && project.archived) {
      failing = true;
      problems.push(`✗ **Project ${key}** is archived: restore it (Jira administration → Projects → Archived) or point the step at a live project.`);
    } else if (project?.visible === false) {
      failing = true;
      problems.push(
        `✗ **Project ${key}** is not visible to ${html(account)}: it doesn't exist, or the account lacks Browse Projects there. A project administrator can add the account to a role that holds Browse Projects.`,
      );
    }
    const answer = project?.visible ? issueAnswer(step, key, project) : undefined;
    if (answer?.notVisible) {
      failing = true;
      problems.push(
        `✗ **${answer.issueKey}** is not visible to ${html(account)}: it doesn't exist, or sits under an issue security level the account isn't in.`,
      );
    }
  }
  for (const r of requirements) {
    if (r.keys.every(isGlobalPermission)) {
      if (held(r, snapshot, undefined) === false) {
        failing = true;
        problems.push(`✗ ${nameOf(r, '**')} (global): a Jira administrator grants it under Global permissions.`);
      }
      continue;
    }
    for (const key of projects) {
      const project = snapshot.projects?.[key];
      if (project?.visible === false || !appliesIn(r, project)) continue;
      const judged = held(r, snapshot, judgedIn(step, key, project));
      if (judged === true && origin && onlyOwn(r, project)) {
        const { rule } = origin;
        if (origin.notOwn) {
          failing = true;
          problems.push(
            `✗ **${permissionInfo(rule.all)?.name ?? rule.all}** \`${rule.all}\` in ${key}: the ${rule.item} is not ${html(account)}'s own, as ${html(origin.from)}.`,
          );
        } else {
          conditional = true;
          problems.push(
            `⚠ In ${key}, only **${permissionInfo(rule.own)?.name ?? rule.own}** is held: the step fails on ${rule.item}s ${html(account)} didn't create (${html(origin.from)}).`,
          );
        }
        continue;
      }
      const grant = judged === true && unnamedIssues && project ? conditionalGrant(r, project, account) : undefined;
      if (grant) {
        conditional = true;
        problems.push(`⚠ In ${key}, ${html(grant).replace(/^[^(]*\([A-Z_]+\)/, (name) => `**${name}**`)}.`);
      }
      if (judged !== false) continue;
      failing = true;
      problems.push(`✗ ${nameOf(r, '**')} in ${key}: ${howToGrant(r, key, project)}`);
      grants.push(`- ${shortName(r)} in ${key}: ${grantDetail(r, key, project)}`);
    }
  }
  return { columns, cells, problems, grants, failing, conditional, unknownWhy };
}

/** The first line: can the step run, as whom and on which site. */
/** `boardReason`: why a sprint's board gave no projects, which then stand in for the step's own. */
function verdict(title: string, judged: Judged, snapshot: PermissionSnapshot | undefined, projectUnknown: boolean, boardReason?: string): string {
  if (!snapshot) return `? **${title}** is not verified: no linked account for this connection. Link one to see what it holds.`;
  const as = `as ${html(accountName(snapshot.account))} on ${html(hostOf(snapshot.site))}`;
  if (judged.failing) return `✗ **${title}** fails ${as}.`;
  if (projectUnknown && boardReason) return `? **${title}** is not verified: the sprint's projects are its board's, and ${html(boardReason)}.`;
  if (projectUnknown)
    return `? **${title}** is not verified: the project can't be told from this step. Set \`input.project\` (or \`defaults.project\`) to check it.`;
  if (judged.cells.some((row) => row.some((cell) => cell !== true)))
    return `? **${title}** is not verified ${as}${judged.unknownWhy.length ? `: ${html(judged.unknownWhy.join('; '))}` : ': not all of it is known'}.`;
  if (judged.conditional) return `✓ **${title}** can run ${as}, on some issues only: see below.`;
  return `✓ **${title}** can run ${as}.`;
}

/** One column per permission, one row per project (or the site, for global ones): short, however many projects. */
function table(requirements: readonly Requirement[], judged: Judged): string {
  const names = requirements.map(
    (r) =>
      `${shortName(r)}${r.keys.every(isGlobalPermission) ? ' (global)' : ''}${r.input ? ` (for \`${r.input}\`)` : ''}${r.serviceDesk ? ' (Service Management)' : ''}`,
  );
  const header = `| | ${names.join(' | ')} |\n|---|${names.map(() => ':-:').join('|')}|`;
  const rows = judged.columns.map((column, c) => `| ${column} | ${requirements.map((_, r) => mark(judged.cells[r][c])).join(' | ')} |`);
  return `${header}\n${rows.join('\n')}`;
}

/** Global permissions alone (a webhook) need no table: a line each, the missing ones with who grants them. */
function globalMarks(requirements: readonly Requirement[], judged: Judged): string[] {
  return requirements.flatMap((r, i) => (judged.cells[i][0] === false ? [] : [`${mark(judged.cells[i][0])} ${nameOf(r)} (global)`]));
}

/** The rest, behind a collapsed section: what the step does, why each permission, scopes, notes, Jira's layers. */
function aboutStep(
  jiraStep: JiraStep,
  requirements: readonly Requirement[],
  snapshot: PermissionSnapshot | undefined,
  shown: readonly Finding[],
  grants: readonly string[],
): string {
  const { operation: op, step } = jiraStep;
  const said = (sentence: string) => shown.some((f) => f.message.includes(sentence));
  const parts = [`${op.description} \`${op.rest}\``];
  const whys = requirements.filter((r) => r.why && !said(r.why)).map((r) => `- ${shortName(r)}: ${lower(r.why ?? '')}`);
  if (whys.length) parts.push(whys.join('\n'));
  if (grants.length) parts.push(grants.join('\n'));
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

/** Who can grant a missing project permission, short enough for one line of the first screen. */
function howToGrant(r: Requirement, key: string, project: ProjectSnapshot | undefined): string {
  const holders = holdersOf(r, project);
  if (holders?.some((h) => h.type === 'projectRole'))
    return `held by ${html(holdersLabel(holders))}; a project administrator of ${key} can add the account to it.`;
  if (holders) return `held by ${html(holdersLabel(holders))}; a Jira administrator can change that.`;
  return `ask a Jira administrator, or a project administrator of ${key}.`;
}

/** The same in full: the scheme and its holders when it was readable, and who does what. */
function grantDetail(r: Requirement, key: string, project: ProjectSnapshot | undefined): string {
  const scheme = project?.permissionScheme;
  const holders = holdersOf(r, project);
  if (holders) return `granted${scheme?.name ? ` by "${html(scheme.name)}"` : ''} to ${html(holdersLabel(holders))}. ${whoCanGrant('project', holders)}`;
  if (scheme && !scheme.readable) return `who holds it isn't known: the account may not read ${key}'s permission scheme. ${whoCanGrant('project')}`;
  return whoCanGrant('project');
}

function holdersOf(r: Requirement, project: ProjectSnapshot | undefined): readonly PermissionHolder[] | undefined {
  return r.keys.length === 1 ? project?.permissionScheme?.grants?.[r.keys[0]] : undefined;
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

/** Service Desk Agent counts only in a Service Management project; elsewhere the step doesn't need it. */
function appliesIn(r: Requirement, project: ProjectSnapshot | undefined): boolean {
  return !r.serviceDesk || isServiceDeskProject(project);
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

/** "acme.atlassian.net": a site as the first line names it. */
function hostOf(site: string): string {
  try {
    return new URL(site).host;
  } catch {
    return site;
  }
}

/** "2026-11-24 23:31 UTC": the full time, for the title of "fetched 3 min ago". */
function fullTime(iso: string): string {
  const time = Date.parse(iso);
  return Number.isNaN(time) ? iso : `${new Date(time).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/** Text from a snapshot or a recipe, shown in a hover that renders HTML: shown as written, never as markup. */
function html(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
