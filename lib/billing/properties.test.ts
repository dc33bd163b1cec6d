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
import { prorate, roundToCents } from './money';
import { renderExplanation } from '../i18n/explain';
import { invoiceCsv } from '../invoices/csv';
import type { InvoiceDetail } from '../invoices/queries';
import { rateAccount, validateNewEvent } from './rate';
import { type InvoiceData, type InvoiceJson, invoiceData } from './serialize';
import { formatSimulatorOutput, simulate } from './simulator';
import { appStateOn } from './state';
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

/** Events gathered on a few days (every 30th), so that same-day replacements are common. */
const sameDayScenario = rawScenario
  .map((r) => ({ ...r, apps: r.apps.map((a) => ({ ...a, events: a.events.map((e) => ({ ...e, offset: e.offset - (e.offset % 30) })) })) }))
  .map(buildScenario);

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
    issueOverdue: false,
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
  }, 60_000);

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

/** Inserts `flip` among an app's (date-sorted) events after every event dated on or before `date`. */
function withEventsOn(events: readonly AppEvent[], date: string, flip: readonly AppEvent[], first = false): AppEvent[] {
  const at = first ? events.findIndex((e) => e.date >= date) : events.findIndex((e) => e.date > date);
  const i = at < 0 ? events.length : at;
  return [...events.slice(0, i), ...flip, ...events.slice(i)];
}

const CURRENT_CHOICES = ['DEVELOPER', 'STANDARD', 'PRO'] as const;
const TIER_CHOICES = [30, 90, 180, 360] as const;

