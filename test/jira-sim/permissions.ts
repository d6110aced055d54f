/**
 * Who holds which permission where, computed from the scenario the way Jira's permission manager does it.
 *
 * Context rules (Jira's `mypermissions` documentation, and its security types' source):
 * - Global permissions come from group grants and ignore context; SYSTEM_ADMIN implies ADMINISTER.
 * - In a project, a grant to an issue role — reporter, assignee, user or group custom field — counts for every
 *   signed-in user: Jira's issue-field security types answer "yes" for a project ("any user can be a reporter").
 *   Anonymous users never qualify through an issue role.
 * - On an issue, issue roles are exact (this issue's reporter, assignee, field values), and nothing is held on an
 *   issue whose security level the user is not in.
 * - With no context, a project permission is held if it is held in any project.
 * Inactive users hold nothing (they cannot log in anyway).
 */
import type { Holder, SimIssue, SimProject, SimSecurityLevel, SimTransition, SimUser, World } from './scenario/world';

/** The user a question is about; null for anonymous. */
export type Subject = SimUser | null;

export class PermissionEvaluator {
  constructor(private readonly world: World) {}

  hasGlobal(subject: Subject, key: string): boolean {
    if (!subject?.active) return false;
    const granted = (k: string) => [...(this.world.globalGrants.get(k) ?? [])].some((g) => subject.groups.has(g));
    return granted(key) || (key === 'ADMINISTER' && granted('SYSTEM_ADMIN'));
  }

  /** In a project, without an issue: issue roles count for any signed-in user. */
  inProject(subject: Subject, key: string, project: SimProject): boolean {
    if (project.archived) return false;
    return project.permissionScheme.grants.some((g) => g.permission === key && this.matches(g.holder, subject, project));
  }

  /** On an issue: exact, and only if the issue's security level lets the user see it. */
  onIssue(subject: Subject, key: string, issue: SimIssue): boolean {
    if (issue.securityLevel && !this.isLevelMember(subject, issue.securityLevel, issue.project, issue)) return false;
    return issue.project.permissionScheme.grants.some((g) => g.permission === key && this.matches(g.holder, subject, issue.project, issue));
  }

  /** With no context: held in any project. */
  anywhere(subject: Subject, key: string): boolean {
    return this.world.projects.some((p) => this.inProject(subject, key, p));
  }

  /** Jira's "view project": Browse Projects or Administer Projects there, or Administer Jira. */
  canViewProject(subject: Subject, project: SimProject): boolean {
    if (project.archived) return false;
    return (
      this.inProject(subject, 'BROWSE_PROJECTS', project) || this.inProject(subject, 'ADMINISTER_PROJECTS', project) || this.hasGlobal(subject, 'ADMINISTER')
    );
  }

  canSeeIssue(subject: Subject, issue: SimIssue): boolean {
    return this.onIssue(subject, 'BROWSE_PROJECTS', issue);
  }

  /** Membership of a security level; without an issue, issue roles count as for project permissions. */
  isLevelMember(subject: Subject, level: SimSecurityLevel, project: SimProject, issue?: SimIssue): boolean {
    return level.members.some((m) => this.matches(m, subject, project, issue));
  }

  /** The security levels the user may set in the project: none without Set Issue Security. */
  settableLevels(subject: Subject, project: SimProject): readonly SimSecurityLevel[] {
    if (!subject || !project.issueSecurityScheme || !this.inProject(subject, 'SET_ISSUE_SECURITY', project)) return [];
    return project.issueSecurityScheme.levels.filter((l) => this.isLevelMember(subject, l, project));
  }

  /**
   * The transitions the user may make on an issue now: none unless they see it and hold Transition Issues on it,
   * then those whose condition they meet (Jira's getTransitions: "if the user does not have the Transition issues
   * project permission the response will not list any transitions").
   */
  transitionsOn(subject: Subject, issue: SimIssue): readonly SimTransition[] {
    if (!this.canSeeIssue(subject, issue) || !this.onIssue(subject, 'TRANSITION_ISSUES', issue)) return [];
    return issue.transitions.filter((t) => !t.holders || t.holders.some((h) => this.matches(h, subject, issue.project, issue)));
  }

  /** The application roles (product access) the user has. */
  applicationRolesOf(user: SimUser): readonly string[] {
    return this.world.applicationRoles.filter((a) => a.groups.some((g) => user.groups.has(g))).map((a) => a.key);
  }

  private matches(holder: Holder, subject: Subject, project: SimProject, issue?: SimIssue): boolean {
    if (holder.type === 'anyone') return true;
    if (!subject?.active) return false;
    switch (holder.type) {
      case 'group':
        return subject.groups.has(holder.group.name);
      case 'user':
        return subject === holder.user;
      case 'projectLead':
        return subject === project.lead;
      case 'projectRole': {
        const members = project.roles.get(holder.role.id);
        return !!members && (members.users.has(subject) || [...members.groups].some((g) => subject.groups.has(g)));
      }
      case 'applicationRole':
        return holder.application ? holder.application.groups.some((g) => subject.groups.has(g)) : this.applicationRolesOf(subject).length > 0;
      case 'reporter':
        return !issue || issue.reporter === subject;
      case 'assignee':
        return !issue || issue.assignee === subject;
      case 'userCustomField':
        return !issue || (issue.fields.get(holder.field.id) ?? []).includes(subject.handle);
      case 'groupCustomField':
        return !issue || (issue.fields.get(holder.field.id) ?? []).some((g) => subject.groups.has(g));
    }
  }
}
