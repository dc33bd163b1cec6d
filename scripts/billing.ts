/**
 * `npm run -s billing -- <command> ...`
 *
 *   simulate FILE|-   rate a scenario (DOMAIN.md section 9) and print JSON invoices
 *   run --month M     run the billing of month M (DRAFT invoices) on the database, print its summary
 *
 * Every failure exits with status 2 and exactly one line `error: <why>` on stderr,
 * with nothing on stdout.
 */
import { readFileSync } from 'node:fs';
import { formatSimulatorOutput, simulate } from '../lib/billing/index';

/** A failure to report as `error: <message>` with exit status 2. */
class CliError extends Error {}

interface CommandResult {
  stdout: string;
}

type Command = (args: readonly string[]) => Promise<CommandResult>;

const USAGE = 'usage: billing simulate FILE|- | billing run --month YYYY-MM';

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}

function oneLine(s: string): string {
  return s.replace(/\s*[\r\n]+\s*/g, ' ').trim();
}

async function readScenario(file: string): Promise<unknown> {
  let text: string;
  try {
    text = file === '-' ? await readStdin() : readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : code ?? (error as Error).message;
    throw new CliError(`cannot read ${file === '-' ? 'standard input' : file}: ${why}`);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new CliError(`${file === '-' ? 'standard input' : file} is not valid JSON: ${(error as Error).message}`);
  }
}

/** `billing simulate FILE|-` */
async function simulateCommand(args: readonly string[]): Promise<CommandResult> {
  const [file, ...rest] = args;
  if (file === undefined || rest.length > 0) throw new CliError(`simulate takes exactly one FILE or - (${USAGE})`);
  const scenario = await readScenario(file);
  const result = simulate(scenario);
  if (!result.ok) throw new CliError(result.error);
  return { stdout: formatSimulatorOutput(result.output) };
}

/** `billing run --month YYYY-MM` (lib/billing-runs/cli.ts) */
async function runCommand(args: readonly string[]): Promise<CommandResult> {
  const { runFromCli } = await import('../lib/billing-runs/cli');
  try {
    return { stdout: (await runFromCli(args)).json };
  } catch (error) {
    throw new CliError(error instanceof Error ? error.message : String(error));
  }
}

const COMMANDS: Readonly<Record<string, Command>> = {
  simulate: simulateCommand,
  run: runCommand,
};

async function main(argv: readonly string[]): Promise<number> {
  const [name, ...args] = argv;
  try {
    const command = name === undefined ? undefined : COMMANDS[name];
    if (command === undefined) {
      throw new CliError(name === undefined ? USAGE : `unknown command ${JSON.stringify(name)} (${USAGE})`);
    }
    const { stdout } = await command(args);
    process.stdout.write(stdout);
    return 0;
  } catch (error) {
    const message = error instanceof CliError ? error.message : `internal error: ${error instanceof Error ? error.message : String(error)}`;
    process.stderr.write(`error: ${oneLine(message)}\n`);
    return 2;
  }
}

process.exitCode = await main(process.argv.slice(2));
