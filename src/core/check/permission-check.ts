import { describePermission, isGlobalPermission } from '../catalog';
import type { OperationStep } from '../recipe/model';
import { accountName } from '../snapshot/account';
import { projectOf, snapshotForHost } from '../snapshot/normalize';
import type { PermissionSnapshot, ProjectSnapshot } from '../snapshot/types';
import type { Range } from '../text/range';
import type { JiraStep, RecipeAnalysis } from './analyze';
import { connectionRange } from './connections';
import { boardProjects } from './boards';
import { judgeVisibility } from './comment-visibility';
import { conditionalGrant } from './conditional';
import { finding, FindingCode, type Finding } from './findings';
import { issueAnswer } from './issue-answer';
import { requirementHeld } from './held';
import { accountLabel, alternativesLabel, alternativesWhere, holdersLabel, operationLabel, stepLabel, stepName } from './labels';
import { ownItemOrigin, stepAccounts as accountsOfSteps, type OwnItemOrigin } from './own-item';
import { actsOnUnnamedIssues, ProjectResolver } from './projects';
import { needsProject, withAgentWork, type Requirement } from './requirements';
import { knownTransitions, stepRequirements, transitionsLabel, unavailableTransitions } from './transitions';

/**
 * Checks each Jira step of an analysed recipe against the snapshot of the account its connection runs as.
 * Snapshots come normalised (legacy keys mapped) from where they were loaded or fetched.
 */
export function checkPermissions(analysis: RecipeAnalysis, snapshots: readonly PermissionSnapshot[]): Finding[] {
  const findings: Finding[] = [];
  const resolver = new ProjectResolver(analysis.model);
  const connectionsSeen = new Map<string, PermissionSnapshot | undefined>();
  const stepAccounts = accountsOfSteps(analysis, snapshots);

  for (const jiraStep of analysis.jiraSteps) {
    const { connection } = jiraStep;
    if (!connectionsSeen.has(connection.name)) {
      const found = snapshotForHost(connection.host, snapshots);
      connectionsSeen.set(connection.name, connectionFindings(jiraStep, found, snapshots.length, findings));
    }
    const snapshot = connectionsSeen.get(connection.name);
    if (snapshot) findings.push(...checkStep(jiraStep, snapshot, resolver, stepAccounts));
  }
  return findings;
}

/** Findings about the account a connection runs as; returns the snapshot when its permissions can be checked. */
function connectionFindings(first: JiraStep, snapshot: PermissionSnapshot | undefined, snapshotCount: number, out: Finding[]): PermissionSnapshot | undefined {
  const { connection } = first;
  const range = connectionRange(connection, first.step);
  const label = connection.name ? `Connection "${connection.name}"` : 'The Jira connection';
  if (!snapshot) {
    const why = connection.host
      ? `no linked account or permission snapshot for ${connection.host}`
      : snapshotCount > 1
        ? 'several accounts or snapshots are available and it names no host: add host: to the connection'
        : 'no linked account or permission snapshot';
    out.push(finding(FindingCode.Unverified, { message: `${label}: Jira permissions not verified: ${why}.`, range, connection: connection.name }));
    return undefined;
  }
  if (snapshot.deployment === 'cloud' && snapshot.authType === 'password') {
    out.push(
      finding(FindingCode.DeprecatedAuth, {
        message: `${label} uses password authentication on Jira Cloud (${snapshot.site}); Atlassian deprecated it on 1 December 2018. Link the account with an API token instead.`,
        range,
        site: snapshot.site,
      }),
    );
  }
  const major = Number.parseInt(snapshot.serverVersion ?? '', 10);
  if (snapshot.deployment === 'server' && major < 7) {
    out.push(
      finding(FindingCode.UnsupportedVersion, {
        message: `${label}: ${snapshot.site} runs Jira ${snapshot.serverVersion}, older than 7.0, which jira-recipe-lint does not support; its permissions are not checked.`,
        range,
        site: snapshot.site,
        connection: connection.name,
      }),
    );
    return undefined;
  }
  return snapshot;
}

