/**
 * Command-line options for the scripts, read by Node's own util.parseArgs in strict mode: an
 * option the script does not know, a value given to a flag or a missing value is an error that
 * names the option and shows the script's usage, where a hand-written `argv.includes('--quick')`
 * silently ignored a mistyped `--quik`.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';

type Options = NonNullable<ParseArgsConfig['options']>;

/** Thrown by {@link parseScriptArgs} with the reason and the usage line. */
export class UsageError extends Error {}

/** Parses `argv` against `options`; throws a {@link UsageError} saying what is wrong, with `usage`. */
export function parseScriptArgs<const O extends Options>(usage: string, options: O, argv: string[], allowPositionals = false) {
  try {
    return parseArgs({ args: argv, options, strict: true, allowPositionals });
  } catch (error) {
    throw new UsageError(`${(error as Error).message}\nusage: ${usage}`);
  }
}

/** {@link parseScriptArgs} over this process's arguments; on a mistake prints it and exits with status 2. */
export function scriptArgs<const O extends Options>(usage: string, options: O, allowPositionals = false) {
  try {
    return parseScriptArgs(usage, options, process.argv.slice(2), allowPositionals);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(error.message);
    process.exit(2);
  }
}
