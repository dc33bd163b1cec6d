/**
 * `npm run -s bench:engine -- [--app-months N] [--apps-per-account K] [--days D]`
 *
 * Builds N synthetic app-months (each app: a month of daily usage and a few events:
 * an edition change, an add-on, a retention tier, some barrage bandwidth; one
 * account in five on the current scheme), rates them through `rateAccount` on one
 * core and prints app-months per second (only the rating is timed). To show the cost is linear it also rates
 * 2N app-months, and N app-months with half the usage days.
 */
import { SHIPPED_PRICE_BOOKS, rateAccount, type AccountInput, type AppEvent, type AppInput, type UsageDay } from '../lib/billing/index';

interface Options {
  appMonths: number;
  appsPerAccount: number;
  days: number;
}

function parseArgs(argv: readonly string[]): Options {
  const options: Options = { appMonths: 50_000, appsPerAccount: 20, days: 31 };
  const args = argv.flatMap((a) => (a.startsWith('--') && a.includes('=') ? a.split('=', 2) : [a]));
  for (let i = 0; i < args.length; i += 2) {
    const flag = args[i];
    const value = Number(args[i + 1]);
    if (!Number.isInteger(value) || value <= 0) throw new Error(`${flag} needs a positive whole number`);
    if (flag === '--app-months') options.appMonths = value;
    else if (flag === '--apps-per-account') options.appsPerAccount = value;
    else if (flag === '--days') options.days = Math.min(value, 31);
    else throw new Error(`unknown option ${flag} (use --app-months N, --apps-per-account K, --days D)`);
  }
  return options;
}

/** Deterministic PRNG (mulberry32), so every run rates the same data. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pad = (n: number): string => String(n).padStart(2, '0');
const MONTH = '2026-10';

function legacyApp(id: number, days: number, rand: () => number): AppInput {
  const day = (lo: number, hi: number): number => lo + Math.floor(rand() * (hi - lo + 1));
  const events: AppEvent[] = [
    { date: `2026-09-${pad(day(1, 28))}`, type: 'edition', edition: 'PROFESSIONAL' },
    { date: `${MONTH}-${pad(day(1, 9))}`, type: 'addon', addon: 'GROUP_MEMBER_CAP', action: 'start' },
    { date: `${MONTH}-${pad(day(1, 20))}`, type: 'addon', addon: 'HISTORY_RETENTION', action: 'start', days: 90 },
  ];
  if (rand() < 0.4) events.push({ date: `${MONTH}-${pad(day(10, 28))}`, type: 'edition', edition: 'FLAGSHIP' });
  events.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const usage: UsageDay[] = [];
  for (let d = 1; d <= days; d++) {
    const row: UsageDay = {
      date: `${MONTH}-${pad(d)}`,
      dau: 5_000 + Math.floor(rand() * 40_000),
      peakGroups: 50_000 + Math.floor(rand() * 200_000),
    };
    if (d % 3 === 0) {
      row.barrageDomesticMbps = (rand() * 10).toFixed(3);
      row.barrageIntlMbps = d % 6 === 0 ? (rand() * 4).toFixed(1) : '0';
    }
    usage.push(row);
  }
  return { sdkAppId: id, events, usage };
}

function currentApp(id: number, days: number, rand: () => number): AppInput {
  const events: AppEvent[] = [
    { date: '2026-09-12', type: 'edition', edition: 'STANDARD' },
    { date: `${MONTH}-${pad(10 + Math.floor(rand() * 15))}`, type: 'edition', edition: 'PRO' },
  ];
  const usage: UsageDay[] = [];
  let mau = 0;
  for (let d = 1; d <= days; d++) {
    mau += Math.floor(rand() * 1_000);
    usage.push({ date: `${MONTH}-${pad(d)}`, mau, pcc: Math.floor(rand() * 500) });
  }
  return { sdkAppId: id, events, usage };
}

/** Yields accounts of `appsPerAccount` apps until `appMonths` apps are built. */
function* generateAccounts(appMonths: number, appsPerAccount: number, days: number): Generator<AccountInput> {
  const rand = prng(20261031);
  let id = 1_400_000_001;
  for (let left = appMonths, n = 0; left > 0; n++) {
    const size = Math.min(appsPerAccount, left);
    left -= size;
    const scheme = n % 5 === 4 ? 'CURRENT' : 'LEGACY';
    const apps: AppInput[] = [];
    for (let i = 0; i < size; i++) apps.push(scheme === 'LEGACY' ? legacyApp(id++, days, rand) : currentApp(id++, days, rand));
    yield { scheme, apps };
  }
}

