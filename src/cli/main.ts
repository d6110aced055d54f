import { readBaseline, writeBaseline } from './baseline';
import { analyseFiles, readSnapshotFile, runCheck, type OutputFormat } from './commands/check';
import { NEEDS_OPTIONS, runNeeds } from './commands/needs';
import { runSnapshot } from './commands/snapshot';
import { loadWorkspaceConfig } from './config';
import { expandRecipeArgs } from './files';
import { fetchLiveSnapshot, needsOfRecipes, type LiveOptions } from './live';
import { JiraRequestError, JiraUnavailableError, type JiraLogger } from '../core/jira';
import { closest } from '../core/text/closest';
import { asksForHelp, parseCommandArgs } from './args';
import { assertConnectionsMatch, assertSiteMatches } from './targets';
import { COMMAND_USAGE, InputError, USAGE, UsageError } from './usage';
import { version } from '../../package.json';
import { errorMessage } from '../core/text/error-message';

/** Runs the CLI and returns its exit status; never throws for bad input. */
export async function main(
  argv: readonly string[],
  out: (text: string) => void,
  err: (text: string) => void,
  env: NodeJS.ProcessEnv = process.env,
): Promise<number> {
  const [command, ...rest] = argv;
  const known = command !== undefined && Object.hasOwn(COMMAND_USAGE, command);
  try {
    if (command === undefined) throw new UsageError('Give a command.');
    if (command === 'help' || ((command === '--help' || command === '-h') && !rest.some((a) => Object.hasOwn(COMMAND_USAGE, a)))) {
      out(`${COMMAND_USAGE[rest[0]] ?? USAGE}\n`);
      return 0;
    }
    if (asksForHelp(argv)) {
      const named = argv.find((a) => Object.hasOwn(COMMAND_USAGE, a));
      out(`${(named && COMMAND_USAGE[named]) ?? USAGE}\n`);
      return 0;
    }
    if (command === '--version') {
      out(`${version}\n`);
      return 0;
    }
    if (command === 'check') return await checkCommand(rest, out, err, env);
    if (command === 'snapshot') return await snapshotCommand(rest, out, err, env);
    if (command === 'needs') {
      const { values, positionals } = parseCommandArgs('needs', rest, { ...NEEDS_OPTIONS, ...LIVE_OPTIONS });
      return await runNeeds({ values, positionals, live: liveOptions(values, err, env) }, out, err);
    }
    const near = closest(command, Object.keys(COMMAND_USAGE));
    throw new UsageError(`Unknown command "${command}".${near ? ` Did you mean "${near}"?` : ''}`);
  } catch (e) {
    if (e instanceof UsageError) {
      err(`jira-recipe-lint: ${e.message}\n\n${COMMAND_USAGE[e.command ?? (known ? command : '')] ?? USAGE}\n`);
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
  const { values, positionals } = parseCommandArgs('check', args, {
    snapshot: { type: 'string', multiple: true },
    format: { type: 'string', default: 'text' },
    strict: { type: 'boolean', default: false },
    'fail-on-unverified': { type: 'boolean', default: false },
    baseline: { type: 'string' },
    'write-baseline': { type: 'string' },
    ...LIVE_OPTIONS,
  });
  const format = values.format as string;
  if (!['text', 'json', 'sarif'].includes(format)) throw new UsageError(`--format must be text, json or sarif, not "${format}".`);
  if (!positionals.length) throw new UsageError('check needs at least one recipe file, folder or glob.');
  const live = liveOptions(values, err, env);
  const connectionArgs = (values.connection as string[] | undefined) ?? [];
  const config = loadWorkspaceConfig(values.config as string | undefined, connectionArgs);
  const snapshots = ((values.snapshot as string[] | undefined) ?? []).map(readSnapshotFile);
  const paths = await expandRecipeArgs(positionals);
  if (!paths.length)
    throw new InputError(`No recipe files (*.recipe.yaml, *.recipe.yml, *.recipe.json, n8n or Workato JSON) found in ${positionals.join(', ')}.`);
  const files = analyseFiles(paths, config);
  assertConnectionsMatch(
    files.map((f) => f.analysis),
    connectionArgs,
  );
  if (live)
    assertSiteMatches(
      files.map((f) => f.analysis),
      live.site,
    );
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
  const strict = Boolean(values.strict || values['fail-on-unverified']);
  const baseline = values.baseline === undefined ? undefined : readBaseline(values.baseline as string);
  const result = runCheck({ files, snapshots, format: format as OutputFormat, version, strict, baseline });
  if (values['write-baseline'] !== undefined)
    writeBaseline(values['write-baseline'] as string, runCheck({ files, snapshots, format: 'json', version }).output, err);
  out(result.output);
  if (result.notes) err(result.notes);
  return result.exitCode;
}

async function snapshotCommand(args: readonly string[], out: (text: string) => void, err: (text: string) => void, env: NodeJS.ProcessEnv): Promise<number> {
  const { values, positionals } = parseCommandArgs('snapshot', args, { projects: { type: 'string' }, out: { type: 'string' }, ...LIVE_OPTIONS });
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

if (require.main === module) {
  main(
    process.argv.slice(2),
    (t) => process.stdout.write(t),
    (t) => process.stderr.write(t),
  ).then((code) => {
    process.exitCode = code;
  });
}
