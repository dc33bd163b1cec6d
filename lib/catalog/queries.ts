import 'server-only';
import { PRICE_KEYS, type Currency, type PriceKey, type Scheme } from '../billing/catalog';
import { db } from '../db/client';

export type PriceBookView = {
  id: number;
  scheme: Scheme;
  currency: Currency;
  version: number;
  effectiveFrom: string;
  source: string;
  createdBy: string | null;
  createdAt: string;
  /** inForce: applies today; scheduled: from a later day; superseded: replaced by a later version. */
  status: 'inForce' | 'scheduled' | 'superseded';
  prices: { key: PriceKey; amount: string }[];
};

/** numeric(18,6) comes back padded ("999.000000"); a price keeps its own precision. */
function plain(amount: string): string {
  return amount.includes('.') ? amount.replace(/0+$/, '').replace(/\.$/, '') : amount;
}

export async function listPriceBooks(today: string): Promise<PriceBookView[]> {
  const books = await db.priceBook.findMany({
    orderBy: [{ scheme: 'asc' }, { version: 'desc' }],
    include: { prices: true, createdBy: { select: { email: true } } },
  });
  const inForce = new Map<Scheme, number>();
  for (const book of [...books].sort((a, b) => a.effectiveFrom.getTime() - b.effectiveFrom.getTime() || a.version - b.version)) {
    if (book.effectiveFrom.toISOString().slice(0, 10) <= today) inForce.set(book.scheme, book.id);
  }
  return books.map((book) => {
    const effectiveFrom = book.effectiveFrom.toISOString().slice(0, 10);
    const amounts = new Map(book.prices.map((p) => [p.key, plain(p.amount.toFixed())]));
    return {
      id: book.id,
      scheme: book.scheme,
      currency: book.currency,
      version: book.version,
      effectiveFrom,
      source: book.source,
      createdBy: book.createdBy?.email ?? null,
      createdAt: book.createdAt.toISOString(),
      status: inForce.get(book.scheme) === book.id ? 'inForce' : effectiveFrom > today ? 'scheduled' : 'superseded',
      prices: PRICE_KEYS[book.scheme].map((key) => ({ key, amount: amounts.get(key) ?? '' })),
    };
  });
}

/** The next version of a scheme's book and the prices a new one starts from (the latest version's). */
export async function nextPriceBookDraft(scheme: Scheme): Promise<{ version: number; lastEffectiveFrom: string | null; prices: Record<string, string> }> {
  const last = await db.priceBook.findFirst({ where: { scheme }, orderBy: { version: 'desc' }, include: { prices: true } });
  return {
    version: (last?.version ?? 0) + 1,
    lastEffectiveFrom: last ? last.effectiveFrom.toISOString().slice(0, 10) : null,
    prices: Object.fromEntries((last?.prices ?? []).map((p) => [p.key, plain(p.amount.toFixed())])),
  };
}
