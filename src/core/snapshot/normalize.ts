import { canonicalPermissionKey } from '../catalog/permissions';
import type { PermissionSnapshot, ProjectSnapshot } from './types';

const normalized = new WeakMap<PermissionSnapshot, PermissionSnapshot>();

/**
 * The snapshot with legacy Server keys (CLOSE_ISSUE, COMMENT_ISSUE…) read as their current names. When both a
 * legacy and a current key are present and disagree, `true` wins: Jira reports the same grant under both names.
 */
export function normalizeSnapshot(snapshot: PermissionSnapshot): PermissionSnapshot {
  let result = normalized.get(snapshot);
  if (!result) {
    const projects: Record<string, ProjectSnapshot> = {};
    for (const [key, project] of Object.entries(snapshot.projects ?? {})) {
      projects[key.toUpperCase()] = project.permissions ? { ...project, permissions: canonicalMap(project.permissions) } : project;
    }
    result = { ...snapshot, global: snapshot.global && canonicalMap(snapshot.global), projects };
    normalized.set(snapshot, result);
  }
  return result;
}

function canonicalMap(map: Readonly<Record<string, boolean>>): Record<string, boolean> {
  const out: Record<string, boolean> = {};
  for (const [key, held] of Object.entries(map)) {
    const canonical = canonicalPermissionKey(key);
    out[canonical] = (out[canonical] ?? false) || held;
  }
  return out;
}

/** Origin of a site URL, or undefined when it isn't one. */
export function siteOrigin(url: string): string | undefined {
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
}

/** Base URL without trailing slash, for comparing sites that have a context path. */
export function siteBase(url: string): string | undefined {
  try {
    const u = new URL(url);
    return `${u.origin}${u.pathname.replace(/\/+$/, '')}`;
  } catch {
    return undefined;
  }
}

/**
 * The snapshot a Jira connection runs as: the one whose site matches its host (the same base URL, else the same
 * origin); with no host, the only snapshot given.
 */
export function snapshotForHost(host: string | undefined, snapshots: readonly PermissionSnapshot[]): PermissionSnapshot | undefined {
  if (host === undefined) return snapshots.length === 1 ? snapshots[0] : undefined;
  const base = siteBase(host);
  const exact = snapshots.find((s) => siteBase(s.site) === base);
  if (exact) return exact;
  const origin = siteOrigin(host);
  return snapshots.find((s) => siteOrigin(s.site) === origin);
}
