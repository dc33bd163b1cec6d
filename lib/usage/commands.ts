import 'server-only';
import { randomUUID } from 'node:crypto';
import type { AuditActor } from '../db/audit';
import { BILLING_TIME_ZONE } from '../clock';
import { arrayLiteral, writeAuditSql, type Sql } from '../db/sql';
import { DomainError, type ErrorMessage } from '../errors';
import { describeRowErrors, MAX_USAGE_ROWS, rowError, type ParsedUsageBatch, type UsageRowError, type UsageRowInput } from './schemas';

/** Who writes a batch: an API key or a signed-in ops user (CSV import). */
export type UsageSender = {
  source: 'API' | 'CSV';
  /** Recorded on every row written: the API key's id or the user's id. */
  sentBy: string;
  audit: AuditActor;
};

/** A (app, month) the batch touches whose invoice is already issued or paid. */
export type BilledMonthConflict = {
  sdkAppId: string;
  month: string;
  invoiceId: number;
  invoiceNumber: string | null;
  status: 'ISSUED' | 'PARTIALLY_PAID' | 'PAID';
  rows: number[];
};

export type UsageCheck = {
  errors: UsageRowError[];
  conflicts: BilledMonthConflict[];
  /** Draft invoices of the touched account-months: a billing re-run brings them up to date. */
  staleDrafts: { invoiceId: number; accountId: number; month: string }[];
  apps: number;
  months: string[];
  from: string;
  to: string;
};

export type IngestResult = {
  batchId: string;
  rows: number;
  inserted: number;
  updated: number;
  /** Rows identical to what was stored: a re-sent batch changes nothing. */
  unchanged: number;
  apps: number;
  months: string[];
  staleDrafts: number;
};

export const CORRECTION_NEEDS_VOID =
  'a correction of an issued month needs the invoice voided and a new invoice (void it in the console, then re-import and create the correction)';

/**
 * The checks that need the database, set-based (one statement whatever the batch size):
 * unknown SDKAppIDs and rows dated before the app existed (400), and months whose invoice is
 * already issued or paid (409). Used by the import preview and by the ingestion itself.
 */
