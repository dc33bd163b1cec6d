/**
 * Property-based tests (fast-check) over random valid scenarios: random events are
 * kept only when `validateNewEvent` accepts them, so every scenario is one the
 * console could have recorded.
 */
import Decimal from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PERIODIC_ADDONS, SHIPPED_PRICE_BOOKS, type Scheme } from './catalog';
import { formatDay, parseDay } from './dates';
import { isBillingRuleError } from './errors';
import { renderExplanation } from '../i18n/explain';
import { invoiceCsv } from '../invoices/csv';
import type { InvoiceDetail } from '../invoices/queries';
import { rateAccount, validateNewEvent } from './rate';
import { type InvoiceData, type InvoiceJson, invoiceData } from './serialize';
import { formatSimulatorOutput, simulate } from './simulator';
import type { AccountInput, AppEvent, MigrationInput, UsageDay } from './types';

const START = parseDay('2026-01-01') as number;
const MONTHS = ['2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09'];

type EventBody = DistributiveOmit<AppEvent, 'date'>;
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

const eventBody: fc.Arbitrary<EventBody> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom('TRIAL', 'PROFESSIONAL', 'FLAGSHIP', 'DEVELOPER', 'STANDARD', 'PRO').map((edition): EventBody => ({ type: 'edition', edition })) },
  {
    weight: 3,
    arbitrary: fc
      .record({ addon: fc.constantFrom(...PERIODIC_ADDONS), action: fc.constantFrom('start' as const, 'stop' as const) })
      .map((a): EventBody => ({ type: 'addon', ...a })),
  },
  { weight: 1, arbitrary: fc.constantFrom(30, 90, 180, 360).map((days): EventBody => ({ type: 'addon', addon: 'HISTORY_RETENTION', action: 'start', days: days as 30 })) },
  { weight: 1, arbitrary: fc.constant<EventBody>({ type: 'addon', addon: 'HISTORY_RETENTION', action: 'stop' }) },
);

const usageRow = fc.record({
  offset: fc.integer({ min: 0, max: 200 }),
  dau: fc.option(fc.integer({ min: 0, max: 60_000 }), { nil: undefined }),
  peakGroups: fc.option(fc.integer({ min: 0, max: 400_000 }), { nil: undefined }),
  mau: fc.option(fc.integer({ min: 0, max: 30_000 }), { nil: undefined }),
  dom: fc.option(fc.integer({ min: 0, max: 99_999 }), { nil: undefined }),
  intl: fc.option(fc.integer({ min: 0, max: 9_999 }), { nil: undefined }),
});

const rawScenario = fc.record({
  scheme: fc.constantFrom<Scheme>('LEGACY', 'LEGACY', 'CURRENT'),
  migrateOn: fc.option(fc.integer({ min: 0, max: 170 }), { nil: undefined }),
  apps: fc.array(
    fc.record({
      events: fc.array(fc.record({ offset: fc.integer({ min: 0, max: 180 }), body: eventBody }), { maxLength: 12 }),
      usage: fc.uniqueArray(usageRow, { selector: (r) => r.offset, maxLength: 40 }),
    }),
    { minLength: 1, maxLength: 3 },
  ),
});

/** Keeps the events the rules accept, in date order (the console's point of view). */
type RawScenario = typeof rawScenario extends fc.Arbitrary<infer T> ? T : never;