function checkStep(
  jiraStep: JiraStep,
  snapshot: PermissionSnapshot,
  resolver: ProjectResolver,
  stepAccounts: ReadonlyMap<OperationStep, PermissionSnapshot | undefined>,
): Finding[] {
  const { step, operation } = jiraStep;
  const requirements = stepRequirements(operation, step, snapshot);
  const ctx = new StepContext(jiraStep, snapshot, ownItemOrigin(jiraStep, resolver, snapshot, stepAccounts));

  const globalOnly = requirements.filter((r) => !needsProject(r));
  const perProject = requirements.filter(needsProject);
  const unknownGlobal: string[] = [];
  for (const requirement of globalOnly) {
    const held = requirementHeld(requirement.keys, snapshot);
    if (held === false) ctx.missingGlobal(requirement);
    else if (held === undefined) unknownGlobal.push(...requirement.keys);
  }
  if (unknownGlobal.length)
    ctx.unverified(null, `${alternativesOrList(unknownGlobal)} not verified: the snapshot has no data for ${unknownGlobal.length > 1 ? 'them' : 'it'}.`);
  checkOtherProjects(jiraStep, snapshot, resolver, ctx);
  ctx.checkCommentVisibility();
  if (!perProject.length) return ctx.findings;

  const board = boardProjects(operation, step, snapshot);
  if (board && 'reason' in board) {
    const inProject = perProject.map((r) => alternativesLabel(r.keys)).join(', ');
    ctx.unverified(null, `needs ${inProject} in each project of the sprint's board, not verified: ${board.reason}.`);
    return ctx.findings;
  }
  const projects = board ? board.projects : resolver.projectsOf(step);
  if (!projects.length) {
    // A requirement that a global grant can satisfy is met without knowing the project.
    const open = perProject.filter((r) => !r.keys.some((k) => isGlobalPermission(k) && snapshot.global?.[k] === true));
    if (open.length) {
      const inProject = open.map((r) => alternativesLabel(r.keys.filter((k) => !isGlobalPermission(k)))).join(', ');
      const globalKeys = [...new Set(open.flatMap((r) => r.keys.filter(isGlobalPermission)))];
      const orGlobal = globalKeys.length ? `, or the global permission ${alternativesLabel(globalKeys)}` : '';
      ctx.unverified(null, `needs ${inProject} in a project that can't be told from the step${orGlobal}; set input.project (or defaults.project) to check it.`);
    }
    return ctx.findings;
  }
  for (const ref of projects) {
    const found = projectOf(snapshot, ref);
    ctx.checkProject(found?.key ?? ref, found?.project, withAgentWork(operation, perProject, found?.project));
  }
  return ctx.findings;
}

/** Permissions in the projects of other issues the step names, e.g. Browse Projects where a link's other end is. */
function checkOtherProjects({ step, operation }: JiraStep, snapshot: PermissionSnapshot, resolver: ProjectResolver, ctx: StepContext): void {
  for (const rule of operation.otherProjects ?? []) {
    const entry = step.inputs.get(rule.input);
    if (!entry) continue;
    const requirements = rule.project.map((key) => ({ keys: [key], input: rule.input, why: rule.why }));
    // Where both issues share a project that the step's own needs cover, it is checked once, there.
    const own = rule.project.every((k) => operation.project?.includes(k)) ? resolver.projectsOf(step) : [];
    const projects = resolver.projectsNamedBy(step, rule.input, rule.names);
    if (!projects.length)
      ctx.unverified(
        null,
        `needs ${rule.project.map(describePermission).join(', ')} ${rule.names === 'issue' ? `in the project of ${rule.input}` : `in the project ${rule.input} names`}, which can't be told from the step.`,
      );
    for (const ref of projects.filter((p) => !own.includes(p))) {
      const found = projectOf(snapshot, ref);
      ctx.checkProject(found?.key ?? ref, found?.project, requirements, entry.keyRange);
    }
  }
}

function alternativesOrList(keys: string[]): string {
  return keys.map(describePermission).join(', ');
}

/** Builds one step's findings; holds what every message names. */
class StepContext {
  readonly findings: Finding[] = [];
  private readonly step: OperationStep;
  private readonly subject: string;
  private readonly account: string;

