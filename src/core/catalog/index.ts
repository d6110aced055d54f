import { distance } from 'fastest-levenshtein';
import { OPERATIONS } from './operations';
import { permissionInfo } from './permissions';
import type { OperationKind, OperationSpec } from './types';

export * from './types';
export * from './permissions';
export { OPERATIONS };

const byName = new Map(OPERATIONS.map((op) => [op.name, op]));

export function findOperation(name: string): OperationSpec | undefined {
  return byName.get(name);
}

export function operationsOfKind(kind: OperationKind): OperationSpec[] {
  return OPERATIONS.filter((op) => op.kind === kind);
}

/** The closest known name of the same kind, when it is close enough to be a typo. */
export function suggestOperation(name: string, kind: OperationKind): string | undefined {
  const lower = name.toLowerCase();
  let best: { name: string; d: number } | undefined;
  for (const op of operationsOfKind(kind)) {
    const d = distance(lower, op.name.toLowerCase());
    if (!best || d < best.d) best = { name: op.name, d };
  }
  return best && best.d <= Math.max(2, Math.floor(name.length / 3)) ? best.name : undefined;
}

export function isGlobalPermission(key: string): boolean {
  return permissionInfo(key)?.level === 'global';
}
