/**
 * fetchSnapshot: what one linked account holds, for the permissions a set of recipes needs.
 *
 * Sequence: /myself (auth first: a failed login is an error, never "lacks everything") → /serverInfo (deployment,
 * version ≥ 7.0) → project permissions (in parallel, at most `concurrency` in flight), global keys riding along →
 * per project, security levels (when asked) and the permission scheme (when something is missing, `explain` is on
 * and the account may read it).
 *
 * Request accounting, for R recipes over P distinct projects (R doesn't matter: needs are merged per project first):
 *   /myself + /serverInfo                                          2
 *   project permissions, per project ("per-project" strategy)      P   (one mypermissions per project, all keys)
 *   global permissions                                             0   (they ride along in the project requests;
 *                                                                       1 only when no project answered)
 *   literal issues (I), one `mypermissions?issueKey=` each, in visible projects      I
 *   transitions of literal issues a step transitions by a literal name or status (T ≤ I), one
 *   `GET /rest/api/{3|2}/issue/{key}/transitions` each, for visible issues (either strategy)              T
 *   boards (B) a sprint step names literally, one `GET /rest/agile/1.0/board/{id}/project` each (a page holds
 *   50 projects), before the permission requests: their projects join P                                   B
 *   Cloud: project types (S = projects where a step does agent work, see project-types.ts), one
 *   `GET /rest/api/3/project/search?keys=…` per 50 of them, before the permission requests: SERVICEDESK_AGENT
 *   is then asked only in projects of type service_desk, riding along in their permission request           ⌈S/50⌉
 *   (on the bulk path, the projects whose ids it searches anyway join that search: ⌈(P' ∪ S)/50⌉ in all)
 *   Cloud: projects that answered as not visible (N), looked up among archived ones, 50 a request       ⌈N/50⌉
 *   → 2 + B + P + I + T (+ ⌈S/50⌉ + ⌈N/50⌉ on Cloud; Data Center's spec shows no project type, so nothing is asked there).
 *   Cloud "bulk" strategy: project ids from `/rest/api/3/project/search?keys=…` (50 keys a page), unless known,
 *   then `POST /rest/api/3/permissions/check` (1,000 projects a call, global keys ride along in the first):
 *   2 + ⌈P'/50⌉ + ⌈P/1000⌉, P' = projects whose id isn't known. Break-even: per-project costs P (counted +1
 *   with global keys, see useBulk); bulk costs ⌈P'/50⌉ + ⌈P/1000⌉. "auto" picks bulk only when strictly cheaper —
 *   from 3 projects on (2 with global keys) — and stays per-project on ties, as `mypermissions` is the documented per-project answer.
 *   Literal issues on Cloud's bulk path: ids from `POST /rest/api/3/issue/bulkfetch` (100 a request, in parallel
 *   with the project search), then the bulk check's `issues` alongside the projects: 2 + ⌈P'/50⌉ + ⌈I/100⌉ +
 *   ⌈(P+I)/1000⌉ (+ T), against 2 + P + I (+ T) one at a time; "auto" compares the two (T is the same for both).
 *   (Looking ids up with `GET /rest/api/2/project/{key}`, one per project, would cost P + ⌈P/1000⌉: never cheaper.)
 *   Projects named by numeric id (n8n workflows) add one `GET /rest/api/2/project/{id}` each, to learn their key.
 *   Outside the budget, both only asked for: `securitylevel`, one per project in `securityLevelProjects`; and
 *   explanations: one `permissionscheme` per visible project with a missing permission plus one read per distinct
 *   scheme — only where the account may read schemes. ADMINISTER and ADMINISTER_PROJECTS, asked in the same
 *   permission request at no cost, tell: Cloud lets either read a project's scheme, Data Center only a Jira
 *   administrator. An account that may not gets `permissionScheme: {readable: false}` without a request.
 *   Retries of 429/503 (and the one retry of a dropped GET) repeat a request; they are not new questions.
 *
 * Failures: auth and version errors throw; so does cancellation (JiraAbortError). A project whose permissions can't
 * be fetched (5xx, HTML, broken JSON, timeout, rate limit after retries, 400) gets `unavailable: reason` and no
 * permissions; a failed global request leaves `global` absent (unknown); a failed security-level or scheme read
 * leaves that field absent. Nothing unknown is ever written as false.
 */
