import { writeFileSync } from 'node:fs';
import { expandRecipeArgs } from '../files';
import type { LoadedConfig } from '../config';
import { fetchLiveSnapshot, needsOfProjects, needsOfRecipes, type LiveOptions } from '../live';
import { analyseFiles } from './check';
import { InputError, UsageError } from '../usage';
import { errorMessage } from '../../core/text/error-message';

export interface SnapshotOptions extends LiveOptions {
  readonly projects?: readonly string[];
  readonly inputs: readonly string[];
  readonly out?: string;
  readonly config: LoadedConfig;
}

/** Fetches what the account holds for the given projects, or for what the given recipes need; returns the JSON. */
export async function runSnapshot(options: SnapshotOptions): Promise<string> {
  if (options.projects?.length && options.inputs.length) throw new UsageError('Give either --projects or recipe files, not both.');
  if (!options.projects?.length && !options.inputs.length) throw new UsageError('snapshot needs --projects KEY,KEY or recipe files to know what to fetch.');
  const bad = options.projects?.find((p) => !/^[A-Z][A-Z0-9_]*$/.test(p));
  if (bad) throw new UsageError(`"${bad}" is not a Jira project key (upper-case letters, digits and _, e.g. ENG).`);
  const needs = options.projects?.length
    ? needsOfProjects(options.projects)
    : needsOfRecipes(analyseFiles(await expandRecipeArgs(options.inputs), options.config).map((f) => f.analysis));
  const snapshot = await fetchLiveSnapshot(options, needs);
  const json = `${JSON.stringify(snapshot, null, 2)}\n`;
  if (options.out) {
    try {
      writeFileSync(options.out, json);
    } catch (e) {
      throw new InputError(`Cannot write ${options.out}: ${errorMessage(e)}`);
    }
  }
  return json;
}