export async function checkUsageRows(sql: Sql, rows: readonly UsageRowInput[]): Promise<UsageCheck> {
  // One statement over the batch's distinct (app, month) pairs, returning only what needs
  // attention: an unknown app, a row before the app existed, an invoice of that month.
  type Pair = { sdkAppId: string; month: string; first: string };
  // By month, then by app: a batch spans few months (no composite string key per row).
  const pairs = new Map<string, Map<string, Pair>>();
  const list: Pair[] = [];
  let from = rows[0]?.date ?? '';
  let to = from;
  let lastMonth = '';
  let ofMonth: Map<string, Pair> | undefined;
  for (const row of rows) {
    const month = row.date.slice(0, 7);
    if (month !== lastMonth || !ofMonth) {
      lastMonth = month;
      ofMonth = pairs.get(month);
      if (!ofMonth) {
        ofMonth = new Map();
        pairs.set(month, ofMonth);
      }
    }
    let pair = ofMonth.get(row.sdkAppId);
    if (!pair) {
      pair = { sdkAppId: row.sdkAppId, month, first: row.date };
      ofMonth.set(row.sdkAppId, pair);
      list.push(pair);
    }
    if (row.date < pair.first) pair.first = row.date;
    if (row.date < from) from = row.date;
    if (row.date > to) to = row.date;
  }
  const found = await sql<{
    sdkAppId: string;
    month: string;
    accountId: number | null;
    createdOn: string | null;
    invoiceId: number | null;
    number: string | null;
    status: 'DRAFT' | 'ISSUED' | 'PARTIALLY_PAID' | 'PAID' | null;
  }>(
    `SELECT r."a"::text AS "sdkAppId", r."m" AS "month", p."accountId",
            to_char(p."createdAt" AT TIME ZONE $4, 'YYYY-MM-DD') AS "createdOn",
            i."id" AS "invoiceId", i."number", i."status"::text AS "status"
       FROM unnest($1::bigint[], $2::text[], $3::date[]) AS r("a", "m", "first")
       LEFT JOIN "App" p ON p."sdkAppId" = r."a"
       LEFT JOIN "Invoice" i ON i."accountId" = p."accountId" AND i."month" = r."m" AND i."status" IN ('DRAFT', 'ISSUED', 'PARTIALLY_PAID', 'PAID')
      WHERE p."sdkAppId" IS NULL OR i."id" IS NOT NULL OR r."first" < (p."createdAt" AT TIME ZONE $4)::date`,
    [arrayLiteral(list.map((p) => p.sdkAppId)), arrayLiteral(list.map((p) => p.month)), arrayLiteral(list.map((p) => p.first)), BILLING_TIME_ZONE],
  );
  const appById = new Map<string, { accountId: number | null; createdOn: string | null }>();
  const conflicts: BilledMonthConflict[] = [];
  const drafts = new Map<number, { invoiceId: number; accountId: number; month: string }>();
  for (const f of found) {
    appById.set(f.sdkAppId, { accountId: f.accountId, createdOn: f.createdOn });
    if (f.invoiceId === null || f.accountId === null || f.status === null) continue;
    if (f.status === 'DRAFT') {
      drafts.set(f.invoiceId, { invoiceId: f.invoiceId, accountId: f.accountId, month: f.month });
      continue;
    }
    conflicts.push({
      sdkAppId: f.sdkAppId,
      month: f.month,
      invoiceId: f.invoiceId,
      invoiceNumber: f.number,
      status: f.status,
      rows: [],
    });
  }
  if (conflicts.length > 0) {
    // The batch's rows of each refused app-month, by index (only when there is something to refuse).
    const refused = new Map(conflicts.map((c) => [`${c.sdkAppId}:${c.month}`, c.rows]));
    rows.forEach((row, index) => refused.get(`${row.sdkAppId}:${row.date.slice(0, 7)}`)?.push(index));
  }
  const errors: UsageRowError[] = [];
  rows.forEach((row, index) => {
    // Apps not returned exist and were created before the batch's days.
    const app = appById.get(row.sdkAppId);
    if (!app) return;
    if (app.accountId === null) {
      errors.push(rowError(index, 'sdkAppId', 'field.usage.noApp', { sdkAppId: row.sdkAppId }));
    } else if (app.createdOn && row.date < app.createdOn) {
      errors.push(rowError(index, 'date', 'field.usage.beforeApp', { date: row.date, sdkAppId: row.sdkAppId, createdOn: app.createdOn }));
    }
  });
  conflicts.sort((a, b) => (a.rows[0] ?? 0) - (b.rows[0] ?? 0));
  return {
    errors,
    conflicts,
    staleDrafts: [...drafts.values()],
    apps: new Set(list.map((p) => p.sdkAppId)).size,
    months: [...pairs.keys()].sort(),
    from,
    to,
  };
}

/**
 * Every bad row of a batch that failed validation: the validator's errors plus the database
 * checks (unknown app, before the app existed) on the rows that passed, by batch index.
 */
export async function allRowErrors(sql: Sql, parsed: Extract<ParsedUsageBatch, { ok: false }>): Promise<UsageRowError[]> {
  const errors = [...parsed.errors];
  if (parsed.valid.rows.length > 0) {
    const check = await checkUsageRows(sql, parsed.valid.rows);
    for (const e of check.errors) errors.push({ ...e, index: parsed.valid.indexes[e.index] ?? e.index });
  }
  return errors.sort((a, b) => a.index - b.index);
}

/** The refusal of a batch that touches billed months, naming the first app-month. */
export function conflictError(conflicts: readonly BilledMonthConflict[]): ErrorMessage {
  const first = conflicts[0]!;
  const params = { sdkAppId: String(first.sdkAppId), month: first.month, invoice: String(first.invoiceNumber ?? first.invoiceId), status: first.status };
  return conflicts.length > 1 ? { key: 'error.usage.billedMany', params: { ...params, more: conflicts.length - 1 } } : { key: 'error.usage.billed', params };
}

