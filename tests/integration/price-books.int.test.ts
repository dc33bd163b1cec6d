import { beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../lib/auth/guard';
import { LEGACY_PRICE_KEYS, SHIPPED_PRICE_BOOKS } from '../../lib/billing/catalog';
import { rateAccount } from '../../lib/billing/rate';
import { serializeInvoice } from '../../lib/billing/serialize';
import { addPriceBookVersion } from '../../lib/catalog/commands';
import { listPriceBooks, nextPriceBookDraft } from '../../lib/catalog/queries';
import { newPriceBookSchema, priceBookFromForm } from '../../lib/catalog/schemas';
import { loadAccountInputs, loadPriceBooks } from '../../lib/rating/inputs';
import { addPlanEvent, createAccount, createApp } from '../../prisma/seed/factories';
import { useTestDatabase } from './db';
import { insertShippedPriceBooks, staff } from './plans-helpers';

const getDb = useTestDatabase();
let ops: Actor;
let manager: Actor;

beforeAll(async () => {
  await insertShippedPriceBooks(getDb().prisma);
  ({ ops, manager } = await staff(getDb().prisma));
});

const legacyPrices = (overrides: Record<string, string> = {}) => ({ ...(SHIPPED_PRICE_BOOKS[0]!.prices as Record<string, string>), ...overrides });

function add(actor: Actor, input: unknown, today = '2026-11-23') {
  const parsed = newPriceBookSchema.parse(input);
  return getDb().prisma.$transaction((tx) => addPriceBookVersion(tx, actor, parsed, today));
}

describe('price-book versions', () => {
  it('validates the form: every key of the scheme, decimals of 0 or more, naming the field', () => {
    const form = new FormData();
    form.set('scheme', 'LEGACY');
    form.set('version', '2');
    form.set('effectiveFrom', '2027-01-01');
    form.set('source', 'Price notice 2027');
    for (const key of LEGACY_PRICE_KEYS) form.set(`price.${key}`, '1');
    form.set('price.PACKAGE.FLAGSHIP', '-5');
    form.delete('price.BARRAGE.INTL');
    const parsed = newPriceBookSchema.safeParse(priceBookFromForm(form));
    expect(parsed.success).toBe(false);
    const issues = parsed.error!.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    expect(issues).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^prices\.PACKAGE\.FLAGSHIP: .*0 or more/),
        expect.stringMatching(/^prices\.BARRAGE\.INTL: price for BARRAGE\.INTL is required/),
      ]),
    );
    expect(newPriceBookSchema.safeParse({ scheme: 'CURRENT', version: 2, effectiveFrom: '2027-01-01', source: 'x y z', prices: { 'PACKAGE.STANDARD': '1', 'PACKAGE.PRO': '1', MAU_OVERAGE: '0.0155', PCC: '0', 'PACKAGE.FLAGSHIP': '1' } }).error?.issues[0]?.message).toMatch(/not a price of the CURRENT scheme/);
  });

  it('adds version 2 from a future date; it prices from that day on and never the days before', async () => {
    const { prisma } = getDb();
    await expect(add(ops, { scheme: 'LEGACY', version: 2, effectiveFrom: '2026-11-23', source: 'too soon', prices: legacyPrices() })).rejects.toMatchObject({ field: 'effectiveFrom' });
    await expect(add(ops, { scheme: 'LEGACY', version: 3, effectiveFrom: '2027-01-01', source: 'wrong version', prices: legacyPrices() })).rejects.toMatchObject({ code: 'conflict', field: 'version' });
    await expect(add(manager, { scheme: 'LEGACY', version: 2, effectiveFrom: '2027-01-01', source: 'By a manager', prices: legacyPrices() })).rejects.toMatchObject({ code: 'forbidden' });

    const created = await add(ops, { scheme: 'LEGACY', version: 2, effectiveFrom: '2027-01-01', source: 'Price notice 2027-01', prices: legacyPrices({ 'PACKAGE.PROFESSIONAL': '1099' }) });
    expect(created).toMatchObject({ scheme: 'LEGACY', version: 2, effectiveFrom: '2027-01-01' });
    await expect(add(ops, { scheme: 'LEGACY', version: 3, effectiveFrom: '2026-12-15', source: 'before v2', prices: legacyPrices() })).rejects.toThrow(/must start after it/);

    const books = await listPriceBooks('2026-11-23');
    const legacy = books.filter((b) => b.scheme === 'LEGACY');
    expect(legacy.map((b) => [b.version, b.status])).toEqual([[2, 'scheduled'], [1, 'inForce']]);
    expect(legacy[0]!.prices.find((p) => p.key === 'PACKAGE.PROFESSIONAL')!.amount).toBe('1099');
    expect(legacy[0]!.createdBy).toBe(ops.email);
    expect((await nextPriceBookDraft('LEGACY')).version).toBe(3);

    // A Professional app anchored on the 15th: the December cycle keeps 999, January's costs 1,099.
    const account = await createAccount(prisma, { scheme: 'LEGACY' });
    const app = await createApp(prisma, { accountId: account.id });
    await addPlanEvent(prisma, { sdkAppId: app.sdkAppId, edition: 'PROFESSIONAL', date: '2026-10-15' });
    const loaded = await loadAccountInputs(prisma, { accountIds: [account.id], usageFrom: '2026-12-01', usageTo: '2027-01-31' });
    const [december, january] = rateAccount(loaded.get(account.id)!.input, ['2026-12', '2027-01'], await loadPriceBooks(prisma)).map(serializeInvoice);
    expect(december!.lines.map((l) => l.amount)).toEqual(['999.00']);
    expect(january!.lines.map((l) => l.amount)).toEqual(['1099.00']);

    const audit = await prisma.auditLog.findFirstOrThrow({ where: { action: 'priceBook.create', entityId: String(created.id) } });
    expect(audit.after).toMatchObject({ version: 2, effectiveFrom: '2027-01-01', prices: { 'PACKAGE.PROFESSIONAL': '1099' } });
    expect(audit.before).toMatchObject({ version: 1 });
    await expect(prisma.priceBookPrice.updateMany({ where: { priceBookId: created.id }, data: { amount: '1' } })).rejects.toThrow(/append-only/);
  });
});
