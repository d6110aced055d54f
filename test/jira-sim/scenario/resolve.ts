/**
 * Resolves a structurally valid scenario into a World: every handle and name becomes the object it names.
 * Broken references, duplicates and misplaced permission keys are all reported through `problem`, not thrown,
 * so that one run lists every mistake in the file.
 */
import { createHash } from 'node:crypto';
import { currentKeyOf, permissionByKey } from '../catalog';
import { featuresOf, parseVersion } from '../version';
import type { Scenario, ScenarioHolder, ScenarioRoleMember, ScenarioUser } from './types';
import type {
  Holder,
  SimApplicationRole,
  SimBoard,
  SimCustomField,
  SimGrant,
  SimGroup,
  SimIssue,
  SimIssueSecurityScheme,
  SimPermissionScheme,
  SimProject,
  SimProjectRole,
  SimRoleMembers,
  SimStatus,
  SimUser,
  World,
} from './world';

export type ProblemSink = (message: string) => void;

export function resolveScenario(s: Scenario, problem: ProblemSink): World {
  const version = parseVersion(s.version);
  if (!version) problem(`version "${s.version}" is not x.y.z`);
  const r = new Resolver(s, problem);
  const permissionSchemes = r.permissionSchemes();
  const issueSecuritySchemes = r.issueSecuritySchemes();
  const projects = r.projects(permissionSchemes, issueSecuritySchemes);
  const parsedVersion = version ?? { text: s.version, numbers: [0, 0, 0] as const };
  return {
    flavour: s.flavour,
    version: parsedVersion,
    features: featuresOf(s.flavour, parsedVersion),
    contextPath: s.contextPath ?? '',
    title: s.title ?? (s.flavour === 'cloud' ? 'Jira' : 'Jira Data Center'),
    users: r.users,
    groups: r.groups,
    applicationRoles: r.applicationRoles,
    globalGrants: r.globalGrants(),
    projectRoles: r.projectRoles,
    customFields: r.customFields,
    permissionSchemes,
    issueSecuritySchemes,
    projects,
    issues: r.issues(projects),
    boards: r.boards(projects),
  };
}

class Resolver {
  readonly users: readonly SimUser[];
  readonly groups: ReadonlyMap<string, SimGroup>;
  readonly applicationRoles: readonly SimApplicationRole[];
  readonly projectRoles: readonly SimProjectRole[];
  readonly customFields: readonly SimCustomField[];

  constructor(
    private readonly s: Scenario,
    private readonly problem: ProblemSink,
  ) {
    const cloud = s.flavour === 'cloud';
    this.users = Object.entries(s.users).map(([handle, u]) => this.resolveUser(handle, u));
    this.unique(this.users, (u) => (cloud ? u.accountId : u.username), 'user');
    this.unique(this.users, (u) => u.email.toLowerCase(), 'user email');
    this.groups = new Map(
      Object.entries(s.groups ?? {}).map(([name, members]) => [
        name,
        {
          name,
          groupId: groupIdOf(name),
          members: new Set(members.map((m) => this.user(m, `groups.${name}`)).filter(isDefined)),
        },
      ]),
    );
    this.applicationRoles = (s.applicationRoles ?? []).map((a) => {
      a.groups.forEach((g) => this.group(g, `applicationRoles.${a.key}`));
      return { key: a.key, name: a.name, groups: a.groups };
    });
    this.projectRoles = (s.projectRoles ?? []).map((r) => ({
      id: r.id,
      name: r.name,
      description: r.description ?? '',
    }));
    this.unique(this.projectRoles, (r) => r.id, 'project role id');
    this.unique(this.projectRoles, (r) => r.name, 'project role name');
    this.customFields = s.customFields ?? [];
    this.unique(this.customFields, (f) => f.id, 'custom field');
  }

  globalGrants(): Map<string, ReadonlySet<string>> {
    const grants = new Map<string, ReadonlySet<string>>();
    for (const [key, groups] of Object.entries(this.s.globalPermissions ?? {})) {
      this.checkPermissionKey(key, 'GLOBAL', `globalPermissions.${key}`);
      groups.forEach((g) => this.group(g, `globalPermissions.${key}`));
      grants.set(key, new Set(groups));
    }
    return grants;
  }

