import { canonicalPermissionKey } from '../catalog/permissions';
import { matchSite } from './site';
import type { IssueSnapshot, PermissionSnapshot, ProjectSnapshot } from './types';

const normalized = new WeakSet<PermissionSnapshot>();

/**
 * The snapshot with legacy Server keys (CLOSE_ISSUE, COMMENT_ISSUE…) read as their current names and project keys
 * (boards' too) in upper case. When both a legacy and a current key are present and disagree, `true` wins: Jira reports the same
 * grant under both names. Done once, where a snapshot arrives (a file is loaded, a fetch lands): every reader can
 * then take the snapshot as it is.
 */
export function normalizeSnapshot(snapshot: PermissionSnapshot): PermissionSnapshot {
  if (normalized.has(snapshot)) return snapshot;
  const projects: Record<string, ProjectSnapshot> = {};
  for (const [key, project] of Object.entries(snapshot.projects ?? {})) {
    projects[key.toUpperCase()] = normalizeProject(project);
  }
  const boards =
    snapshot.boards &&
    Object.fromEntries(Object.entries(snapshot.boards).map(([id, b]) => [id, b.projects ? { ...b, projects: b.projects.map((k) => k.toUpperCase()) } : b]));
  const result: PermissionSnapshot = {
    ...snapshot,
    ...(snapshot.global ? { global: canonicalMap(snapshot.global) } : {}),
    projects,
    ...(boards ? { boards } : {}),
  };
  normalized.add(result);
  return result;
}

function normalizeProject(given: ProjectSnapshot): ProjectSnapshot {
  const project = given.projectTypeKey ? { ...given, projectTypeKey: given.projectTypeKey.toLowerCase() } : given;
  if (!project.permissions && !project.issues) return project;
  const issues: Record<string, IssueSnapshot> = {};
  for (const [key, issue] of Object.entries(project.issues ?? {})) {
    issues[key.toUpperCase()] = issue.permissions ? { ...issue, permissions: canonicalMap(issue.permissions) } : issue;
  }
  return {
    ...project,
    ...(project.permissions ? { permissions: canonicalMap(project.permissions) } : {}),
    ...(project.issues ? { issues } : {}),
  };
}

function canonicalMap(map: Readonly<Record<string, boolean>>): Record<string, boolean> {
  const out: Record<string, boolean> = {};
  for (const [key, held] of Object.entries(map)) {
    const canonical = canonicalPermissionKey(key);
    out[canonical] = (out[canonical] ?? false) || held;
  }
  return out;
}

/** The snapshot a Jira connection runs as: see matchSite. */
export function snapshotForHost(host: string | undefined, snapshots: readonly PermissionSnapshot[]): PermissionSnapshot | undefined {
  return matchSite(host, snapshots, (s) => s.site);
}

/** The project of a snapshot that a recipe names by key or by numeric id. */
export function projectOf(snapshot: PermissionSnapshot, keyOrId: string): { key: string; project: ProjectSnapshot } | undefined {
  const projects = snapshot.projects ?? {};
  const byKey = projects[keyOrId.toUpperCase()];
  if (byKey) return { key: keyOrId.toUpperCase(), project: byKey };
  if (!/^\d+$/.test(keyOrId)) return undefined;
  for (const [key, project] of Object.entries(projects)) if (project.id === keyOrId) return { key, project };
  return undefined;
}
