import 'server-only';
import { invoiceData, rateAccount, type InvoiceData, type PriceBook, type RatingAppInput } from '../billing/index';
import { isBillingRuleError } from '../billing/errors';
import type { LoadedAccount } from '../rating/inputs';
import { arrayLiteral, textList, type Sql } from '../db/sql';

/**
 * Rating is kept apart from persistence (STYLE.md): the engine rates, this module turns its
 * invoices into DRAFT rows. Shared by the billing run and by corrections.
 */

export type RatedAccount = { accountId: number; invoice: InvoiceData | null };
export type RatingFailure = { accountId: number; message: string };

/**
 * Rates one month for each of `accountIds` from their inputs (decoded as they are iterated); a
 * rule the data breaks fails that account only, and an account without inputs is gone.
 */
export function rateAccounts(
  accountIds: readonly number[],
  loaded: Iterable<LoadedAccount<RatingAppInput>>,
  month: string,
  priceBooks: readonly PriceBook[],
): { rated: RatedAccount[]; failures: RatingFailure[] } {
  const rated: RatedAccount[] = [];
  const failures: RatingFailure[] = [];
  const missing = new Set(accountIds);
  for (const account of loaded) {
    const { accountId } = account;
    if (!missing.delete(accountId)) continue;
    try {
      const [invoice] = rateAccount(account.input, [month], priceBooks);
      // No lines, no invoice (DOMAIN.md section 8).
      rated.push({ accountId, invoice: invoice && invoice.lines.length > 0 ? invoiceData(invoice) : null });
    } catch (error) {
      if (isBillingRuleError(error)) failures.push({ accountId, message: `rating failed: ${error.describe()}` });
      else failures.push({ accountId, message: `rating failed: ${error instanceof Error ? error.message : String(error)}` });
    }
  }
  for (const accountId of missing) failures.push({ accountId, message: 'the account no longer exists' });
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
 * Replaces the chunk's DRAFT invoices of the month in the caller's transaction (`sql`), set-based,
 * in two statements whatever the number of accounts:
 *  1. lock the chunk's drafts and delete them (the database deletes their lines with them, once
 *     per statement). Locking first matters: a draft being issued at this moment is waited for,
 *     then left out (it is no longer a draft), so its lines are never touched;
 *  2. in a new snapshot (which sees that issue), skip the accounts whose month is ISSUED or PAID
 *     and insert the other invoices and all their lines, each new draft naming the void invoice
 *     it replaces.
 */