  /** Grant ids run from 10000 across all schemes; `basedOn` copies an earlier scheme's grants. */
  permissionSchemes(): SimPermissionScheme[] {
    let nextGrantId = 10000;
    const schemes: SimPermissionScheme[] = [];
    for (const scheme of this.s.permissionSchemes) {
      const where = `permissionSchemes "${scheme.name}"`;
      const base = scheme.basedOn === undefined ? undefined : schemes.find((p) => p.name === scheme.basedOn);
      if (scheme.basedOn !== undefined && !base) {
        this.problem(`${where}: basedOn "${scheme.basedOn}" is not a scheme above it`);
      }
      const holders = new Map<string, Holder[]>();
      for (const g of base?.grants ?? []) holders.set(g.permission, [...(holders.get(g.permission) ?? []), g.holder]);
      for (const [key, list] of Object.entries(scheme.grants)) {
        this.checkPermissionKey(key, 'PROJECT', `${where}.grants.${key}`);
        holders.set(key, list.map((h) => this.holder(h, `${where}.grants.${key}`)).filter(isDefined));
      }
      const grants: SimGrant[] = [...holders].flatMap(([permission, list]) => list.map((holder) => ({ id: nextGrantId++, permission, holder })));
      schemes.push({ id: scheme.id, name: scheme.name, description: scheme.description ?? '', grants });
    }
    this.unique(schemes, (p) => p.id, 'permission scheme id');
    this.unique(schemes, (p) => p.name, 'permission scheme name');
    return schemes;
  }

  issueSecuritySchemes(): SimIssueSecurityScheme[] {
    const schemes = (this.s.issueSecuritySchemes ?? []).map((scheme) => {
      const where = `issueSecuritySchemes "${scheme.name}"`;
      if (scheme.defaultLevel !== undefined && !scheme.levels.some((l) => l.name === scheme.defaultLevel)) {
        this.problem(`${where}: defaultLevel "${scheme.defaultLevel}" is not one of its levels`);
      }
      return {
        id: scheme.id,
        name: scheme.name,
        description: scheme.description ?? '',
        levels: scheme.levels.map((level) => ({
          id: level.id,
          name: level.name,
          description: level.description ?? '',
          members: level.members.map((m) => this.holder(m, `${where}.levels "${level.name}"`)).filter(isDefined),
          schemeId: scheme.id,
          isDefault: level.name === scheme.defaultLevel,
        })),
      };
    });
    this.unique(schemes, (i) => i.id, 'issue security scheme id');
    this.unique(
      schemes.flatMap((i) => i.levels),
      (l) => l.id,
      'security level id',
    );
    return schemes;
  }

  projects(permissionSchemes: readonly SimPermissionScheme[], securitySchemes: readonly SimIssueSecurityScheme[]): SimProject[] {
    const projects = this.s.projects.map((p): SimProject => {
      const where = `projects ${p.key}`;
      const permissionScheme = permissionSchemes.find((ps) => ps.name === p.permissionScheme);
      if (!permissionScheme) this.problem(`${where}: unknown permission scheme "${p.permissionScheme}"`);
      const issueSecurityScheme = p.issueSecurityScheme === undefined ? undefined : securitySchemes.find((i) => i.name === p.issueSecurityScheme);
      if (p.issueSecurityScheme !== undefined && !issueSecurityScheme) {
        this.problem(`${where}: unknown issue security scheme "${p.issueSecurityScheme}"`);
      }
      const roles = new Map<number, SimRoleMembers>();
      for (const [roleName, members] of Object.entries(p.roles ?? {})) {
        const role = this.role(roleName, `${where}.roles`);
        if (role) roles.set(role.id, this.roleMembers(members, `${where}.roles.${roleName}`));
      }
      return {
        id: p.id,
        key: p.key,
        name: p.name,
        description: p.description ?? '',
        // After a reported problem any stand-in will do: the world is never used.
        lead: this.user(p.lead, `${where}.lead`) ?? this.users[0],
        projectTypeKey: p.projectTypeKey ?? 'software',
        archived: p.archived ?? false,
        permissionScheme: permissionScheme ?? permissionSchemes[0],
        ...(issueSecurityScheme ? { issueSecurityScheme } : {}),
        roles,
      };
    });
    this.unique(projects, (p) => p.id, 'project id');
    this.unique(projects, (p) => p.key, 'project key');
    return projects;
  }

