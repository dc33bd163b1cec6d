-- The billing run writes a month's invoices and their lines in bulk (some 140,000 lines for
-- 100,000 apps); what each row costs to write is kept to what the rules need.

-- Lines are keyed by their invoice and place: the surrogate id (a sequence call and an index
-- per line) served nothing. Nothing reads lines by app, and apps are never deleted, so the
-- sdkAppId index had no reader but the foreign key's delete check.
DROP INDEX "InvoiceLine_sdkAppId_idx";

DROP INDEX "InvoiceLine_invoiceId_position_key";

ALTER TABLE "InvoiceLine" DROP CONSTRAINT "InvoiceLine_pkey",
DROP COLUMN "id",
ADD CONSTRAINT "InvoiceLine_pkey" PRIMARY KEY ("invoiceId", "position");

-- New invoices are checked once per statement (as their lines already are) rather than by a
-- PL/pgSQL call per row: created as DRAFT, and a correction names a VOID invoice of the same
-- account and month. Updates and deletes keep the row trigger (each compares OLD with NEW).
CREATE FUNCTION "invoice_insert_guard"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM new_rows n WHERE n."status" <> 'DRAFT') THEN
    RAISE EXCEPTION 'an invoice is created as a DRAFT' USING ERRCODE = 'check_violation';
  END IF;
  IF EXISTS (
      SELECT 1 FROM new_rows n
       WHERE n."replacesId" IS NOT NULL AND NOT EXISTS (
         SELECT 1 FROM "Invoice" v WHERE v."id" = n."replacesId" AND v."status" = 'VOID'
            AND v."accountId" = n."accountId" AND v."month" = n."month")) THEN
    RAISE EXCEPTION 'a correction must name a VOID invoice of the same account and month'
      USING ERRCODE = 'check_violation';
  END IF;
  RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION "invoice_guard"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    IF OLD."status" <> 'DRAFT' THEN
      RAISE EXCEPTION 'invoice % is %: only drafts can be deleted', OLD."id", OLD."status"
        USING ERRCODE = 'check_violation';
    END IF;
    RETURN OLD;
  END IF;
  IF OLD."status" = 'DRAFT' THEN
    IF NEW."status" NOT IN ('DRAFT', 'ISSUED') THEN
      RAISE EXCEPTION 'a draft invoice can only be issued' USING ERRCODE = 'check_violation';
    END IF;
    IF NEW."status" = 'ISSUED' AND NEW."total" <> (
        SELECT COALESCE(SUM(l."amount"), 0) FROM "InvoiceLine" l WHERE l."invoiceId" = NEW."id") THEN
      RAISE EXCEPTION 'invoice % total % is not the sum of its lines', NEW."id", NEW."total"
        USING ERRCODE = 'check_violation';
    END IF;
    RETURN NEW;
  END IF;
  IF (NEW."accountId", NEW."month", NEW."scheme", NEW."currency", NEW."number", NEW."total",
      NEW."billingRunId", NEW."replacesId", NEW."createdAt", NEW."issuedAt")
     IS DISTINCT FROM
     (OLD."accountId", OLD."month", OLD."scheme", OLD."currency", OLD."number", OLD."total",
      OLD."billingRunId", OLD."replacesId", OLD."createdAt", OLD."issuedAt") THEN
    RAISE EXCEPTION 'invoice % is %: its number, amounts and lines can never change', OLD."number", OLD."status"
      USING ERRCODE = 'check_violation';
  END IF;
  IF NOT ((OLD."status" = NEW."status" AND OLD."paidAt" IS NOT DISTINCT FROM NEW."paidAt"
           AND OLD."voidedAt" IS NOT DISTINCT FROM NEW."voidedAt"
           AND OLD."voidReason" IS NOT DISTINCT FROM NEW."voidReason")
       OR (OLD."status" = 'ISSUED' AND NEW."status" = 'PAID' AND NEW."voidedAt" IS NULL)
       OR (OLD."status" = 'ISSUED' AND NEW."status" = 'VOID' AND NEW."paidAt" IS NULL)
       OR (OLD."status" = 'PAID' AND NEW."status" = 'VOID' AND NEW."paidAt" = OLD."paidAt")) THEN
    RAISE EXCEPTION 'invoice %: % -> % is not allowed', OLD."number", OLD."status", NEW."status"
      USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END $$;

DROP TRIGGER "Invoice_guard" ON "Invoice";

CREATE TRIGGER "Invoice_guard" BEFORE UPDATE OR DELETE ON "Invoice"
  FOR EACH ROW EXECUTE FUNCTION "invoice_guard"();

CREATE TRIGGER "Invoice_guard_insert" AFTER INSERT ON "Invoice" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "invoice_insert_guard"();