  constructor(
    private readonly jiraStep: JiraStep,
    private readonly snapshot: PermissionSnapshot,
    private readonly ownItem?: OwnItemOrigin,
  ) {
    this.step = jiraStep.step;
    this.subject = `${stepLabel(this.step)}: ${operationLabel(jiraStep.operation)}`;
    this.account = accountLabel(snapshot);
  }

  /** `anchor`: where a project that is not visible is reported (the operation, or the input naming the issue). */
  checkProject(key: string, project: ProjectSnapshot | undefined, requirements: Requirement[], anchor = this.operationRange()): void {
    if (!project)
      return this.unverified(
        key,
        `permissions in project ${key} not verified: the snapshot for ${this.snapshot.site} has no data for ${key}. Fetch the permissions again to check it.`,
      );
    if (project.unavailable) return this.unverified(key, `permissions in project ${key} not verified: they could not be fetched (${project.unavailable}).`);
    if (!project.visible && project.archived) {
      this.push(
        FindingCode.ProjectNotVisible,
        key,
        ['BROWSE_PROJECTS'],
        anchor,
        `${this.subject} works in project ${key}, which is archived on ${this.snapshot.site}: Jira answers as if it didn't exist. Restore it (Jira administration → Projects → Archived) or point the step at a live project.`,
      );
      return;
    }
    if (!project.visible) {
      this.push(
        FindingCode.ProjectNotVisible,
        key,
        ['BROWSE_PROJECTS'],
        anchor,
        `${this.subject} works in project ${key}, which ${this.account} cannot see on ${this.snapshot.site}: the project doesn't exist, or the account lacks Browse Projects (BROWSE_PROJECTS) there.`,
      );
      return;
    }
    const answer = issueAnswer(this.step, key, project);
    if (answer.issueKey !== undefined && answer.notVisible) return this.issueNotVisible(key, answer.issueKey);
    const unknown: string[] = [];
    for (const requirement of requirements) {
      const held = requirementHeld(requirement.keys, this.snapshot, answer.judged);
      if (held === false)
        this.missingProject(
          key,
          project,
          requirement,
          answer.onIssue && requirementHeld(requirement.keys, this.snapshot, project) ? answer.onIssue : undefined,
        );
      else if (held === undefined) unknown.push(alternativesLabel(requirement.keys));
      else if (this.ownItem && requirement.keys.includes(this.ownItem.rule.all)) this.checkOwnOnly(key, project, this.ownItem, unknown);
      else if (actsOnUnnamedIssues(this.step)) this.conditional(key, project, requirement);
    }
    if (unknown.length)
      this.unverified(
        key,
        `${unknown.join(', ')} in project ${key} not verified: not in the snapshot; fetch the permissions again to check ${unknown.length > 1 ? 'them' : 'it'}.`,
      );
    this.checkSecurityLevel(key, project);
    if (answer.onIssue) this.checkTransitions(key, answer.onIssue, answer.judged);
  }

  missingGlobal(requirement: Requirement): void {
    const op = this.jiraStep.operation;
    const perm = alternativesLabel(requirement.keys);
    let message: string;
    const webhookAdvice = this.step.webhookAdvice;
    if (op.triggerType === 'realtime' && webhookAdvice) {
      message = `${this.subject} registers a Jira webhook, which needs the global permission ${perm}; ${this.account} lacks it on ${this.snapshot.site}. ${webhookAdvice}`;
      this.push(FindingCode.MissingGlobalPermission, null, requirement.keys, this.anchor(requirement), message, requirementFields(requirement));
      return;
    }
    if (op.triggerType === 'realtime') {
      const polling = op.pollingAlternative ? `, or switch to the polling trigger "${op.pollingAlternative}"` : '';
      message = `${this.subject} registers a Jira webhook, which needs the global permission ${perm}; ${this.account} lacks it on ${this.snapshot.site}. A Jira administrator can register the webhook by hand (Jira administration → System → WebHooks) and the recipe can use an HTTP webhook trigger instead${polling}.`;
    } else {
      message = `${this.subject} needs the global permission ${perm}, which ${this.account} lacks on ${this.snapshot.site}.${requirement.why ? ` ${requirement.why}` : ''}`;
    }
    this.push(FindingCode.MissingGlobalPermission, null, requirement.keys, this.anchor(requirement), message, {
      suggestion: op.pollingAlternative,
      ...requirementFields(requirement),
    });
  }

