/** The real CLI, spawned: `tsx scripts/billing.ts simulate FILE|-` (kept out of lib/billing, which does no I/O). */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../', import.meta.url));
const tsx = `${root}node_modules/.bin/tsx`;
const golden = (name: string) => readFileSync(`${root}lib/billing/testdata/golden/${name}`, 'utf8');

function cli(args: string[], input?: string) {
  const r = spawnSync(tsx, ['scripts/billing.ts', ...args], { cwd: root, input, encoding: 'utf8', timeout: 60_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function expectOneErrorLine(r: ReturnType<typeof cli>, substring: string) {
  expect(r.status).toBe(2);
  expect(r.stdout).toBe('');
  expect(r.stderr).toMatch(/^error: [^\n]+\n$/);
  expect(r.stderr).toContain(substring);
}

describe('billing simulate (CLI)', { timeout: 60_000 }, () => {
  it('reads standard input and prints the invoices', () => {
    const r = cli(['simulate', '-'], golden('example-2.input.json'));
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(golden('example-2.output.json'));
  });

  it('reads a file', () => {
    const r = cli(['simulate', 'lib/billing/testdata/golden/example-4.input.json']);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(golden('example-4.output.json'));
  });

  it('a scenario breaking a rule: exit 2, one line on stderr naming the field, nothing on stdout', () => {
    expectOneErrorLine(cli(['simulate', '-'], readFileSync(`${root}lib/billing/testdata/bad/paid-to-trial.json`, 'utf8')), 'error: apps[0].events[1].edition: Paid -> Trial is refused');
  });

  it('invalid JSON, a missing file, a bad command: the same contract, never a stack trace', () => {
    expectOneErrorLine(cli(['simulate', '-'], '{"scheme": "LEGACY",\n  oops'), 'standard input is not valid JSON');
    expectOneErrorLine(cli(['simulate', 'no/such/file.json']), 'cannot read no/such/file.json: no such file');
    expectOneErrorLine(cli(['simulate']), 'usage: billing simulate FILE|-');
    expectOneErrorLine(cli(['frobnicate']), 'unknown command "frobnicate"');
  });
});
