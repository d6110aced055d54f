import { statSync } from 'node:fs';
import { glob } from 'tinyglobby';
import { InputError } from './usage';

export const RECIPE_GLOB = '**/*.recipe.{yaml,yml}';

/**
 * Recipe files named by the command line: files as given, folders searched for `*.recipe.yaml|yml`, anything else
 * taken as a glob. Paths stay as given (relative stays relative), in a stable order, without repeats.
 */
export async function expandRecipeArgs(args: readonly string[]): Promise<string[]> {
  const files: string[] = [];
  for (const arg of args) {
    const stat = statSync(arg, { throwIfNoEntry: false });
    if (stat?.isFile()) {
      files.push(arg);
    } else if (stat?.isDirectory()) {
      const found = await glob(RECIPE_GLOB, { cwd: arg, ignore: ['**/node_modules/**'] });
      files.push(...found.sort().map((f) => `${arg.replace(/\/+$/, '')}/${f}`));
    } else {
      const found = await glob(arg, { ignore: ['**/node_modules/**'] });
      if (!found.length) throw new InputError(`No such file, folder or matching files: ${arg}`);
      files.push(...found.sort());
    }
  }
  return [...new Set(files)];
}