import { normalizeSnapshot } from '../snapshot/normalize';
import type { IssueSnapshot, PermissionSchemeInfo, PermissionSnapshot, ProjectSnapshot } from '../snapshot/types';
import { fetchMyself, fetchServerInfo } from './account';
import { fetchBoards, withBoardProjects } from './boards';
import { bulkCheck } from './bulk-check';
import { withConnection, type JiraClientOptions } from './client';
import { authTypeOf, type JiraCredentials } from './credentials';
import { JiraRequestError, JiraUnavailableError } from './errors';
import { SchemeExplainer } from './explain';
import type { JiraHttp } from './http';
import { silentLogger, type JiraLogger } from './logger';
import { fetchMyPermissions } from './my-permissions';
import { BULK_FETCH_MAX_ISSUES, findIssueIds, type IssueIds } from './issue-ids';
import { findProjectIds, type ProjectId } from './project-ids';
import { withProjectTypes, type TypedNeeds } from './project-types';
import { resolveProjectRefs, type ResolvedProjectRefs } from './project-refs';
import { fetchSecurityLevels } from './projects';
import { fetchTransitions } from './transitions';
import { normalizeNeeds, projectOfIssue, type NormalizedNeeds, type PermissionNeeds } from '../snapshot/needs';
import type { JiraSite } from './site';

export type CloudProjectStrategy = 'auto' | 'per-project' | 'bulk';

export interface FetchSnapshotOptions extends JiraClientOptions {
  /** Cloud only (Data Center has no bulk check): see the accounting above. Default 'auto'. */
  readonly cloudProjectStrategy?: CloudProjectStrategy;
  /** Project key → numeric id, when already known (e.g. from listProjects): spares the id look-up of the bulk check. */
  readonly knownProjectIds?: Readonly<Record<string, string>>;
  /** Clock for `fetchedAt` (tests). */
  readonly now?: () => Date;
}

export async function fetchSnapshot(
  site: string | JiraSite,
  credentials: JiraCredentials,
  needs: PermissionNeeds,
  options: FetchSnapshotOptions = {},
): Promise<PermissionSnapshot> {
  const wanted = normalizeNeeds(needs);
  return withConnection(site, credentials, options, async (http, normalized) => {
    const account = await fetchMyself(http, credentials);
    const info = await fetchServerInfo(http);
    // A sprint's projects are its board's: they join the projects asked about.
    const boards = await fetchBoards(http, wanted.boards);
    const refs = await resolveProjectRefs(http, withBoardProjects(wanted, boards));
    // Agent work needs Service Desk Agent only in Service Management projects: their types come first.
    // On the bulk path the same search finds the ids the bulk check needs.
    const bulk = info.deployment === 'cloud' && useBulk(refs.needs, options);
    const unknownIds = bulk ? [...refs.needs.projects.keys()].filter((key) => options.knownProjectIds?.[key] === undefined) : [];
    const typed = await withProjectTypes(http, info.deployment, refs.needs, options.logger ?? silentLogger, unknownIds);
    const fetcher = new PermissionFetcher(http, typed.needs, options, typed);
    const fetched = bulk ? await fetcher.viaBulkCheck() : await fetcher.perProject(info.deployment);
    const global = fetched.global;
    const withTypes = withProjectTypeKeys(withProjectRefs(await fetcher.withTransitions(info.deployment, fetched.projects), refs), typed.found);
    const projects = info.deployment === 'cloud' ? await withArchived(http, withTypes, options.logger ?? silentLogger) : withTypes;
    return normalizeSnapshot({
      version: 1,
      site: normalized.baseUrl,
      deployment: info.deployment,
      serverVersion: info.version,
      account,
      authType: authTypeOf(credentials),
      ...(credentials.kind === 'oauth2' && credentials.scopes ? { scopes: [...new Set(credentials.scopes)].sort() } : {}),
      fetchedAt: (options.now?.() ?? new Date()).toISOString(),
      ...(global ? { global } : {}),
      projects,
      ...(Object.keys(boards).length ? { boards } : {}),
    });
  });
}