  /** A permission held in the project that reaches the account only through issue roles, on issues not named. */
  private conditional(key: string, project: ProjectSnapshot, requirement: Requirement): void {
    const sentence = conditionalGrant(requirement, project, accountName(this.snapshot.account));
    if (!sentence) return;
    this.push(FindingCode.ConditionalPermission, key, requirement.keys, this.anchor(requirement), `${this.subject}: in project ${key}, ${sentence}.`, {
      ...requirementFields(requirement),
      condition: sentence,
    });
  }

  /** A literal issue the account can't see, in a project it can: Jira answers 404 for both of these causes. */
  private issueNotVisible(key: string, issueKey: string): void {
    const name = accountName(this.snapshot.account);
    const range = this.step.inputs.get('issue')?.valueRange ?? this.operationRange();
    this.push(
      FindingCode.IssueNotVisible,
      key,
      [],
      range,
      `${this.subject} works on ${issueKey}, which ${this.account} cannot see in project ${key} on ${this.snapshot.site}: ${issueKey} doesn't exist, or sits under an issue security level ${name} isn't in.`,
      { issue: issueKey, input: 'issue' },
    );
  }

  /** `heldInProjectOnly`: the issue the permission is missing on although the project answer holds it. */
  private missingProject(key: string, project: ProjectSnapshot, requirement: Requirement, heldInProjectOnly?: string): void {
    const single = requirement.keys.length === 1;
    const grants = project.permissionScheme?.grants;
    const holders = single ? grants?.[requirement.keys[0]] : undefined;
    const grantedTo = holders ? ` Jira grants it to ${holdersLabel(holders)} in this project.` : '';
    const lacks = single ? `which ${this.account} lacks` : `and ${this.account} holds none of them`;
    const needs = `${single ? '' : 'one of '}${alternativesWhere(requirement.keys, heldInProjectOnly ? `on ${heldInProjectOnly}` : `in project ${key}`)}`;
    const serviceDesk = requirement.serviceDesk ? ` ${key} is a Jira Service Management project.` : '';
    const why = `${serviceDesk}${requirement.why ? ` ${requirement.why}` : ''}`;
    const message = heldInProjectOnly
      ? `${this.subject} needs ${needs}, ${lacks} on that issue on ${this.snapshot.site}, though Jira counts it as held in project ${key}: a grant to an issue role (reporter, assignee, a user or group field) reaches the account on some issues of ${key}, not on ${heldInProjectOnly}.${why}${grantedTo}`
      : `${this.subject} needs ${needs}, ${lacks} on ${this.snapshot.site}.${why}${grantedTo}`;
    this.push(FindingCode.MissingPermission, key, requirement.keys, this.anchor(requirement), message, {
      ...requirementFields(requirement),
      ...(heldInProjectOnly ? { issue: heldInProjectOnly } : {}),
    });
  }

  /** Own is held; it covers the item only if the account created it, which the recipe doesn't show. */
  private checkOwnOnly(key: string, project: ProjectSnapshot, origin: OwnItemOrigin, unknown: string[]): void {
    const { rule } = origin;
    const all = requirementHeld([rule.all], this.snapshot, project);
    if (all === true) return;
    if (all === undefined) {
      unknown.push(`${describePermission(rule.all)} (for a ${rule.item} the account didn't create)`);
      return;
    }
    if (origin.notOwn) {
      this.push(
        FindingCode.MissingPermission,
        key,
        [rule.all],
        origin.range,
        `${this.subject} needs ${describePermission(rule.all)} in project ${key}, which ${this.account} lacks on ${this.snapshot.site}: the ${rule.item} is not its own (${origin.from}), and it holds only ${describePermission(rule.own)} there.`,
        { input: rule.input },
      );
      return;
    }
    this.push(
      FindingCode.ConditionalPermission,
      key,
      [rule.all],
      origin.range,
      `${this.subject} needs ${describePermission(rule.all)} in project ${key} unless the ${rule.item} is one ${this.account} created: it holds only ${describePermission(rule.own)} there, and ${origin.from}. Whether Jira allows it depends on the ${rule.item}'s author.`,
      { input: rule.input },
    );
  }