describe('properties of the end-of-day rule (DOMAIN.md section 3)', () => {
  it('merging adjacent equal runs never changes a total by more than rounding', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000_000 }),
        fc.integer({ min: 0, max: 3 }),
        fc.integer({ min: 28, max: 31 }),
        fc.integer({ min: 1, max: 30 }),
        fc.integer({ min: 1, max: 30 }),
        (units, scale, ofDays, a, b) => {
          fc.pre(a + b <= ofDays);
          const price = new Decimal(units).div(10 ** scale);
          const whole = roundToCents(prorate(price, a + b, ofDays));
          const halves = roundToCents(prorate(price, a, ofDays)).plus(roundToCents(prorate(price, b, ofDays)));
          // Each extra line is one more half-cent rounding: at most one cent apart.
          expect(whole.minus(halves).abs().lte('0.01')).toBe(true);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('the engine never bills two adjacent equal runs as two lines', () => {
    fc.assert(
      fc.property(sameDayScenario, (input) => {
        for (const invoice of rateData(input)) {
          const runs = invoice.lines.filter((l) => ['current.package', 'retention', 'barrage'].includes(l.explanation.key));
          for (const a of runs) {
            for (const b of runs) {
              const same =
                a !== b && a.sdkAppId === b.sdkAppId && a.code === b.code && a.edition === b.edition && a.unitPrice === b.unitPrice &&
                JSON.stringify({ ...a.explanation.params, from: 0, to: 0, days: 0, mbpsDays: 0 }) ===
                  JSON.stringify({ ...b.explanation.params, from: 0, to: 0, days: 0, mbpsDays: 0 });
              if (same) expect(formatDay((parseDay(a.to) as number) + 1), `${a.explain} | ${b.explain}`).not.toBe(b.from);
            }
          }
        }
      }),
      RUNS,
    );
  }, 60_000);

  it('a scenario with a same-day flip (edition or retention tier replaced and restored) equals the one without it', () => {
    fc.assert(
      fc.property(
        scenario,
        fc.nat(),
        fc.integer({ min: 0, max: 200 }),
        fc.constantFrom(...CURRENT_CHOICES),
        fc.constantFrom(...TIER_CHOICES),
        fc.boolean(),
        (input, appPick, offset, otherEdition, otherTier, stopFirst) => {
          const i = appPick % input.apps.length;
          const target = input.apps[i]!;
          const date = formatDay(START + offset);
          const state = appStateOn({ scheme: input.scheme as Scheme, ...(input.migration ? { migration: input.migration } : {}), sdkAppId: target.sdkAppId, events: target.events }, date);
          let flip: AppEvent[];
          if (state.scheme === 'CURRENT') {
            fc.pre(otherEdition !== state.edition);
            flip = [
              { date, type: 'edition', edition: otherEdition },
              { date, type: 'edition', edition: state.edition },
            ];
          } else {
            const held = state.retention?.days;
            fc.pre(held !== undefined && (stopFirst || otherTier !== held));
            const restore: AppEvent = { date, type: 'addon', addon: 'HISTORY_RETENTION', action: 'start', days: held! };
            flip = stopFirst
              ? [{ date, type: 'addon', addon: 'HISTORY_RETENTION', action: 'stop' }, restore]
              : [{ date, type: 'addon', addon: 'HISTORY_RETENTION', action: 'start', days: otherTier }, restore];
          }
          const flipped = { ...input, apps: input.apps.map((a, j) => (j === i ? { ...a, events: withEventsOn(a.events, date, flip) } : a)) };
          expect(run(flipped)).toEqual(run(input));
        },
      ),
      { numRuns: 300 },
    );
  }, 60_000);

  it('Flagship requested on the day its downgrade takes effect equals never downgrading, except for the cuts of that day', () => {
    const flagshipScenario = fc.record({
      start: fc.integer({ min: 0, max: 40 }),
      request: fc.integer({ min: 0, max: 90 }),
      tier: fc.option(fc.constantFrom(...TIER_CHOICES), { nil: undefined }),
      addons: fc.array(
        fc.record({
          offset: fc.integer({ min: 0, max: 180 }),
          addon: fc.constantFrom('GROUP_MEMBER_CAP' as const, 'GROUP_JOIN_CAP' as const, 'SECURITY_STRIKE' as const),
          action: fc.constantFrom('start' as const, 'stop' as const),
        }),
        { maxLength: 6 },
      ),
      usage: rawScenario.map((r) => r.apps[0]!.usage),
    });
    fc.assert(
      fc.property(flagshipScenario, (raw) => {
        const requestOn = formatDay(START + raw.start + raw.request);
        const events: AppEvent[] = [{ date: formatDay(START + raw.start), type: 'edition', edition: 'FLAGSHIP' }];
        if (raw.tier !== undefined) events.push({ date: formatDay(START + raw.start), type: 'addon', addon: 'HISTORY_RETENTION', action: 'start', days: raw.tier });
        const planned: AppEvent[] = [
          ...raw.addons.map((a): AppEvent => ({ date: formatDay(START + Math.max(a.offset, raw.start)), type: 'addon', addon: a.addon, action: a.action })),
          { date: requestOn, type: 'edition', edition: 'PROFESSIONAL' } as AppEvent,
        ].sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : 0));
        for (const event of planned) {
          try {
            validateNewEvent({ scheme: 'LEGACY', events, event });
            events.push(event);
          } catch (e) {
            if (!isBillingRuleError(e)) throw e;
          }
        }
        const k = events.findIndex((e) => e.type === 'edition' && e.edition === 'PROFESSIONAL');
        const pending = appStateOn({ scheme: 'LEGACY', sdkAppId: 1400000001, events }, requestOn).pendingDowngrade;
        expect(pending).toBeDefined();
        const effectiveOn = pending!.effectiveOn;
        const usage = buildScenario({ scheme: 'LEGACY', migrateOn: undefined, apps: [{ events: [], usage: raw.usage }] }).apps[0]!.usage;
        const rate = (appEvents: AppEvent[]) => {
          const result = simulate({ scheme: 'LEGACY', months: MONTHS, apps: [{ sdkAppId: 1400000001, events: appEvents, usage }] });
          return result.ok ? result.output.invoices : null;
        };
        const flipped = rate(withEventsOn(events, effectiveOn, [{ date: effectiveOn, type: 'edition', edition: 'FLAGSHIP' }], true));
        const never = rate(events.filter((_, j) => j !== k));
        // An add-on event may fit one history and not the other (a stopped add-on is cut, not restarted).
        fc.pre(flipped !== null && never !== null);
        // The add-ons cut that day stay cut (credits, new anchors); packages, retention and usage lines are equal.
        const rest = (invoices: InvoiceJson[]) => invoices.map((inv) => inv.lines.filter((l) => !l.code.startsWith('ADDON')));
        expect(rest(flipped!)).toEqual(rest(never!));
      }),
      { numRuns: 200 },
    );
  }, 60_000);
});
