import 'server-only';
import { rateAccount, serializeInvoice, type InvoiceJson, type PriceBook } from '../billing/index';
import { isBillingRuleError } from '../billing/errors';
import type { LoadedAccount } from '../rating/inputs';
import { arrayLiteral, textArrayLiteral, type Sql } from './raw';

/**
 * Rating is kept apart from persistence (STYLE.md): the engine rates, this module turns its
 * invoices into DRAFT rows. Shared by the billing run and by corrections.
 */

export type RatedAccount = { accountId: number; invoice: InvoiceJson | null };
export type RatingFailure = { accountId: number; message: string };

/** Rates one month for each account; a rule the data breaks fails that account only. */
export function rateAccounts(
  accountIds: readonly number[],
  loaded: ReadonlyMap<number, LoadedAccount>,
  month: string,
  priceBooks: readonly PriceBook[],
): { rated: RatedAccount[]; failures: RatingFailure[] } {
  const rated: RatedAccount[] = [];
  const failures: RatingFailure[] = [];
  for (const accountId of accountIds) {
    const account = loaded.get(accountId);
    if (!account) {
      failures.push({ accountId, message: 'the account no longer exists' });
      continue;
    }
    try {
      const [invoice] = rateAccount(account.input, [month], priceBooks);
      // No lines, no invoice (DOMAIN.md section 8).
      rated.push({ accountId, invoice: invoice && invoice.lines.length > 0 ? serializeInvoice(invoice) : null });
    } catch (error) {
      if (isBillingRuleError(error)) failures.push({ accountId, message: `rating failed: ${error.describe()}` });
      else failures.push({ accountId, message: `rating failed: ${error instanceof Error ? error.message : String(error)}` });
    }
  }
  return { rated, failures };
}

export type WriteDraftsOptions = {
  month: string;
  billingRunId: number | null;
  /** Every account of the chunk: their drafts of the month are replaced (or removed). */
  accountIds: readonly number[];
  rated: readonly RatedAccount[];
  /** A correction names the void invoice it replaces; otherwise the latest unreplaced void one is named. */
  replaces?: ReadonlyMap<number, number>;
};

export type WriteDraftsResult = {
  deletedDrafts: number;
  /** accountId -> new draft invoice id */
  written: Map<number, number>;
  /** Accounts whose invoice of the month is ISSUED or PAID: left alone. */
  skipped: number[];
};

/**
 * Replaces the chunk's DRAFT invoices of the month in the caller's transaction (`sql`), set-based:
 * delete the drafts, then insert the new invoices and their lines with one statement each.
 * Issued, paid and void invoices are never touched; an account whose month is already issued
 * is skipped. The delete comes first on purpose: it waits for a concurrent issue of the same
 * draft, so the issued check that follows sees it.
 */
