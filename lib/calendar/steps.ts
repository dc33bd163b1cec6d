import 'server-only';
import type { Tx } from '../db/client';

/**
 * A calendar step that follows a billing run ends with it, in the transaction that ends the
 * run: DONE with what the run did (and the month's draft totals per currency), or FAILED with
 * the run's error. Without a worker's tick the calendar page is as current as the run.
 */
export async function settleStepsOfRun(tx: Pick<Tx, '$executeRawUnsafe'>, runId: number): Promise<void> {
  await tx.$executeRawUnsafe(
    `UPDATE "BillingCalendarStep" s
        SET "state" = CASE r."status" WHEN 'SUCCEEDED' THEN 'DONE'::"BillingStepState" ELSE 'FAILED'::"BillingStepState" END,
            "finishedAt" = COALESCE(r."finishedAt", now()),
            "error" = CASE WHEN r."status" = 'FAILED' THEN COALESCE(r."error", 'billing run #' || r."id" || ' failed') END,
            "result" = CASE WHEN r."status" = 'SUCCEEDED' THEN jsonb_build_object(
              'runId', r."id", 'accounts', r."doneAccounts", 'invoices', r."invoiceCount", 'failed', r."failedAccounts", 'skipped', r."skippedAccounts",
              'totals', (SELECT COALESCE(jsonb_agg(t ORDER BY t."currency"), '[]'::jsonb) FROM (
                 SELECT i."currency"::text AS "currency", count(*)::int AS "invoices", sum(i."total")::text AS "total"
                   FROM "Invoice" i WHERE i."month" = r."month" AND i."status" = 'DRAFT' GROUP BY i."currency") t)) END
       FROM "BillingRun" r
      WHERE r."id" = $1 AND s."runId" = r."id" AND s."state" = 'RUNNING' AND r."status" <> 'RUNNING'`,
    runId,
  );
}
