import { parseArgs } from 'node:util';
import { runCheck, type OutputFormat } from './commands/check';
import { InputError, USAGE, UsageError } from './usage';
import { version } from '../../package.json';

/** Runs the CLI and returns its exit status; never throws for bad input. */
export async function main(argv: readonly string[], out: (text: string) => void, err: (text: string) => void): Promise<number> {
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
    if (command === 'check') return await checkCommand(rest, out);
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
    err(`jira-recipe-lint: unexpected error: ${(e as Error).message}\n`);
    return 2;
  }
}

async function checkCommand(args: readonly string[], out: (text: string) => void): Promise<number> {
  const { values, positionals } = parse(args, {
    snapshot: { type: 'string', multiple: true },
    format: { type: 'string', default: 'text' },
  });
  const format = values.format as string;
  if (!['text', 'json', 'sarif'].includes(format)) throw new UsageError(`--format must be text, json or sarif, not "${format}".`);
  const result = await runCheck({ inputs: positionals, snapshotFiles: (values.snapshot as string[] | undefined) ?? [], format: format as OutputFormat, version });
  out(result.output);
  return result.exitCode;
}

type Options = NonNullable<NonNullable<Parameters<typeof parseArgs>[0]>['options']>;

/** node:util parseArgs, with its errors turned into usage errors. */
function parse(args: readonly string[], options: Options): { values: Record<string, string | boolean | (string | boolean)[] | undefined>; positionals: string[] } {
  try {
    return parseArgs({ args: [...args], options, allowPositionals: true, strict: true });
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
}

if (require.main === module) {
  main(process.argv.slice(2), (t) => process.stdout.write(t), (t) => process.stderr.write(t)).then((code) => {
    process.exitCode = code;
  });
}
