-- Usage in, invoices out (issue 5): billing-run counters, frozen usage of billed months, API keys.
-- Violations raise check_violation (23514) with a message naming the rule.

-- AlterTable
ALTER TABLE "BillingRun" ADD COLUMN "skippedAccounts" INTEGER NOT NULL DEFAULT 0;

ALTER TABLE "BillingRun" ADD CONSTRAINT "BillingRun_counters"
  CHECK ("totalAccounts" >= 0 AND "doneAccounts" >= 0 AND "failedAccounts" >= 0
     AND "skippedAccounts" >= 0 AND "invoiceCount" >= 0
     AND "failedAccounts" + "skippedAccounts" <= "doneAccounts"
     AND "invoiceCount" <= "doneAccounts");
ALTER TABLE "BillingRun" ADD CONSTRAINT "BillingRun_finished"
  CHECK (("status" = 'RUNNING') = ("finishedAt" IS NULL));

-- Usage of a month whose invoice is issued or paid is frozen: a correction needs a void and a
-- new invoice. Statement-level, so a 10,000-row batch is checked in one join, not row by row.
CREATE FUNCTION "usage_billed_month_guard"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  hit record;
BEGIN
  IF TG_OP = 'UPDATE' THEN
    SELECT r."sdkAppId", to_char(r."date", 'YYYY-MM') AS "month", i."number", i."status"::text AS "status" INTO hit
      FROM (SELECT "sdkAppId", "date" FROM changed_rows UNION SELECT "sdkAppId", "date" FROM old_rows) r
      JOIN "App" p ON p."sdkAppId" = r."sdkAppId"
      JOIN "Invoice" i ON i."accountId" = p."accountId" AND i."month" = to_char(r."date", 'YYYY-MM')
     WHERE i."status" IN ('ISSUED', 'PAID')
     LIMIT 1;
  ELSE
    SELECT r."sdkAppId", to_char(r."date", 'YYYY-MM') AS "month", i."number", i."status"::text AS "status" INTO hit
      FROM changed_rows r
      JOIN "App" p ON p."sdkAppId" = r."sdkAppId"
      JOIN "Invoice" i ON i."accountId" = p."accountId" AND i."month" = to_char(r."date", 'YYYY-MM')
     WHERE i."status" IN ('ISSUED', 'PAID')
     LIMIT 1;
  END IF;
  IF FOUND THEN
    RAISE EXCEPTION 'usage of app % for % is billed on invoice % (%): a correction needs a void and a new invoice',
      hit."sdkAppId", hit."month", hit."number", hit."status"
      USING ERRCODE = 'check_violation';
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER "UsageDaily_billed_month_insert" AFTER INSERT ON "UsageDaily"
  REFERENCING NEW TABLE AS changed_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "usage_billed_month_guard"();
CREATE TRIGGER "UsageDaily_billed_month_update" AFTER UPDATE ON "UsageDaily"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS changed_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "usage_billed_month_guard"();
CREATE TRIGGER "UsageDaily_billed_month_delete" AFTER DELETE ON "UsageDaily"
  REFERENCING OLD TABLE AS changed_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "usage_billed_month_guard"();

-- API keys: only the sha256 of the secret is kept; a revoked key stays revoked.
ALTER TABLE "ApiKey" ADD CONSTRAINT "ApiKey_shape"
  CHECK ("hash" ~ '^[0-9a-f]{64}$' AND length(btrim("name")) > 0 AND length("prefix") >= 8);

CREATE FUNCTION "api_key_guard"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'API keys are revoked, never deleted' USING ERRCODE = 'check_violation';
  END IF;
  IF (NEW."hash", NEW."prefix", NEW."scope", NEW."createdById", NEW."createdAt")
     IS DISTINCT FROM (OLD."hash", OLD."prefix", OLD."scope", OLD."createdById", OLD."createdAt") THEN
    RAISE EXCEPTION 'API key %: its secret, scope and creator can never change', OLD."prefix"
      USING ERRCODE = 'check_violation';
  END IF;
  IF OLD."revokedAt" IS NOT NULL AND NEW."revokedAt" IS DISTINCT FROM OLD."revokedAt" THEN
    RAISE EXCEPTION 'API key % is revoked and stays revoked', OLD."prefix" USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER "ApiKey_guard" BEFORE UPDATE OR DELETE ON "ApiKey"
  FOR EACH ROW EXECUTE FUNCTION "api_key_guard"();

-- Lines of an issued invoice can never change (the invariant of 20261123000100_invariants), now
-- checked once per statement over its transition table instead of once per row: the billing run
-- writes and replaces hundreds of thousands of draft lines, and the row trigger cost ~50 µs each.
DROP TRIGGER "InvoiceLine_guard" ON "InvoiceLine";
DROP FUNCTION "invoice_line_guard"();

CREATE FUNCTION "invoice_line_guard"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  hit record;
BEGIN
  IF TG_OP = 'UPDATE' THEN
    SELECT i."id", i."number", i."status"::text AS "status" INTO hit
      FROM (SELECT "invoiceId" FROM changed_rows UNION SELECT "invoiceId" FROM old_rows) r
      JOIN "Invoice" i ON i."id" = r."invoiceId"
     WHERE i."status" <> 'DRAFT'
     LIMIT 1;
  ELSE
    SELECT i."id", i."number", i."status"::text AS "status" INTO hit
      FROM (SELECT DISTINCT "invoiceId" FROM changed_rows) r
      JOIN "Invoice" i ON i."id" = r."invoiceId"
     WHERE i."status" <> 'DRAFT'
     LIMIT 1;
  END IF;
  IF FOUND THEN
    RAISE EXCEPTION 'invoice % is issued (%): its lines can never change', COALESCE(hit."number", hit."id"::text), hit."status"
      USING ERRCODE = 'check_violation';
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER "InvoiceLine_guard_insert" AFTER INSERT ON "InvoiceLine"
  REFERENCING NEW TABLE AS changed_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "invoice_line_guard"();
CREATE TRIGGER "InvoiceLine_guard_update" AFTER UPDATE ON "InvoiceLine"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS changed_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "invoice_line_guard"();
CREATE TRIGGER "InvoiceLine_guard_delete" AFTER DELETE ON "InvoiceLine"
  REFERENCING OLD TABLE AS changed_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "invoice_line_guard"();
