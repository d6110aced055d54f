import { isGlobalPermission } from '../catalog';
import type { PermissionSnapshot, ProjectSnapshot } from '../snapshot/types';

/** Held, missing, or not known (never fetched, unavailable): only `false` can become an error. */
export type Held = boolean | undefined;

/**
 * Whether an account holds one of a requirement's keys: global keys from the snapshot's global permissions,
 * project keys from the project (in a project it can't see, nothing is held). True if any is held, false if all
 * are known to be missing, else unknown. The check engine and the hover both judge by this.
 */
export function requirementHeld(keys: readonly string[], snapshot: PermissionSnapshot, project?: ProjectSnapshot): Held {
  const values = keys.map((k) => (isGlobalPermission(k) ? snapshot.global?.[k] : project?.visible === false ? false : project?.permissions?.[k]));
  if (values.some((v) => v === true)) return true;
  return values.every((v) => v === false) ? false : undefined;
}
