import { parseArgs } from 'node:util';
import { closest } from '../core/text/closest';
import { errorMessage } from '../core/text/error-message';
import { UsageError } from './usage';

type Options = NonNullable<NonNullable<Parameters<typeof parseArgs>[0]>['options']>;

export interface ParsedArgs {
  readonly values: Record<string, string | boolean | (string | boolean)[] | undefined>;
  readonly positionals: string[];
}

/** `--help` or `-h` before any `--`: the caller prints the command's usage, whatever else the line holds. */
export function asksForHelp(args: readonly string[]): boolean {
  const end = args.indexOf('--');
  return (end < 0 ? args : args.slice(0, end)).some((a) => a === '--help' || a === '-h');
}

/**
 * node:util parseArgs for one command, with messages of our own: an unknown option gets the closest known one
 * ("did you mean --format?"), a missing or unwanted value says so plainly, and every quote is closed.
 */
export function parseCommandArgs(command: string, args: readonly string[], options: Options): ParsedArgs {
  const { tokens } = parseArgs({ args: [...args], options, allowPositionals: true, strict: false, tokens: true });
  for (const token of tokens) {
    if (token.kind !== 'option') continue;
    const spec = options[token.name];
    const flag = token.rawName;
    if (!spec) {
      const known = Object.keys(options).map((name) => `--${name}`);
      const near = flag.startsWith('--') ? closest(flag, known) : undefined;
      throw usage(command, `Unknown option ${flag} for ${command}.${near ? ` Did you mean ${near}?` : ''}`);
    }
    if (spec.type === 'string' && token.value === undefined) throw usage(command, `${flag} needs a value: ${flag} VALUE.`);
    if (spec.type === 'string' && !token.inlineValue && token.value?.startsWith('-'))
      throw usage(command, `${flag} needs a value, not the option "${token.value}". For a value that starts with "-", write ${flag}=VALUE.`);
    if (spec.type === 'boolean' && token.inlineValue) throw usage(command, `${flag} takes no value (got "${flag}=${token.value}").`);
  }
  try {
    return parseArgs({ args: [...args], options, allowPositionals: true, strict: true });
  } catch (e) {
    throw usage(command, errorMessage(e));
  }
}

function usage(command: string, message: string): UsageError {
  const error = new UsageError(message);
  error.command = command;
  return error;
}