function buildScenario(raw: RawScenario) {
  const scheme = raw.scheme === 'CURRENT' ? 'CURRENT' : 'LEGACY';
  const migration: MigrationInput | undefined =
    scheme === 'LEGACY' && raw.migrateOn !== undefined ? { executedOn: formatDay(START + raw.migrateOn) } : undefined;
  const apps = raw.apps.map((a, i) => {
    const events: AppEvent[] = [];
    const sorted = [...a.events].sort((x, y) => x.offset - y.offset);
    for (const { offset, body } of sorted) {
      const event = { date: formatDay(START + offset), ...body } as AppEvent;
      try {
        validateNewEvent({ scheme, events, event, ...(migration === undefined ? {} : { migration }) });
        events.push(event);
      } catch (e) {
        if (!isBillingRuleError(e)) throw e;
      }
    }
    const usage: UsageDay[] = a.usage.map((u) => {
      const row: UsageDay = { date: formatDay(START + u.offset) };
      if (u.dau !== undefined) row.dau = u.dau;
      if (u.peakGroups !== undefined) row.peakGroups = u.peakGroups;
      if (u.mau !== undefined) row.mau = u.mau;
      if (u.dom !== undefined) row.barrageDomesticMbps = new Decimal(u.dom).div(1000).toFixed();
      if (u.intl !== undefined) row.barrageIntlMbps = new Decimal(u.intl).div(100).toFixed();
      return row;
    });
    return { sdkAppId: 1400000001 + i, events, usage };
  });
  return { scheme, months: MONTHS, apps, ...(migration === undefined ? {} : { migration }) };
}

const scenario = rawScenario.map(buildScenario);

function run(input: unknown): InvoiceJson[] {
  const result = simulate(input);
  if (!result.ok) throw new Error(result.error);
  return result.output.invoices;
}

/** The invoices as the console carries them (explanations as data). */
function rateData(input: ReturnType<typeof buildScenario>): InvoiceData[] {
  return rateAccount(input as AccountInput, input.months, SHIPPED_PRICE_BOOKS).map(invoiceData);
}

/** An invoice as its page and CSV read it (lib/invoices/queries.ts), from rated data. */
function detailOf(invoice: InvoiceData): InvoiceDetail {
  const bounds = { from: `${invoice.month}-01`, to: `${invoice.month}-28` };
  const apps = [...new Set(invoice.lines.map((l) => l.sdkAppId))].map((sdkAppId) => ({
    sdkAppId: String(sdkAppId),
    appName: `应用 ${sdkAppId}`,
    dataCenter: 'CHINA',
    subtotal: '0.00',
    lines: invoice.lines
      .filter((l) => l.sdkAppId === sdkAppId)
      .map((l, i) => ({
        position: i + 1,
        code: l.code,
        edition: l.edition ?? null,
        addon: l.addon ?? null,
        from: l.from,
        to: l.to,
        quantity: l.quantity,
        unitPrice: l.unitPrice,
        amount: l.amount,
        explanation: l.explanation,
      })),
  }));
  return {
    id: 1,
    number: 'INV-2026-000001',
    status: 'ISSUED',
    month: invoice.month,
    period: bounds,
    scheme: invoice.scheme,
    currency: invoice.currency,
    total: invoice.total,
    createdAt: '2026-01-01T00:00:00.000Z',
    issuedAt: null,
    paidAt: null,
    voidedAt: null,
    voidReason: null,
    plannedIssueDate: bounds.to,
    billingRunId: null,
    replaces: null,
    replacedBy: null,
    account: { id: 1, name: '客户', contactEmail: 'c@example.com' },
    apps,
  };
}

/** Figures, dates and the units DOMAIN.md names (MAU, DAU, Mbps) stay as they are; no other Latin letter. */
function expectNoEnglish(text: string, context: string): void {
  expect(text.replace(/MAU|DAU|Mbps/g, ''), context).not.toMatch(/[A-Za-z]/);
}

const RUNS = { numRuns: 150 };

