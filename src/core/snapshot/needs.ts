/** What a fetch must find out: the permissions the recipes need, globally and per project. */
import { canonicalPermissionKey } from '../catalog/permissions';

export interface PermissionNeeds {
  readonly global: readonly string[];
  /** Project key → permission keys needed there (legacy keys are accepted and mapped to current ones). */
  readonly projects: Readonly<Record<string, readonly string[]>>;
  /** Projects whose settable issue security levels are needed. */
  readonly securityLevelProjects?: readonly string[];
  /** Read the permission scheme of projects where something is missing (default true; needs admin rights). */
  readonly explain?: boolean;
  /** Issue key → permission keys needed on that issue (recipes that name the issue literally). */
  readonly issues?: Readonly<Record<string, readonly string[]>>;
  /** Literal issues whose transitions (as the account sees them) the recipes need: steps that transition them. */
  readonly transitionIssues?: readonly string[];
  /** Board id → permission keys needed in each project of that board (sprint operations on a literal board). */
  readonly boards?: Readonly<Record<string, readonly string[]>>;
}

export interface NormalizedNeeds {
  readonly global: readonly string[];
  readonly projects: ReadonlyMap<string, readonly string[]>;
  readonly securityLevelProjects: ReadonlySet<string>;
  readonly explain: boolean;
  /** Issue key (upper case) → keys; every issue's project is among `projects`. */
  readonly issues: ReadonlyMap<string, readonly string[]>;
  /** Issue keys (upper case) whose transitions are fetched; every one is among `issues`. */
  readonly transitionIssues: ReadonlySet<string>;
  /** Board id → keys needed in each of its projects, which only the board's answer names. */
  readonly boards: ReadonlyMap<string, readonly string[]>;
}

const ISSUE_KEY = /^([A-Z][A-Z0-9_]*)-\d+$/;

/** The project key of an issue key (`ENG-12` → `ENG`), or undefined for anything else. */
export function projectOfIssue(issueKey: string): string | undefined {
  return ISSUE_KEY.exec(issueKey.toUpperCase())?.[1];
}

/** Current keys, no duplicates, sorted; security-level projects are fetched like any other project. */
export function normalizeNeeds(needs: PermissionNeeds): NormalizedNeeds {
  const keys = (list: readonly string[]): string[] => [...new Set(list.map(canonicalPermissionKey))].sort();
  const projects = new Map<string, string[]>();
  for (const [key, list] of Object.entries(needs.projects)) projects.set(key, keys(list));
  for (const key of needs.securityLevelProjects ?? []) if (!projects.has(key)) projects.set(key, []);
  const issues = new Map<string, string[]>();
  const transitionIssues = new Set<string>();
  // An issue whose transitions are asked is asked about as itself too: only a visible issue has transitions.
  const asked = Object.entries(needs.issues ?? {});
  for (const issue of needs.transitionIssues ?? []) if (projectOfIssue(issue)) transitionIssues.add(issue.toUpperCase());
  for (const issue of transitionIssues) asked.push([issue, []]);
  for (const [issue, list] of asked) {
    const project = projectOfIssue(issue);
    if (!project) continue;
    const upper = issue.toUpperCase();
    issues.set(upper, keys([...(issues.get(upper) ?? []), ...list]));
    // An issue is judged against its project (is the project visible at all?), so the project is fetched too.
    if (!projects.has(project)) projects.set(project, []);
  }
  return {
    global: keys(needs.global),
    projects: new Map([...projects].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))),
    securityLevelProjects: new Set(needs.securityLevelProjects ?? []),
    explain: needs.explain ?? true,
    issues: new Map([...issues].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))),
    transitionIssues: new Set([...transitionIssues].sort()),
    boards: new Map(
      Object.entries(needs.boards ?? {})
        .map(([id, list]): [string, string[]] => [id.trim(), keys(list)])
        .sort(([a], [b]) => Number(a) - Number(b)),
    ),
  };
}

/** True when everything `wanted` asks for was asked by `had` as well (so a snapshot fetched for `had` answers it). */
export function needsCover(had: NormalizedNeeds, wanted: NormalizedNeeds): boolean {
  if (wanted.explain && !had.explain) return false;
  const covers = (a: readonly string[], b: readonly string[]): boolean => b.every((k) => a.includes(k));
  if (!covers(had.global, wanted.global)) return false;
  for (const [project, keys] of wanted.projects) {
    const hadKeys = had.projects.get(project);
    if (!hadKeys || !covers(hadKeys, keys)) return false;
  }
  for (const project of wanted.securityLevelProjects) if (!had.securityLevelProjects.has(project)) return false;
  for (const [issue, keys] of wanted.issues) {
    const hadKeys = had.issues.get(issue);
    if (!hadKeys || !covers(hadKeys, keys)) return false;
  }
  for (const issue of wanted.transitionIssues) if (!had.transitionIssues.has(issue)) return false;
  for (const [board, keys] of wanted.boards) {
    const hadKeys = had.boards.get(board);
    if (!hadKeys || !covers(hadKeys, keys)) return false;
  }
  return true;
}

/** Both sets of needs in one, e.g. for recipes of several hosts that run as the same account. */
export function mergeNeeds(a: PermissionNeeds, b: PermissionNeeds): PermissionNeeds {
  const union = (x: readonly string[] = [], y: readonly string[] = []) => [...new Set([...x, ...y])].sort();
  const projects: Record<string, readonly string[]> = { ...a.projects };
  for (const [key, keys] of Object.entries(b.projects)) projects[key] = union(projects[key], keys);
  const issues: Record<string, readonly string[]> = { ...a.issues };
  for (const [key, keys] of Object.entries(b.issues ?? {})) issues[key] = union(issues[key], keys);
  const transitionIssues = union(a.transitionIssues, b.transitionIssues);
  const boards: Record<string, readonly string[]> = { ...a.boards };
  for (const [id, keys] of Object.entries(b.boards ?? {})) boards[id] = union(boards[id], keys);
  return {
    global: union(a.global, b.global),
    projects,
    securityLevelProjects: union(a.securityLevelProjects, b.securityLevelProjects),
    ...(a.explain === false && b.explain === false ? { explain: false } : {}),
    ...(Object.keys(issues).length ? { issues } : {}),
    ...(transitionIssues.length ? { transitionIssues } : {}),
    ...(Object.keys(boards).length ? { boards } : {}),
  };
}
