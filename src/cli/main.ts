import { parseArgs } from 'node:util';
import { analyseFiles, readSnapshotFile, runCheck, type OutputFormat } from './commands/check';
import { NEEDS_OPTIONS, runNeeds } from './commands/needs';
import { runSnapshot } from './commands/snapshot';
import { loadWorkspaceConfig } from './config';
import { expandRecipeArgs } from './files';
import { fetchLiveSnapshot, needsOfRecipes, type LiveOptions } from './live';
import { JiraRequestError, JiraUnavailableError, type JiraLogger } from '../core/jira';
import { InputError, USAGE, UsageError } from './usage';
import { version } from '../../package.json';
import { errorMessage } from '../core/text/error-message';

/** Runs the CLI and returns its exit status; never throws for bad input. */
export async function main(
  argv: readonly string[],
  out: (text: string) => void,
  err: (text: string) => void,
  env: NodeJS.ProcessEnv = process.env,
): Promise<number> {
  try {
    const [command, ...rest] = argv;
    if (command === undefined) throw new UsageError('Give a command.');
    if (command === '--help' || command === '-h' || command === 'help') {
      out(`${USAGE}\n`);
      return 0;
    }
    if (command === '--version') {
      out(`${version}\n`);
      return 0;
    }
    if (command === 'check') return await checkCommand(rest, out, err, env);
    if (command === 'snapshot') return await snapshotCommand(rest, out, err, env);
    if (command === 'needs') {
      const { values, positionals } = parse(rest, { ...NEEDS_OPTIONS, ...LIVE_OPTIONS });
      return await runNeeds({ values, positionals, live: liveOptions(values, err, env) }, out, err);
    }
    throw new UsageError(`Unknown command "${command}".`);
  } catch (e) {
    if (e instanceof UsageError) {
      err(`jira-recipe-lint: ${e.message}\n\n${USAGE}\n`);
      return 2;
    }
    if (e instanceof InputError) {
      err(`jira-recipe-lint: ${e.message}\n`);
      return 2;
    }
    if (e instanceof JiraUnavailableError || e instanceof JiraRequestError) {
      err(`jira-recipe-lint: ${errorMessage(e)}\n`);
      return 2;
    }
    err(`jira-recipe-lint: unexpected error: ${errorMessage(e)}\n`);
    return 2;
  }
}

const LIVE_OPTIONS = {
  site: { type: 'string' },
  connection: { type: 'string', multiple: true },
  config: { type: 'string' },
  'allow-http': { type: 'boolean', default: false },
  verbose: { type: 'boolean', default: false },
} as const;

function liveOptions(values: Record<string, unknown>, err: (text: string) => void, env: NodeJS.ProcessEnv): LiveOptions | undefined {
  if (values.site === undefined) return undefined;
  const log: JiraLogger = (level, message) => {
    if (values.verbose || level === 'warn' || level === 'error') err(`jira-recipe-lint: ${level}: ${message}\n`);
  };
  return { site: values.site as string, allowHttp: values['allow-http'] as boolean, env, log };
}

async function checkCommand(args: readonly string[], out: (text: string) => void, err: (text: string) => void, env: NodeJS.ProcessEnv): Promise<number> {
  const { values, positionals } = parse(args, {
    snapshot: { type: 'string', multiple: true },
    format: { type: 'string', default: 'text' },
    ...LIVE_OPTIONS,
  });
  const format = values.format as string;
  if (!['text', 'json', 'sarif'].includes(format)) throw new UsageError(`--format must be text, json or sarif, not "${format}".`);
  if (!positionals.length) throw new UsageError('check needs at least one recipe file, folder or glob.');
  const live = liveOptions(values, err, env);
  const config = loadWorkspaceConfig(values.config as string | undefined, (values.connection as string[] | undefined) ?? []);
  const snapshots = ((values.snapshot as string[] | undefined) ?? []).map(readSnapshotFile);
  const paths = await expandRecipeArgs(positionals);
  if (!paths.length)
    throw new InputError(`No recipe files (*.recipe.yaml, *.recipe.yml, *.recipe.json, n8n or Workato JSON) found in ${positionals.join(', ')}.`);
  const files = analyseFiles(paths, config);
  if (live) {
    try {
      snapshots.push(
        await fetchLiveSnapshot(
          live,
          needsOfRecipes(
            files.map((f) => f.analysis),
            live.site,
          ),
        ),
      );
    } catch (e) {
      if (!(e instanceof JiraUnavailableError)) throw e;
      // A Jira that can't be reached makes permissions unknown, not missing: the check goes on, unverified.
      err(`jira-recipe-lint: ${live.site} is unavailable (${e.message}); permissions are reported as unverified.\n`);
    }
  }
  const result = runCheck({ files, snapshots, format: format as OutputFormat, version });
  out(result.output);
  return result.exitCode;
}

async function snapshotCommand(args: readonly string[], out: (text: string) => void, err: (text: string) => void, env: NodeJS.ProcessEnv): Promise<number> {
  const { values, positionals } = parse(args, { projects: { type: 'string' }, out: { type: 'string' }, ...LIVE_OPTIONS });
  const live = liveOptions(values, err, env);
  if (!live) throw new UsageError('snapshot needs --site URL.');
  const projects = (values.projects as string | undefined)
    ?.split(',')
    .map((p) => p.trim())
    .filter(Boolean);
  const config = loadWorkspaceConfig(values.config as string | undefined, (values.connection as string[] | undefined) ?? []);
  const json = await runSnapshot({ ...live, projects, inputs: positionals, out: values.out as string | undefined, config });
  if (values.out) err(`jira-recipe-lint: snapshot of ${live.site} written to ${String(values.out)}\n`);
  else out(json);
  return 0;
}

type Options = NonNullable<NonNullable<Parameters<typeof parseArgs>[0]>['options']>;

/** node:util parseArgs, with its errors turned into usage errors. */
function parse(
  args: readonly string[],
  options: Options,
): { values: Record<string, string | boolean | (string | boolean)[] | undefined>; positionals: string[] } {
  try {
    return parseArgs({ args: [...args], options, allowPositionals: true, strict: true });
  } catch (e) {
    throw new UsageError(errorMessage(e));
  }
}

if (require.main === module) {
  main(
    process.argv.slice(2),
    (t) => process.stdout.write(t),
    (t) => process.stderr.write(t),
  ).then((code) => {
    process.exitCode = code;
  });
}