// numeric[] takes decimal strings as they are; no float ever holds a bandwidth.
const UPSERT = `
WITH written AS (
  INSERT INTO "UsageDaily" ("sdkAppId", "date", "dau", "peakGroups", "mau", "pcc",
                            "barrageDomesticMbps", "barrageIntlMbps", "source", "sentBy", "updatedAt")
  SELECT r."a", r."d", r."dau", r."pg", r."mau", r."pcc", r."dom", r."intl", $9::"UsageSource", $10, now()
    FROM unnest($1::bigint[], $2::date[], $3::int[], $4::int[], $5::int[], $6::int[], $7::numeric[], $8::numeric[])
         AS r("a", "d", "dau", "pg", "mau", "pcc", "dom", "intl")
  ON CONFLICT ("sdkAppId", "date") DO UPDATE
     SET "dau" = EXCLUDED."dau", "peakGroups" = EXCLUDED."peakGroups", "mau" = EXCLUDED."mau", "pcc" = EXCLUDED."pcc",
         "barrageDomesticMbps" = EXCLUDED."barrageDomesticMbps", "barrageIntlMbps" = EXCLUDED."barrageIntlMbps",
         "source" = EXCLUDED."source", "sentBy" = EXCLUDED."sentBy", "updatedAt" = EXCLUDED."updatedAt"
   WHERE ("UsageDaily"."dau", "UsageDaily"."peakGroups", "UsageDaily"."mau", "UsageDaily"."pcc",
          "UsageDaily"."barrageDomesticMbps", "UsageDaily"."barrageIntlMbps")
         IS DISTINCT FROM
         (EXCLUDED."dau", EXCLUDED."peakGroups", EXCLUDED."mau", EXCLUDED."pcc",
          EXCLUDED."barrageDomesticMbps", EXCLUDED."barrageIntlMbps")
  RETURNING (xmax = 0) AS "inserted"
)
SELECT (count(*) FILTER (WHERE "inserted"))::int AS "inserted", (count(*) FILTER (WHERE NOT "inserted"))::int AS "updated" FROM written`;

/**
 * Writes a validated batch (see parseUsageRows, at most MAX_USAGE_ROWS rows) in one statement,
 * all or nothing, inside the caller's transaction (`sql`: the driver's, see
 * lib/db/sql.ts): a row for an app and day replaces the stored one as a whole (a measure left out
 * is "not reported"), rows identical to the stored ones are left untouched, and each written
 * row records its source, sender and time. Unknown apps -> 400 with the rows; a month whose
 * invoice is issued or paid -> 409 (the database trigger refuses it too).
 */
export async function ingestUsage(sql: Sql, sender: UsageSender, rows: readonly UsageRowInput[]): Promise<IngestResult> {
  if (rows.length === 0) throw new DomainError('invalid', 'error.usage.empty', { field: 'rows' });
  if (rows.length > MAX_USAGE_ROWS) {
    throw new DomainError('invalid', 'error.usage.tooMany', { params: { max: MAX_USAGE_ROWS.toLocaleString('en-US'), count: rows.length.toLocaleString('en-US') }, field: 'rows' });
  }
  const check = await checkUsageRows(sql, rows);
  if (check.errors.length > 0) {
    throw new DomainError('invalid', describeRowErrors(check.errors, rows.length), { field: 'rows', details: check.errors });
  }
  if (check.conflicts.length > 0) {
    const refusal = conflictError(check.conflicts);
    throw new DomainError('conflict', refusal.key, {
      params: refusal.params,
      field: 'rows',
      details: check.conflicts.map((c) => ({ ...c, reason: CORRECTION_NEEDS_VOID })),
    });
  }
  const [counts] = await sql<{ inserted: number; updated: number }>(UPSERT, [
    arrayLiteral(rows.map((r) => r.sdkAppId)),
    arrayLiteral(rows.map((r) => r.date)),
    arrayLiteral(rows.map((r) => r.dau)),
    arrayLiteral(rows.map((r) => r.peakGroups)),
    arrayLiteral(rows.map((r) => r.mau)),
    arrayLiteral(rows.map((r) => r.pcc)),
    arrayLiteral(rows.map((r) => r.barrageDomesticMbps)),
    arrayLiteral(rows.map((r) => r.barrageIntlMbps)),
    sender.source,
    sender.sentBy,
  ]);
  const inserted = counts?.inserted ?? 0;
  const updated = counts?.updated ?? 0;
  const batchId = randomUUID();
  const result: IngestResult = {
    batchId,
    rows: rows.length,
    inserted,
    updated,
    unchanged: rows.length - inserted - updated,
    apps: check.apps,
    months: check.months,
    staleDrafts: check.staleDrafts.length,
  };
  await writeAuditSql(sql, sender.audit, [
    {
      action: 'usage.import',
      entityType: 'UsageBatch',
      entityId: batchId,
      after: { source: sender.source, from: check.from, to: check.to, ...result },
    },
  ]);
  return result;
}