  /** A comment restricted to a group the account isn't in: Jira refuses it (400). */
  checkCommentVisibility(): void {
    const judged = judgeVisibility(this.jiraStep.operation, this.step, this.snapshot.account);
    if (!judged || judged.outcome === 'member') return;
    if (judged.outcome === 'unknown') return this.unverified(null, `${judged.why}.`);
    const groups = judged.groups.length ? `its groups: ${judged.groups.join(', ')}` : 'it is in no group';
    this.push(
      FindingCode.CommentVisibilityUnavailable,
      null,
      [],
      judged.range,
      `${this.subject} restricts the comment to the group "${judged.group}", which ${this.account} is not a member of on ${this.snapshot.site} (${groups}). Jira refuses a comment restricted to a group the author isn't in (400).`,
      { input: this.jiraStep.operation.visibilityInput },
    );
  }

  /** The transition or status a step names on a literal issue, against the transitions Jira offers the account there. */
  private checkTransitions(key: string, issueKey: string, judged: ProjectSnapshot): void {
    const transitions = knownTransitions(this.step, this.snapshot);
    // Without Transition Issues Jira lists none by definition; that finding already says what's wrong.
    if (!transitions || judged.permissions?.TRANSITION_ISSUES === false) return;
    const offered = transitions.length ? `Jira offers it only ${transitionsLabel(transitions)}` : 'Jira offers it no transition there now';
    for (const missing of unavailableTransitions(this.jiraStep.operation, this.step, transitions)) {
      const what = missing.names === 'status' ? `no transition to the status "${missing.value}"` : `no transition "${missing.value}"`;
      this.push(
        FindingCode.TransitionUnavailable,
        key,
        [],
        missing.range,
        `${this.subject}: ${issueKey} has ${what} that ${this.account} may make on ${this.snapshot.site} (${offered}). The issue's workflow, its current status or a transition condition rules it out.`,
        { issue: issueKey, input: missing.input },
      );
    }
  }

  private checkSecurityLevel(key: string, project: ProjectSnapshot): void {
    const security = this.step.inputs.get('security');
    const level = security?.literal?.trim();
    if (!security || !level || security.dynamic || !project.securityLevels) return;
    // Without Set Issue Security the list is empty by definition; that finding already says what's wrong.
    if (project.permissions?.SET_ISSUE_SECURITY === false) return;
    if (project.securityLevels.some((l) => l.toLowerCase() === level.toLowerCase())) return;
    const available = project.securityLevels.length ? `levels it may set: ${project.securityLevels.join(', ')}` : 'it may set none';
    this.push(
      FindingCode.SecurityLevelUnavailable,
      key,
      ['SET_ISSUE_SECURITY'],
      security.valueRange,
      `${stepLabel(this.step)}: ${this.account} may not set the issue security level "${level}" in project ${key} (${available}). Jira accepts only levels of the project's issue security scheme that the account belongs to.`,
      { securityLevel: level, input: 'security' },
    );
  }

  unverified(project: string | null, text: string): void {
    this.push(FindingCode.Unverified, project, [], this.operationRange(), `${this.subject}: ${text}`);
  }

  private push(code: FindingCode, project: string | null, permissions: readonly string[], range: Range, message: string, extra: Partial<Finding> = {}): void {
    this.findings.push(
      finding(code, { message, range, step: stepName(this.step), operation: this.step.operation, project, permissions, site: this.snapshot.site, ...extra }),
    );
  }

  private operationRange(): Range {
    return this.step.operationRange;
  }

  /** A permission that an input adds sits on that input's key; the rest on the operation's name. */
  private anchor(requirement: Requirement): Range {
    const input = requirement.input ? this.step.inputs.get(requirement.input) : undefined;
    return input ? input.keyRange : this.operationRange();
  }
}

/** What a finding records of the requirement behind it, so no consumer has to read it back from the message. */
function requirementFields(requirement: Requirement): Partial<Finding> {
  return { ...(requirement.keys.length > 1 ? { alternatives: true } : {}), ...(requirement.input ? { input: requirement.input } : {}) };
}
