import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import snapshotSchema from '../../../schemas/permission-snapshot.schema.json';
import { normalizeSnapshot } from './normalize';
import type { PermissionSnapshot } from './types';
import { errorMessage } from '../text/error-message';

let validator: ValidateFunction | undefined;

export class SnapshotFormatError extends Error {
  override readonly name = 'SnapshotFormatError';
}

/** Parses, validates and normalises a snapshot's JSON text; throws SnapshotFormatError with a readable reason. */
export function parseSnapshot(text: string, source = 'snapshot'): PermissionSnapshot {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new SnapshotFormatError(`${source} is not valid JSON: ${errorMessage(e)}`);
  }
  validator ??= addFormats(new Ajv({ allErrors: true })).compile(snapshotSchema);
  if (!validator(data)) {
    const reasons = (validator.errors ?? []).slice(0, 3).map((e) => `${e.instancePath || '/'} ${e.message}`);
    throw new SnapshotFormatError(`${source} is not a permission snapshot: ${reasons.join('; ')}`);
  }
  return normalizeSnapshot(data as PermissionSnapshot);
}