/** Whether the Cloud bulk check asks fewer questions than one `mypermissions` per project (see the accounting). */
export function useBulk(needs: NormalizedNeeds, options: FetchSnapshotOptions): boolean {
  const strategy = options.cloudProjectStrategy ?? 'auto';
  if (strategy !== 'auto') return strategy === 'bulk';
  const projects = needs.projects.size;
  if (projects === 0) return false;
  const unknownIds = [...needs.projects.keys()].filter((key) => options.knownProjectIds?.[key] === undefined).length;
  const issues = needs.issues.size;
  // Global keys ride along in per-project requests at no cost; counting one for them anyway makes a tie with global
  // keys go to the bulk check, as it did before they rode along: its project search also names the projects.
  const perProject = projects + issues + (needs.global.length ? 1 : 0);
  const bulk = Math.ceil(unknownIds / 50) + Math.ceil(issues / BULK_FETCH_MAX_ISSUES) + Math.ceil((projects + issues) / 1000);
  return bulk < perProject;
}

type Permissions = Record<string, boolean>;

class PermissionFetcher {
  private readonly explainer: SchemeExplainer;
  private readonly log: JiraLogger;
  private readonly knownIds: Readonly<Record<string, string>>;

  constructor(
    private readonly http: JiraHttp,
    private readonly needs: NormalizedNeeds,
    options: FetchSnapshotOptions,
    /** Projects already searched (for their types): the bulk check needn't look their ids up again. */
    private readonly searched: Pick<TypedNeeds, 'found' | 'searched'> = { found: new Map(), searched: new Set() },
  ) {
    this.explainer = new SchemeExplainer(http);
    this.log = options.logger ?? silentLogger;
    this.knownIds = options.knownProjectIds ?? {};
  }

  /**
   * One `mypermissions` per project, all in parallel. Global keys ride along in every project request (Jira answers
   * global permissions whatever the context; Data Center answers every key anyway), and so do ADMINISTER and
   * ADMINISTER_PROJECTS when explanations are on: they tell whether the scheme may be read at all. A separate global
   * request is made only when no project answered (none asked, or none visible).
   */
  async perProject(deployment: 'cloud' | 'server'): Promise<{ global?: Permissions; projects: Record<string, ProjectSnapshot> }> {
    const globalKeys = this.globalKeysAsked();
    const adminKeys = this.needs.explain ? ['ADMINISTER_PROJECTS'] : [];
    let global: Permissions | undefined;
    const entries = [...this.needs.projects].map(async ([key, keys]): Promise<[string, ProjectSnapshot]> => {
      try {
        // Cloud insists on at least one key; a project asked with none is only asked whether it is visible.
        const asked = unique([...(keys.length ? keys : ['BROWSE_PROJECTS']), ...globalKeys, ...(keys.length ? adminKeys : [])]).sort();
        const result = await fetchMyPermissions(this.http, deployment, asked, { projectKey: key });
        if (!result.visible) return [key, { visible: false }];
        global ??= pick(result.permissions, globalKeys);
        const permissions = keys.length ? pick(result.permissions, keys) : {};
        const admin = mayReadScheme(deployment, result.permissions);
        return [key, await this.complete(key, { visible: true, permissions }, admin)];
      } catch (error) {
        return [key, unavailable(error)];
      }
    });
    const projects = Object.fromEntries(await Promise.all(entries));
    const issues = await this.issuesOneByOne(deployment, projects);
    if (!global && this.needs.global.length) {
      const alone = await this.unless(fetchMyPermissions(this.http, deployment, this.needs.global), 'global permissions');
      if (alone?.visible) global = alone.permissions;
    }
    const asked = global && pick(global, this.needs.global);
    return { ...(asked && this.needs.global.length ? { global: asked } : {}), projects: withIssues(projects, issues) };
  }