describe('properties', () => {
  it('an invoice total is the sum of its rounded lines; amounts have two decimals; credits are negative', () => {
    fc.assert(
      fc.property(scenario, (input) => {
        for (const invoice of run(input)) {
          const sum = invoice.lines.reduce((acc, l) => acc.plus(l.amount), new Decimal(0));
          expect(invoice.total).toBe(sum.toFixed(2));
          for (const line of invoice.lines) {
            expect(line.amount).toMatch(/^-?\d+\.\d{2}$/);
            if (line.code.endsWith('_CREDIT')) expect(new Decimal(line.amount).isNegative()).toBe(true);
            else expect(new Decimal(line.amount).isNegative()).toBe(false);
          }
        }
      }),
      RUNS,
    );
  });

  it('a credit never exceeds (in absolute value) the charge of the cycle it cuts', () => {
    fc.assert(
      fc.property(scenario, (input) => {
        const lines = run(input).flatMap((i) => i.lines);
        for (const credit of lines.filter((l) => l.code === 'PACKAGE_CREDIT' || l.code === 'ADDON_CREDIT')) {
          const chargeCode = credit.code === 'PACKAGE_CREDIT' ? 'PACKAGE' : 'ADDON';
          const charges = lines.filter(
            (l) =>
              l.code === chargeCode && l.sdkAppId === credit.sdkAppId && l.addon === credit.addon &&
              l.edition === credit.edition && l.to === credit.to && l.from < credit.from,
          );
          expect(charges).toHaveLength(1);
          expect(new Decimal(credit.amount).abs().lte(new Decimal(charges[0]!.amount))).toBe(true);
          expect(credit.unitPrice).toBe(charges[0]!.unitPrice);
        }
      }),
      RUNS,
    );
  });

  it('a Chinese invoice (page, print and CSV) has no English word from the engine in any line', () => {
    const seen = new Set<string>();
    fc.assert(
      fc.property(scenario, (input) => {
        for (const invoice of rateData(input)) {
          for (const line of invoice.lines) {
            // The page and its print render each line with renderExplanation; the English is the contract text.
            expect(renderExplanation(line.explanation, 'en')).toBe(line.explain);
            expectNoEnglish(renderExplanation(line.explanation, 'zh'), line.explain);
            seen.add(line.code);
          }
          if (invoice.lines.length === 0) continue;
          const rows = invoiceCsv(detailOf(invoice), 'zh').replace(/^\uFEFF/, '').trim().split('\r\n').slice(1);
          // Description and explanation (the columns after the codes, edition and add-on codes and figures).
          for (const row of rows) expectNoEnglish(row.split(',').slice(7, 8).concat(row.split(',').slice(15)).join(','), row);
        }
      }),
      { numRuns: 300 },
    );
    // The scenarios reach every kind of line the legacy and current schemes bill.
    expect([...seen].sort()).toEqual(
      ['ADDON', 'ADDON_CREDIT', 'BARRAGE_BANDWIDTH', 'DAU_OVERAGE', 'GROUP_OVERAGE', 'HISTORY_RETENTION', 'MAU_OVERAGE', 'PACKAGE', 'PACKAGE_CREDIT'],
    );
  });

  it('identical input gives byte-identical output', () => {
    fc.assert(
      fc.property(scenario, (input) => {
        const a = simulate(input);
        const b = simulate(JSON.parse(JSON.stringify(input)));
        expect(a.ok && b.ok).toBe(true);
        if (a.ok && b.ok) expect(formatSimulatorOutput(b.output)).toBe(formatSimulatorOutput(a.output));
      }),
      RUNS,
    );
  });

  it('a month\'s invoice does not depend on which other months were requested', () => {
    fc.assert(
      fc.property(scenario, fc.subarray(MONTHS, { minLength: 1 }), fc.boolean(), (input, months, reverse) => {
        const together = run({ ...input, months: reverse ? [...months].reverse() : months });
        const alone = months.map((m) => run({ ...input, months: [m] })[0]);
        const byMonth = new Map(together.map((i) => [i.month, JSON.stringify(i)]));
        expect(together.map((i) => i.month)).toEqual(reverse ? [...months].reverse() : months);
        for (const invoice of alone) expect(byMonth.get(invoice!.month)).toBe(JSON.stringify(invoice));
      }),
      { numRuns: 80 },
    );
  });
});