  boards(projects: readonly SimProject[]): SimBoard[] {
    const boards = (this.s.boards ?? []).map((b) => ({
      id: b.id,
      name: b.name,
      type: b.type ?? 'scrum',
      projects: b.projects.flatMap((key) => {
        const project = projects.find((p) => p.key === key);
        if (!project) this.problem(`boards ${b.name}: no project with key ${key}`);
        return project ? [project] : [];
      }),
    }));
    this.unique(boards, (b) => b.id, 'board id');
    return boards;
  }

  /** An issue's project is the one its key starts with. */
  issues(projects: readonly SimProject[]): SimIssue[] {
    const issues: SimIssue[] = [];
    for (const i of this.s.issues ?? []) {
      const where = `issues ${i.key}`;
      const projectKey = i.key.replace(/-\d+$/, '');
      const project = projects.find((p) => p.key === projectKey);
      if (!project) {
        this.problem(`${where}: no project with key ${projectKey}`);
        continue;
      }
      const securityLevel = i.securityLevel === undefined ? undefined : project.issueSecurityScheme?.levels.find((l) => l.name === i.securityLevel);
      if (i.securityLevel !== undefined && !securityLevel) {
        this.problem(`${where}: "${i.securityLevel}" is not a level of ${project.key}'s issue security scheme`);
      }
      for (const [id, values] of Object.entries(i.fields ?? {})) {
        const field = this.customFields.find((c) => c.id === id);
        if (!field) this.problem(`${where}.fields: unknown custom field "${id}"`);
        for (const v of field ? values : []) {
          if (field?.type === 'user') this.user(v, `${where}.fields.${id}`);
          else this.group(v, `${where}.fields.${id}`);
        }
      }
      issues.push({
        id: i.id,
        key: i.key,
        summary: i.summary ?? i.key,
        project,
        ...(i.reporter !== undefined ? { reporter: this.user(i.reporter, `${where}.reporter`) } : {}),
        ...(i.assignee !== undefined ? { assignee: this.user(i.assignee, `${where}.assignee`) } : {}),
        ...(securityLevel ? { securityLevel } : {}),
        fields: new Map(Object.entries(i.fields ?? {})),
        transitions: (i.transitions ?? []).map((t) => ({
          id: t.id,
          name: t.name,
          to: this.status(t.to),
          ...(t.holders ? { holders: t.holders.map((h) => this.holder(h, `${where}.transitions "${t.name}"`)).filter(isDefined) } : {}),
        })),
      });
    }
    this.unique(issues, (i) => i.id, 'issue id');
    this.unique(issues, (i) => i.key, 'issue key');
    return issues;
  }

  /** Credentials of the other flavour are ignored, so that one world can be played as Cloud and as Data Center. */
  private resolveUser(handle: string, u: ScenarioUser): SimUser {
    const cloud = this.s.flavour === 'cloud';
    if (cloud && u.accountId === undefined) this.problem(`users.${handle}: a Cloud user needs an accountId`);
    if (!cloud && u.username === undefined) this.problem(`users.${handle}: a Data Center user needs a username`);
    const groups = Object.entries(this.s.groups ?? {}).filter(([, members]) => members.includes(handle));
    return {
      handle,
      displayName: u.displayName,
      email: u.email,
      active: u.active ?? true,
      timeZone: u.timeZone ?? 'Etc/UTC',
      locale: u.locale ?? 'en_US',
      ...(cloud ? { accountId: u.accountId ?? handle } : { username: u.username ?? handle, key: u.key ?? u.username ?? handle }),
      apiTokens: cloud ? (u.apiTokens ?? []) : [],
      ...(!cloud && u.password !== undefined ? { password: u.password } : {}),
      personalAccessTokens: cloud ? [] : (u.personalAccessTokens ?? []),
      captchaRequired: !cloud && (u.captchaRequired ?? false),
      groups: new Set(groups.map(([name]) => name)),
    };
  }