  /** One `mypermissions?issueKey=` per literal issue, for issues in projects that answered as visible. */
  private async issuesOneByOne(deployment: 'cloud' | 'server', projects: Record<string, ProjectSnapshot>): Promise<Map<string, IssueSnapshot>> {
    const result = new Map<string, IssueSnapshot>();
    const asked = [...this.needs.issues].filter(([issue]) => answered(projects[projectOfIssue(issue) ?? '']));
    await Promise.all(
      asked.map(async ([issue, keys]) => {
        try {
          const answer = await fetchMyPermissions(this.http, deployment, keys.length ? keys : ['BROWSE_PROJECTS'], { issueKey: issue });
          result.set(issue, answer.visible ? { visible: true, permissions: pick(answer.permissions, keys) } : { visible: false });
        } catch (error) {
          result.set(issue, unavailable(error));
        }
      }),
    );
    return result;
  }

  /**
   * The transitions the account may make on each literal issue a step transitions, one request each, for issues
   * that answered as visible. A failed request leaves them absent: the classic workflow's rules stand in.
   */
  async withTransitions(deployment: 'cloud' | 'server', projects: Record<string, ProjectSnapshot>): Promise<Record<string, ProjectSnapshot>> {
    const found = new Map<string, IssueSnapshot>();
    await Promise.all(
      [...this.needs.transitionIssues].map(async (issueKey) => {
        const issue = projects[projectOfIssue(issueKey) ?? '']?.issues?.[issueKey];
        if (!issue?.visible || issue.unavailable) return;
        const transitions = await this.unless(fetchTransitions(this.http, deployment, issueKey), `transitions of ${issueKey}`);
        if (transitions) found.set(issueKey, { ...issue, transitions });
      }),
    );
    return withIssues(projects, found);
  }

  /** The global keys every permission request carries: those needed, and ADMINISTER when explanations are on. */
  private globalKeysAsked(): string[] {
    return unique([...this.needs.global, ...(this.needs.explain ? ['ADMINISTER'] : [])]);
  }

  /** Cloud: project ids (known, or found by project search), then the bulk check with the global keys. */
  async viaBulkCheck(): Promise<{ global?: Permissions; projects: Record<string, ProjectSnapshot> }> {
    const projects: Record<string, ProjectSnapshot> = {};
    const issueLookup = this.lookUpIssues();
    let refs;
    try {
      const keys = [...this.needs.projects.keys()].filter((key) => !this.searched.searched.has(key));
      refs = new Map([...this.searched.found, ...(await findProjectIds(this.http, keys, this.knownIds))]);
    } catch (error) {
      await issueLookup;
      const failed = unavailable(error);
      for (const key of this.needs.projects.keys()) projects[key] = failed;
      return { projects, ...(await this.globalAlone()) };
    }
    const byId = new Map<string, string[]>();
    for (const [key, keys] of this.needs.projects) {
      const ref = refs.get(key);
      if (ref) byId.set(ref.id, [...keys]);
      else projects[key] = { visible: false };
    }
    // A project of a known id is visible when the account may browse or administer it (what project search lists).
    // ADMINISTER also tells whether permission schemes may be read (with ADMINISTER_PROJECTS, always asked).
    const unlisted = [...refs.values()].some((ref) => !ref.listed);
    const global = unlisted ? unique([...this.globalKeysAsked(), 'ADMINISTER']) : this.globalKeysAsked();
    const issueIds = await issueLookup;
    const issuesById = new Map<string, readonly string[]>();
    for (const [issue, keys] of this.needs.issues) {
      const id = issueIds.found.get(issue);
      if (id !== undefined) issuesById.set(id, keys);
    }
    let answer;
    try {
      answer = await bulkCheck(this.http, { global, projects: byId, issues: issuesById });
    } catch (error) {
      const failed = unavailable(error);
      for (const key of this.needs.projects.keys()) if (!projects[key]) projects[key] = failed;
      if (this.needs.global.length) this.log('warn', `global permissions unknown: ${failed.unavailable}`);
      return { projects };
    }
    await Promise.all(
      [...this.needs.projects].map(async ([key, keys]) => {
        const ref = refs.get(key);
        if (!ref) return;
        const held = answer.projects.get(ref.id) ?? {};
        // Jira ignores unknown ids: one that is no project, or one the account can't see, holds nothing.
        const visible = ref.listed || held.BROWSE_PROJECTS || held.ADMINISTER_PROJECTS || answer.global?.ADMINISTER;
        if (!visible) {
          projects[key] = { visible: false };
          return;
        }
        const permissions = Object.fromEntries(keys.filter((k) => k in held).map((k) => [k, held[k] as boolean]));
        const named = { id: ref.id, ...(ref.name !== undefined ? { name: ref.name } : {}) };
        const admin = mayReadScheme('cloud', { ...answer.global, ...held });
        projects[key] = await this.complete(key, { visible: true, ...named, permissions }, admin);
      }),
    );
    const issues = new Map<string, IssueSnapshot>();
    for (const [issue, keys] of this.needs.issues) {
      const id = issueIds.found.get(issue);
      if (id !== undefined) issues.set(issue, { visible: true, id, permissions: pick(answer.issues.get(id) ?? {}, keys) });
      else if (issueIds.notVisible.has(issue)) issues.set(issue, { visible: false });
      else if (issueIds.failed) issues.set(issue, { visible: true, unavailable: issueIds.failed });
    }
    const asked = answer.global && Object.fromEntries(this.needs.global.map((key) => [key, answer.global?.[key] as boolean]));
    return { ...(asked && this.needs.global.length ? { global: asked } : {}), projects: withIssues(sortByKey(projects), issues) };
  }