interface Measure {
  appMonths: number;
  days: number;
  /** Wall-clock seconds spent in rateAccount. */
  seconds: number;
  /** CPU seconds (user + system) of this process spent in rateAccount: robust when other jobs share the machine. */
  cpuSeconds: number;
  perSecond: number;
  perCpuSecond: number;
  lines: number;
}

/**
 * Inputs are built in batches, as a billing run loads accounts page by page, and
 * only the `rateAccount` calls are timed (the batch's inputs are built before its clock starts).
 */
function measure(appMonths: number, appsPerAccount: number, days: number): Measure {
  const months = [MONTH];
  const batchSize = 500;
  let elapsed = 0n;
  let cpuMicros = 0;
  let lines = 0;
  let batch: AccountInput[] = [];
  const rateBatch = (): void => {
    const cpu = process.cpuUsage();
    const start = process.hrtime.bigint();
    for (const account of batch) {
      for (const invoice of rateAccount(account, months, SHIPPED_PRICE_BOOKS)) lines += invoice.lines.length;
    }
    elapsed += process.hrtime.bigint() - start;
    const used = process.cpuUsage(cpu);
    cpuMicros += used.user + used.system;
    batch = [];
  };
  for (const account of generateAccounts(appMonths, appsPerAccount, days)) {
    batch.push(account);
    if (batch.length === batchSize) rateBatch();
  }
  rateBatch();
  const seconds = Number(elapsed) / 1e9;
  const cpuSeconds = cpuMicros / 1e6;
  return { appMonths, days, seconds, cpuSeconds, perSecond: appMonths / seconds, perCpuSecond: appMonths / cpuSeconds, lines };
}

const fmt = (n: number): string => Math.round(n).toLocaleString('en-US');

function report(label: string, m: Measure): void {
  console.log(
    `${label.padEnd(7)} ${m.appMonths.toLocaleString('en-US').padStart(9)} app-months x ${String(m.days).padStart(2)} usage days, ` +
      `${m.lines.toLocaleString('en-US')} lines: ${m.seconds.toFixed(3)} s wall -> ${fmt(m.perSecond)} app-months/s; ` +
      `${m.cpuSeconds.toFixed(3)} s CPU -> ${fmt(m.perCpuSecond)} app-months per CPU second`,
  );
}

function main(): void {
  const options = parseArgs(process.argv.slice(2));
  // Warm-up, untimed: lets the JIT settle so the first figure is not a cold start.
  measure(Math.min(options.appMonths, 50_000), options.appsPerAccount, options.days);
  const base = measure(options.appMonths, options.appsPerAccount, options.days);
  const double = measure(options.appMonths * 2, options.appsPerAccount, options.days);
  const halfDays = Math.max(1, Math.floor(options.days / 2));
  const short = measure(options.appMonths, options.appsPerAccount, halfDays);
  console.log(`billing engine benchmark (node ${process.version}, one core, ${options.appsPerAccount} apps per account)`);
  report('N', base);
  report('2N', double);
  report('N, D/2', short);
  console.log(
    `linearity (CPU): 2N took ${(double.cpuSeconds / base.cpuSeconds).toFixed(2)}x the time of N; ` +
      `${halfDays} usage days took ${(short.cpuSeconds / base.cpuSeconds).toFixed(2)}x the time of ${options.days}`,
  );
  console.log(
    `result: ${fmt(base.perSecond)} app-months/s wall, ${fmt(base.perCpuSecond)} app-months per CPU second (target >= 20,000)`,
  );
}

main();
