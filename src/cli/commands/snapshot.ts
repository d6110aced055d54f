import { writeFileSync } from 'node:fs';
import { expandRecipeArgs } from '../files';
import { fetchLiveSnapshot, needsOfFiles, needsOfProjects, type LiveOptions } from '../live';
import { InputError, UsageError } from '../usage';

export interface SnapshotOptions extends LiveOptions {
  readonly projects?: readonly string[];
  readonly inputs: readonly string[];
  readonly out?: string;
}

/** Fetches what the account holds for the given projects, or for what the given recipes need; returns the JSON. */
export async function runSnapshot(options: SnapshotOptions): Promise<string> {
  if (options.projects?.length && options.inputs.length) throw new UsageError('Give either --projects or recipe files, not both.');
  if (!options.projects?.length && !options.inputs.length) throw new UsageError('snapshot needs --projects KEY,KEY or recipe files to know what to fetch.');
  const bad = options.projects?.find((p) => !/^[A-Z][A-Z0-9_]*$/.test(p));
  if (bad) throw new UsageError(`"${bad}" is not a Jira project key (upper-case letters, digits and _, e.g. ENG).`);
  const needs = options.projects?.length ? needsOfProjects(options.projects) : needsOfFiles(await expandRecipeArgs(options.inputs));
  const snapshot = await fetchLiveSnapshot(options, needs);
  const json = `${JSON.stringify(snapshot, null, 2)}\n`;
  if (options.out) {
    try {
      writeFileSync(options.out, json);
    } catch (e) {
      throw new InputError(`Cannot write ${options.out}: ${(e as Error).message}`);
    }
  }
  return json;
}