  /** Ids of the literal issues (one bulk fetch per 100); a failed look-up leaves them unavailable, never invisible. */
  private async lookUpIssues(): Promise<IssueIds & { failed?: string }> {
    if (!this.needs.issues.size) return { found: new Map(), notVisible: new Set() };
    try {
      return await findIssueIds(this.http, [...this.needs.issues.keys()]);
    } catch (error) {
      return { found: new Map(), notVisible: new Set(), failed: unavailable(error).unavailable };
    }
  }

  /** The global keys when the bulk check could not be made (its id look-up failed). */
  private async globalAlone(): Promise<{ global?: Permissions }> {
    if (!this.needs.global.length) return {};
    const result = await this.unless(fetchMyPermissions(this.http, 'cloud', this.needs.global), 'global permissions');
    return result?.visible ? { global: result.permissions } : {};
  }

  /**
   * Adds security levels and the explanation of what is missing, each when asked for. The scheme is read only when
   * the account may read it (`admin`); known not to: recorded as unreadable without asking; unknown: left out.
   */
  private async complete(key: string, project: ProjectSnapshot, admin: boolean | undefined): Promise<ProjectSnapshot> {
    const missing = Object.entries(project.permissions ?? {})
      .filter(([, held]) => !held)
      .map(([k]) => k);
    const explain = this.needs.explain && missing.length > 0;
    const [securityLevels, permissionScheme] = await Promise.all([
      this.needs.securityLevelProjects.has(key) ? this.unless(fetchSecurityLevels(this.http, key), `security levels of ${key}`) : undefined,
      // Holders of every key asked, held ones too: a held key granted only to issue roles is worth a warning.
      explain && admin
        ? this.unless<PermissionSchemeInfo>(this.explainer.explain(key, Object.keys(project.permissions ?? {})), `permission scheme of ${key}`)
        : undefined,
    ]);
    return {
      ...project,
      ...(securityLevels ? { securityLevels } : {}),
      ...(permissionScheme ? { permissionScheme } : explain && admin === false ? { permissionScheme: { readable: false } } : {}),
    };
  }

  /** The answer, or undefined (unknown) when Jira couldn't give it; auth errors and cancellation still throw. */
  private async unless<T>(request: Promise<T>, what: string): Promise<T | undefined> {
    try {
      return await request;
    } catch (error) {
      if (!isProjectLevelFailure(error)) throw error;
      this.log('warn', `${what} unknown: ${error.message}`);
      return undefined;
    }
  }
}

/**
 * Whether the account may read a project's permission scheme, from its answers in that project: Cloud lets
 * Administer Jira or Administer Projects read it; Data Center effectively only a Jira administrator. Undefined when
 * the answer doesn't say.
 */
function mayReadScheme(deployment: 'cloud' | 'server', held: Readonly<Record<string, boolean | undefined>>): boolean | undefined {
  const keys = deployment === 'cloud' ? ['ADMINISTER', 'ADMINISTER_PROJECTS'] : ['ADMINISTER'];
  const values = keys.map((k) => held[k]);
  if (values.some((v) => v === true)) return true;
  return values.every((v) => v === false) ? false : undefined;
}