  private user(handle: string, where: string): SimUser | undefined {
    const found = this.users.find((u) => u.handle === handle);
    if (!found) this.problem(`${where}: unknown user "${handle}"`);
    return found;
  }

  private group(name: string, where: string): SimGroup | undefined {
    const found = this.groups.get(name);
    if (!found) this.problem(`${where}: unknown group "${name}" (declare it under groups)`);
    return found;
  }

  private role(name: string, where: string): SimProjectRole | undefined {
    const found = this.projectRoles.find((r) => r.name === name);
    if (!found) this.problem(`${where}: unknown project role "${name}" (declare it under projectRoles)`);
    return found;
  }

  private field(id: string, type: 'user' | 'group', where: string): SimCustomField | undefined {
    const found = this.customFields.find((f) => f.id === id);
    if (!found) this.problem(`${where}: unknown custom field "${id}"`);
    else if (found.type !== type) this.problem(`${where}: ${id} is a ${found.type} field, not a ${type} field`);
    return found;
  }

  private readonly statuses = new Map<string, SimStatus>();

  /** A status by name; ids are given in order of first mention, from 10000 (inferred: Jira numbers its own likewise). */
  private status(name: string): SimStatus {
    let status = this.statuses.get(name);
    if (!status) this.statuses.set(name, (status = { id: String(10000 + this.statuses.size), name }));
    return status;
  }

  private holder(h: ScenarioHolder, where: string): Holder | undefined {
    if (typeof h === 'string') return h === 'applicationRole' ? { type: 'applicationRole' } : { type: h };
    const [[type, parameter]] = Object.entries(h) as [[string, string]];
    switch (type) {
      case 'group': {
        const group = this.group(parameter, where);
        return group && { type, group };
      }
      case 'user': {
        const user = this.user(parameter, where);
        return user && { type, user };
      }
      case 'projectRole': {
        const role = this.role(parameter, where);
        return role && { type, role };
      }
      case 'applicationRole': {
        const application = this.applicationRoles.find((a) => a.key === parameter);
        if (!application) this.problem(`${where}: unknown application role "${parameter}"`);
        return application && { type, application };
      }
      case 'userCustomField':
      case 'groupCustomField': {
        const field = this.field(parameter, type === 'userCustomField' ? 'user' : 'group', where);
        return field && { type, field };
      }
    }
    this.problem(`${where}: unknown holder type "${type}"`);
    return undefined;
  }

  private roleMembers(members: readonly ScenarioRoleMember[], where: string): SimRoleMembers {
    const users = new Set<SimUser>();
    const groups = new Set<string>();
    for (const m of members) {
      if (typeof m === 'string' || 'user' in m) {
        const user = this.user(typeof m === 'string' ? m : m.user, where);
        if (user) users.add(user);
      } else if (this.group(m.group, where)) {
        groups.add(m.group);
      }
    }
    return { users, groups };
  }

  private checkPermissionKey(key: string, type: 'GLOBAL' | 'PROJECT', where: string): void {
    const permission = permissionByKey(this.s.flavour, key);
    const current = currentKeyOf(key);
    if (current) this.problem(`${where}: ${key} is a legacy key; write ${current}`);
    else if (!permission) this.problem(`${where}: unknown permission key ${key} on ${this.s.flavour}`);
    else if (permission.type !== type) this.problem(`${where}: ${key} is a ${permission.type.toLowerCase()} permission`);
  }

  private unique<T>(items: readonly T[], keyOf: (item: T) => unknown, what: string): void {
    const seen = new Set<unknown>();
    for (const item of items) {
      const key = keyOf(item);
      if (key === undefined) continue;
      if (seen.has(key)) this.problem(`duplicate ${what} ${String(key)}`);
      seen.add(key);
    }
  }
}

/** Cloud group ids are UUIDs; the simulator derives a stable one from the group name. */
function groupIdOf(name: string): string {
  const h = createHash('sha1').update(`group:${name}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

function isDefined<T>(value: T | undefined): value is T {
  return value !== undefined;
}
