import { closestMatch } from '../text/closest';
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
  return closestMatch(
    name,
    operationsOfKind(kind).map((op) => op.name),
  );
}

export function isGlobalPermission(key: string): boolean {
  return permissionInfo(key)?.level === 'global';
}