export async function writeDrafts(sql: Sql, options: WriteDraftsOptions): Promise<WriteDraftsResult> {
  const { month } = options;
  const ids = [...options.accountIds];
  const [deleted] = await sql<{ count: number }>(
    `WITH drafts AS (
       SELECT "id" FROM "Invoice" WHERE "month" = $1 AND "status" = 'DRAFT' AND "accountId" = ANY($2::int[]) FOR UPDATE
     ), removed AS (
       DELETE FROM "Invoice" WHERE "id" IN (SELECT "id" FROM drafts) RETURNING 1
     )
     SELECT count(*)::int AS "count" FROM removed`,
    [month, ids],
  );
  const toWrite = options.rated.filter((r): r is { accountId: number; invoice: InvoiceData } => r.invoice !== null);
  const lines = {
    accountId: [] as number[],
    position: [] as number[],
    sdkAppId: [] as number[],
    code: [] as string[],
    edition: [] as (string | null)[],
    addon: [] as (string | null)[],
    from: [] as string[],
    to: [] as string[],
    quantity: [] as string[],
    unitPrice: [] as string[],
    amount: [] as string[],
    explain: [] as string[],
    explainKey: [] as string[],
    explainParams: [] as string[],
  };
  for (const { accountId, invoice } of toWrite) {
    invoice.lines.forEach((line, i) => {
      lines.accountId.push(accountId);
      lines.position.push(i + 1);
      lines.sdkAppId.push(line.sdkAppId);
      lines.code.push(line.code);
      lines.edition.push(line.edition ?? null);
      lines.addon.push(line.addon ?? null);
      lines.from.push(line.from);
      lines.to.push(line.to);
      lines.quantity.push(line.quantity);
      lines.unitPrice.push(line.unitPrice);
      lines.amount.push(line.amount);
      lines.explain.push(line.explain);
      lines.explainKey.push(line.explanation.key);
      lines.explainParams.push(JSON.stringify(line.explanation.params));
    });
  }
  // Lines join their invoice by account: one invoice per account and month is written here.
  const outcome = await sql<{ accountId: number; id: number | null }>(
    `WITH issued AS (
       SELECT DISTINCT "accountId" FROM "Invoice"
        WHERE "month" = $1 AND "status" IN ('ISSUED', 'PAID') AND "accountId" = ANY($3::int[])
     ), voids AS (
       SELECT DISTINCT ON (v."accountId") v."accountId", v."id" FROM "Invoice" v
        WHERE v."month" = $1 AND v."status" = 'VOID' AND v."accountId" = ANY($3::int[])
          AND NOT EXISTS (SELECT 1 FROM "Invoice" c WHERE c."replacesId" = v."id")
        ORDER BY v."accountId", v."voidedAt" DESC, v."id" DESC
     ), written AS (
       INSERT INTO "Invoice" ("accountId", "month", "scheme", "currency", "status", "total", "billingRunId", "replacesId")
       SELECT u."accountId", $1, u."scheme"::"Scheme", u."currency"::"Currency", 'DRAFT', u."total", $2, COALESCE(u."replacesId", v."id")
         FROM unnest($4::int[], $5::text[], $6::text[], $7::numeric[], $8::int[]) AS u("accountId", "scheme", "currency", "total", "replacesId")
         LEFT JOIN voids v ON v."accountId" = u."accountId"
        WHERE u."accountId" NOT IN (SELECT "accountId" FROM issued)
       RETURNING "id", "accountId"
     ), lines AS (
       INSERT INTO "InvoiceLine" ("invoiceId", "position", "sdkAppId", "code", "edition", "addon", "fromDate", "toDate",
                                  "quantity", "unitPrice", "amount", "explain", "explainKey", "explainParams")
       SELECT w."id", u."p", u."a", u."c"::"LineCode", u."e"::"Edition", u."ad"::"AddonCode", u."f", u."t", u."q", u."up", u."am", u."x",
              u."xk", u."xp"::jsonb
         FROM unnest($9::int[], $10::int[], $11::bigint[], $12::text[], $13::text[], $14::text[], $15::date[], $16::date[],
                     $17::numeric[], $18::numeric[], $19::numeric[], string_to_array($20, chr(31)), $21::text[],
                     string_to_array($22, chr(31)))
              AS u("accountId", "p", "a", "c", "e", "ad", "f", "t", "q", "up", "am", "x", "xk", "xp")
         JOIN written w ON w."accountId" = u."accountId"
     )
     SELECT "accountId", "id" FROM written
     UNION ALL
     SELECT "accountId", NULL FROM issued`,
    [
      month,
      options.billingRunId,
      ids,
      arrayLiteral(toWrite.map((r) => r.accountId)),
      arrayLiteral(toWrite.map((r) => r.invoice.scheme)),
      arrayLiteral(toWrite.map((r) => r.invoice.currency)),
      arrayLiteral(toWrite.map((r) => r.invoice.total)),
      arrayLiteral(toWrite.map((r) => options.replaces?.get(r.accountId) ?? null)),
      arrayLiteral(lines.accountId),
      arrayLiteral(lines.position),
      arrayLiteral(lines.sdkAppId),
      arrayLiteral(lines.code),
      arrayLiteral(lines.edition),
      arrayLiteral(lines.addon),
      arrayLiteral(lines.from),
      arrayLiteral(lines.to),
      arrayLiteral(lines.quantity),
      arrayLiteral(lines.unitPrice),
      arrayLiteral(lines.amount),
      textList(lines.explain),
      arrayLiteral(lines.explainKey),
      // JSON text never holds a raw U+001F (JSON.stringify escapes control characters).
      textList(lines.explainParams),
    ],
  );
  const written = new Map<number, number>();
  const skipped: number[] = [];
  for (const row of outcome) {
    if (row.id === null) skipped.push(row.accountId);
    else written.set(row.accountId, row.id);
  }
  return { deletedDrafts: deleted?.count ?? 0, written, skipped };
}
