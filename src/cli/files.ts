import { readFileSync, statSync } from 'node:fs';
import { glob } from 'tinyglobby';
import { IGNORED_GLOBS, isRecipeFile, JSON_GLOB, RECIPE_GLOB } from '../core/recipe/files';
import { MAX_RECIPE_BYTES } from '../core/recipe/limits';
import { InputError } from './usage';

/**
 * Recipe files named by the command line: files as given (whatever they hold: one we can't read gets a finding),
 * folders searched for recipes (`*.recipe.yaml|yml|json`, and JSON files that are n8n workflows or Workato recipes
 * by content; other JSON is skipped quietly), anything else taken as a glob. Paths stay as given (relative stays
 * relative), in a stable order, without repeats. Globs are scans too: what they match is filtered like a folder.
 */
export async function expandRecipeArgs(args: readonly string[]): Promise<string[]> {
  const files: string[] = [];
  for (const arg of args) {
    const stat = statSync(arg, { throwIfNoEntry: false });
    if (stat?.isFile()) {
      files.push(arg);
    } else if (stat?.isDirectory()) {
      const found = await glob([RECIPE_GLOB, JSON_GLOB], { cwd: arg, ignore: IGNORED_GLOBS, dot: false });
      const base = arg.replace(/\/+$/, '');
      files.push(
        ...found
          .sort()
          .map((f) => `${base}/${f}`)
          .filter((f) => isRecipeFile(f, () => readQuietly(f))),
      );
    } else {
      const found = await glob(arg, { ignore: IGNORED_GLOBS });
      if (!found.length) throw new InputError(`No such file, folder or matching files: ${arg}`);
      files.push(...found.sort().filter((f) => isRecipeFile(f, () => readQuietly(f))));
    }
  }
  return [...new Set(files)];
}

/** For content detection only: a file that can't be read, or one far larger than any recipe, is not taken for one. */
function readQuietly(file: string): string {
  try {
    return statSync(file).size > MAX_RECIPE_BYTES ? '' : readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}
