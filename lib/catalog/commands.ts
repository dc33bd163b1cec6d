import 'server-only';
import type { Actor } from '../auth/guard';
import { CURRENCY, PRICE_KEYS, type PriceBook } from '../billing/catalog';
import { isBillingRuleError } from '../billing/errors';
import { preparePriceBooks } from '../billing/price-books';
import { auditActor, writeAudit } from '../db/audit';
import type { Tx } from '../db/client';
import { DomainError } from '../errors';
import { assertRole } from '../plans/guard';
import { loadPriceBooks } from '../rating/inputs';
import type { NewPriceBookInput } from './schemas';

const PRICE_BOOK_LOCK = { LEGACY: 7_140_000_101, CURRENT: 7_140_000_102 } as const;

/**
 * Adds a price-book version (DOMAIN section 3). It takes effect on a day after today and after the
 * scheme's latest version, so it can never reprice a day already billed, and issued invoices,
 * which never change, keep their amounts. Versions count up by one; a stale form (someone added a
 * version meanwhile) is refused rather than silently renumbered. PriceBook rows are append-only.
 */
export async function addPriceBookVersion(tx: Tx, actor: Actor, input: NewPriceBookInput, today: string) {
  assertRole(actor, 'OPS');
  await tx.$queryRaw`SELECT 1 AS "locked" FROM pg_advisory_xact_lock(${PRICE_BOOK_LOCK[input.scheme]}::bigint)`;
  const books = await loadPriceBooks(tx);
  const own = books.filter((b) => b.scheme === input.scheme).sort((a, b) => a.version - b.version);
  const last = own[own.length - 1];
  const expected = (last?.version ?? 0) + 1;
  if (input.version !== expected) {
    throw new DomainError('conflict', 'error.priceBook.version', { params: { scheme: input.scheme, expected, version: input.version }, field: 'version' });
  }
  if (input.effectiveFrom <= today) {
    throw new DomainError('invalid', 'error.priceBook.tooEarly', { params: { today, effectiveFrom: input.effectiveFrom }, field: 'effectiveFrom' });
  }
  if (last && input.effectiveFrom <= last.effectiveFrom) {
    throw new DomainError('invalid', 'error.priceBook.beforeLast', { params: { version: last.version, effectiveFrom: last.effectiveFrom }, field: 'effectiveFrom' });
  }
  const prices = Object.fromEntries(PRICE_KEYS[input.scheme].map((key) => [key, input.prices[key]!]));
  const book: PriceBook = {
    scheme: input.scheme,
    currency: CURRENCY[input.scheme],
    version: input.version,
    effectiveFrom: input.effectiveFrom,
    source: input.source,
    prices,
  };
  try {
    // The engine must accept the whole set it will be handed from now on.
    preparePriceBooks([...books, book]);
  } catch (error) {
    if (isBillingRuleError(error)) throw new DomainError('invalid', 'error.engine.rule', { params: { detail: error.describe() } });
    throw error;
  }
  const created = await tx.priceBook.create({
    data: {
      scheme: book.scheme,
      currency: book.currency,
      version: book.version,
      effectiveFrom: new Date(`${book.effectiveFrom}T00:00:00Z`),
      source: book.source,
      createdById: actor.id,
      prices: { create: Object.entries(prices).map(([key, amount]) => ({ key, amount })) },
    },
  });
  await writeAudit(tx, auditActor(actor), {
    action: 'priceBook.create',
    entityType: 'PriceBook',
    entityId: created.id,
    before: last ? { version: last.version, effectiveFrom: last.effectiveFrom, prices: last.prices } : null,
    after: { scheme: book.scheme, currency: book.currency, version: book.version, effectiveFrom: book.effectiveFrom, source: book.source, prices },
  });
  return { id: created.id, scheme: book.scheme, version: book.version, effectiveFrom: book.effectiveFrom };
}
