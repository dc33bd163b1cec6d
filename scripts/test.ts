/**
 * `npm test`: every check, in order, stopping at nothing so one run shows every failure:
 * type-check, lint, unit and integration tests (Vitest; PGlite, or PostgreSQL when
 * TEST_DATABASE_URL is set), then the end-to-end tests in Chromium against the production
 * build. Ends with one line `N passed, N failed` and a non-zero exit if anything failed.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { ensurePrismaClient } from './lib/build';

const REPORTS = 'test-reports';
rmSync(REPORTS, { recursive: true, force: true });
mkdirSync(REPORTS, { recursive: true });
ensurePrismaClient();

type Step = { name: string; command: string; args: string[]; env?: NodeJS.ProcessEnv; count?: () => { passed: number; failed: number } };

function readJson(file: string): unknown {
  return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : null;
}

const steps: Step[] = [
  { name: 'typecheck', command: 'node_modules/.bin/tsc', args: ['--noEmit'] },
  { name: 'lint', command: 'node_modules/.bin/eslint', args: ['.', '--max-warnings=0'] },
  {
    name: 'unit + integration',
    command: 'node_modules/.bin/vitest',
    args: ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${REPORTS}/vitest.json`],
    count: () => {
      const report = readJson(`${REPORTS}/vitest.json`) as { numPassedTests: number; numFailedTests: number; numPendingTests: number } | null;
      if (!report) return { passed: 0, failed: 1 };
      // A skipped test is a failure here: nothing may silently not run.
      return { passed: report.numPassedTests, failed: report.numFailedTests + report.numPendingTests };
    },
  },
  {
    name: 'end-to-end',
    command: 'node_modules/.bin/playwright',
    args: ['test', '--reporter=list,json'],
    env: { ...process.env, PLAYWRIGHT_JSON_OUTPUT_NAME: `${REPORTS}/playwright.json` },
    count: () => {
      const report = readJson(`${REPORTS}/playwright.json`) as { stats: { expected: number; unexpected: number; flaky: number; skipped: number } } | null;
      if (!report) return { passed: 0, failed: 1 };
      return { passed: report.stats.expected + report.stats.flaky, failed: report.stats.unexpected + report.stats.skipped };
    },
  },
];

let passed = 0;
let failed = 0;
const failedSteps: string[] = [];
for (const step of steps) {
  console.log(`\n=== ${step.name} ===`);
  const started = Date.now();
  const result = spawnSync(step.command, step.args, { stdio: 'inherit', env: step.env ?? process.env });
  const ok = result.status === 0;
  if (step.count) {
    const counted = step.count();
    passed += counted.passed;
    failed += counted.failed;
    if (!ok && counted.failed === 0) failed += 1;
  } else if (ok) passed += 1;
  else failed += 1;
  if (!ok) failedSteps.push(step.name);
  console.log(`=== ${step.name}: ${ok ? 'ok' : 'FAILED'} in ${((Date.now() - started) / 1000).toFixed(1)} s ===`);
}

if (failedSteps.length) console.log(`\nfailed steps: ${failedSteps.join(', ')}`);
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failedSteps.length || failed ? 1 : 0);
