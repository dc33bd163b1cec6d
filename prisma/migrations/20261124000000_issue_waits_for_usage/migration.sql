-- Issuing a draft waits for usage writes in flight, so that no usage row is ever committed for
-- a month after its invoice is issued (issue 5). Before, an ingestion that had passed the
-- billed-month check while the draft was still a DRAFT could commit after the issue.
-- The function is restated whole (a migration replaces a PL/pgSQL function as a whole); only
-- the DRAFT -> ISSUED branch changes.

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
    IF NEW."status" = 'ISSUED' THEN
      IF NEW."total" <> (SELECT COALESCE(SUM(l."amount"), 0) FROM "InvoiceLine" l WHERE l."invoiceId" = NEW."id") THEN
        RAISE EXCEPTION 'invoice % total % is not the sum of its lines', NEW."id", NEW."total"
          USING ERRCODE = 'check_violation';
      END IF;
      -- Usage being written now may be for this month: wait until it commits (its rows then
      -- precede the issue), and make usage written from now on wait for this issue to commit,
      -- then meet "UsageDaily_billed_month_*" refusing it. SHARE conflicts only with writers.
      LOCK TABLE "UsageDaily" IN SHARE MODE;
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