function pick(permissions: Permissions, keys: readonly string[]): Permissions {
  return Object.fromEntries(keys.filter((k) => k in permissions).map((k) => [k, permissions[k] as boolean]));
}

function unique(keys: readonly string[]): string[] {
  return [...new Set(keys)];
}

/** Failures that leave a part of the snapshot unknown instead of failing the whole fetch. */
function isProjectLevelFailure(error: unknown): error is JiraUnavailableError | JiraRequestError {
  return error instanceof JiraUnavailableError || error instanceof JiraRequestError;
}

/**
 * A project whose permissions could not be fetched. `visible` is required by the snapshot type; true here means
 * "not known to be invisible" — readers must look at `unavailable` first.
 */
function unavailable(error: unknown): ProjectSnapshot & { unavailable: string } {
  if (!isProjectLevelFailure(error)) throw error;
  return { visible: true, unavailable: error.message };
}

/** Whether a project answered as visible: only then does an issue answer in it mean anything. */
function answered(project: ProjectSnapshot | undefined): boolean {
  return !!project && project.visible && !project.unavailable;
}

/** Issue answers filed under their projects (visible ones that answered). */
function withIssues(projects: Record<string, ProjectSnapshot>, issues: ReadonlyMap<string, IssueSnapshot>): Record<string, ProjectSnapshot> {
  if (!issues.size) return projects;
  const result = { ...projects };
  for (const [issue, answer] of issues) {
    const key = projectOfIssue(issue);
    const project = key === undefined ? undefined : result[key];
    if (key === undefined || !project || !answered(project)) continue;
    result[key] = { ...project, issues: { ...project.issues, [issue]: answer } };
  }
  return result;
}

/** Projects found by id get their id and name; ids that name none are recorded under the id. */
function withProjectRefs(projects: Record<string, ProjectSnapshot>, refs: ResolvedProjectRefs): Record<string, ProjectSnapshot> {
  if (!refs.found.size && !Object.keys(refs.unresolved).length) return projects;
  const result: Record<string, ProjectSnapshot> = { ...projects, ...refs.unresolved };
  for (const [key, ref] of refs.found) {
    const project = result[key];
    if (project) result[key] = { ...project, ...(ref.id !== undefined ? { id: ref.id } : {}), name: ref.name };
  }
  return sortByKey(result);
}

/**
 * Cloud: projects that answered as not visible, looked up among archived projects (`project/search?keys=…&status=
 * archived`, 50 a request): one listed there is recorded `archived: true`, on either strategy. A failed look-up
 * leaves them merely not visible. Data Center's spec shows no such search; its projects stay as they answered.
 */
async function withArchived(http: JiraHttp, projects: Record<string, ProjectSnapshot>, log: JiraLogger): Promise<Record<string, ProjectSnapshot>> {
  const hidden = Object.entries(projects)
    .filter(([key, p]) => !p.visible && !/^\d+$/.test(key))
    .map(([key]) => key);
  if (!hidden.length) return projects;
  try {
    const archived = await findProjectIds(http, hidden, {}, 'archived');
    if (!archived.size) return projects;
    const result = { ...projects };
    for (const [key, ref] of archived) result[key] = { visible: false, archived: true, id: ref.id, ...(ref.name !== undefined ? { name: ref.name } : {}) };
    return result;
  } catch (error) {
    if (!isProjectLevelFailure(error)) throw error;
    log('warn', `archived projects unknown: ${error.message}`);
    return projects;
  }
}

/** Visible projects whose type was looked up get it (`service_desk` makes agent work need Service Desk Agent). */
function withProjectTypeKeys(projects: Record<string, ProjectSnapshot>, found: ReadonlyMap<string, ProjectId>): Record<string, ProjectSnapshot> {
  if (!found.size) return projects;
  const result = { ...projects };
  for (const [key, ref] of found) {
    const project = result[key];
    if (project && answered(project) && ref.projectTypeKey !== undefined) result[key] = { ...project, projectTypeKey: ref.projectTypeKey };
  }
  return result;
}

function sortByKey<T>(record: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