export async function writeDrafts(sql: Sql, options: WriteDraftsOptions): Promise<WriteDraftsResult> {
  const { month } = options;
  const ids = [...options.accountIds];
  // Lines first, in one statement (the foreign key's cascade would delete them invoice by invoice).
  await sql(
    `DELETE FROM "InvoiceLine" l USING "Invoice" i
      WHERE l."invoiceId" = i."id" AND i."month" = $1 AND i."status" = 'DRAFT' AND i."accountId" = ANY($2::int[])`,
    [month, ids],
  );
  const deleted = await sql<{ count: number }>(
    `WITH d AS (DELETE FROM "Invoice" WHERE "month" = $1 AND "status" = 'DRAFT' AND "accountId" = ANY($2::int[]) RETURNING 1)
     SELECT count(*)::int AS "count" FROM d`,
    [month, ids],
  );
  const issued = await sql<{ accountId: number }>(
    `SELECT DISTINCT "accountId" FROM "Invoice" WHERE "month" = $1 AND "status" IN ('ISSUED', 'PAID') AND "accountId" = ANY($2::int[])`,
    [month, ids],
  );
  const voids = await sql<{ accountId: number; id: number }>(
    `SELECT DISTINCT ON (v."accountId") v."accountId", v."id" FROM "Invoice" v
      WHERE v."month" = $1 AND v."status" = 'VOID' AND v."accountId" = ANY($2::int[])
        AND NOT EXISTS (SELECT 1 FROM "Invoice" c WHERE c."replacesId" = v."id")
      ORDER BY v."accountId", v."voidedAt" DESC, v."id" DESC`,
    [month, ids],
  );
  const skippedSet = new Set(issued.map((r) => r.accountId));
  const voidOf = new Map(voids.map((r) => [r.accountId, r.id]));
  const toWrite = options.rated.filter((r): r is { accountId: number; invoice: InvoiceJson } => r.invoice !== null && !skippedSet.has(r.accountId));
  const written = new Map<number, number>();
  if (toWrite.length > 0) {
    const inserted = await sql<{ id: number; accountId: number }>(
      `INSERT INTO "Invoice" ("accountId", "month", "scheme", "currency", "status", "total", "billingRunId", "replacesId")
       SELECT u."accountId", $1, u."scheme"::"Scheme", u."currency"::"Currency", 'DRAFT', u."total", $2, u."replacesId"
         FROM unnest($3::int[], $4::text[], $5::text[], $6::numeric[], $7::int[]) AS u("accountId", "scheme", "currency", "total", "replacesId")
       RETURNING "id", "accountId"`,
      [
        month,
        options.billingRunId,
        toWrite.map((r) => r.accountId),
        toWrite.map((r) => r.invoice.scheme),
        toWrite.map((r) => r.invoice.currency),
        toWrite.map((r) => r.invoice.total),
        toWrite.map((r) => options.replaces?.get(r.accountId) ?? voidOf.get(r.accountId) ?? null),
      ],
    );
    for (const row of inserted) written.set(row.accountId, row.id);
    const cols = {
      invoiceId: [] as number[],
      position: [] as number[],
      sdkAppId: [] as string[],
      code: [] as string[],
      edition: [] as (string | null)[],
      addon: [] as (string | null)[],
      from: [] as string[],
      to: [] as string[],
      quantity: [] as string[],
      unitPrice: [] as string[],
      amount: [] as string[],
      explain: [] as string[],
    };
    for (const { accountId, invoice } of toWrite) {
      const invoiceId = written.get(accountId)!;
      invoice.lines.forEach((line, i) => {
        cols.invoiceId.push(invoiceId);
        cols.position.push(i + 1);
        cols.sdkAppId.push(String(line.sdkAppId));
        cols.code.push(line.code);
        cols.edition.push(line.edition ?? null);
        cols.addon.push(line.addon ?? null);
        cols.from.push(line.from);
        cols.to.push(line.to);
        cols.quantity.push(line.quantity);
        cols.unitPrice.push(line.unitPrice);
        cols.amount.push(line.amount);
        cols.explain.push(line.explain);
      });
    }
    await sql(
      `INSERT INTO "InvoiceLine" ("invoiceId", "position", "sdkAppId", "code", "edition", "addon", "fromDate", "toDate",
                                  "quantity", "unitPrice", "amount", "explain")
       SELECT u."i", u."p", u."a", u."c"::"LineCode", u."e"::"Edition", u."ad"::"AddonCode", u."f", u."t", u."q", u."up", u."am", u."x"
         FROM unnest($1::int[], $2::int[], $3::bigint[], $4::text[], $5::text[], $6::text[], $7::date[], $8::date[],
                     $9::numeric[], $10::numeric[], $11::numeric[], $12::text[])
              AS u("i", "p", "a", "c", "e", "ad", "f", "t", "q", "up", "am", "x")`,
      [
        arrayLiteral(cols.invoiceId),
        arrayLiteral(cols.position),
        arrayLiteral(cols.sdkAppId),
        arrayLiteral(cols.code),
        arrayLiteral(cols.edition),
        arrayLiteral(cols.addon),
        arrayLiteral(cols.from),
        arrayLiteral(cols.to),
        arrayLiteral(cols.quantity),
        arrayLiteral(cols.unitPrice),
        arrayLiteral(cols.amount),
        textArrayLiteral(cols.explain),
      ],
    );
  }
  return { deletedDrafts: deleted[0]?.count ?? 0, written, skipped: [...skippedSet] };
}
