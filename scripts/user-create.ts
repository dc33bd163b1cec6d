/**
 * `npm run user:create -- --role OPS --email you@example.com [--name "Your Name"] [--account ID]`
 *
 * Creates a console user in the database DATABASE_URL points at (else the embedded one). The
 * password is asked for twice without echo, or read from the first line of stdin when stdin is
 * not a terminal (`printf '%s\n' "$PW" | npm run -s user:create -- ...`); never from argv,
 * where other users of the machine and the shell's history would see it.
 */
import { parseArgs } from 'node:util';
import { auditActorLabel } from './lib/cli-actor';

const USAGE = `usage: npm run user:create -- --role OPS|ACCOUNT_MANAGER|CUSTOMER --email EMAIL [--name NAME] [--account ID]
  The password is prompted for (twice, not echoed), or read from stdin's first line when piped.`;

function promptHidden(question: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const stdin = process.stdin;
    process.stdout.write(question);
    stdin.setRawMode(true);
    stdin.resume();
    stdin.setEncoding('utf8');
    let value = '';
    const finish = () => {
      stdin.off('data', onData);
      stdin.setRawMode(false);
      stdin.pause();
      process.stdout.write('\n');
    };
    const onData = (chunk: string) => {
      for (const ch of chunk) {
        if (ch === '\r' || ch === '\n') {
          finish();
          resolve(value);
          return;
        }
        if (ch === '\u0003' || ch === '\u0004') {
          finish();
          reject(new Error('cancelled'));
          return;
        }
        value = ch === '\u007f' || ch === '\b' ? value.slice(0, -1) : value + ch;
      }
    };
    stdin.on('data', onData);
  });
}

async function readPassword(): Promise<string> {
  if (process.stdin.isTTY) {
    const first = await promptHidden('Password: ');
    const second = await promptHidden('Password again: ');
    if (first !== second) throw new Error('Password: the two entries differ');
    return first;
  }
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8').split(/\r?\n/, 1)[0] ?? '';
}

async function main(): Promise<number> {
  const argv = process.argv.slice(2);
  if (argv.some((a) => a === '--password' || a.startsWith('--password='))) {
    console.error('error: --password is refused: a password on the command line is visible to others; it is prompted for, or read from stdin');
    return 2;
  }
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        role: { type: 'string' },
        email: { type: 'string' },
        name: { type: 'string' },
        account: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    console.error(`error: ${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const { createUserSchema } = await import('../lib/users/schemas');
  const password = await readPassword();
  const parsed = createUserSchema.safeParse({
    role: values.role,
    email: values.email,
    name: values.name,
    password,
    accountId: values.account,
  });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) console.error(`error: ${issue.path.join('.') || 'input'}: ${issue.message}`);
    console.error(USAGE);
    return 2;
  }
  const { connect, disconnect } = await import('../lib/db/client');
  const { driverOptionsFromEnv } = await import('../lib/db/driver');
  const { createConsoleUser, hashNewUser } = await import('../lib/users/commands');
  const { DomainError } = await import('../lib/errors');
  const newUser = await hashNewUser(parsed.data);
  const database = connect(driverOptionsFromEnv());
  try {
    const user = await database.prisma.$transaction((tx) => createConsoleUser(tx, { id: null, label: auditActorLabel() }, newUser));
    console.log(`created ${user.role} user ${user.email} (${user.id})`);
    return 0;
  } catch (error) {
    if (error instanceof DomainError) {
      console.error(`error: ${error.field ?? 'input'}: ${error.message}`);
      return 1;
    }
    throw error;
  } finally {
    await disconnect(database);
  }
}

process.exitCode = await main();
