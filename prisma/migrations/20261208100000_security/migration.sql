-- AlterTable
ALTER TABLE "User" ADD COLUMN     "sessionVersion" INTEGER NOT NULL DEFAULT 0;

-- DropTable
DROP TABLE "SignInFailure";

-- CreateTable
CREATE TABLE "SignInThrottle" (
    "key" TEXT NOT NULL,
    "windowStart" TIMESTAMPTZ(3) NOT NULL,
    "count" INTEGER NOT NULL,

    CONSTRAINT "SignInThrottle_pkey" PRIMARY KEY ("key")
);


-- Sign-in throttling: one call checks every key's count and, only when all are under their
-- limits, counts the attempt on all of them. The rows are locked in key order, so bursts on
-- the same keys queue instead of all reading the same count, and never deadlock. A key's
-- window restarts once it is older than the window. Refused attempts are not counted.
CREATE FUNCTION sign_in_admit(p_keys TEXT[], p_limits INTEGER[], p_window INTERVAL) RETURNS BOOLEAN
LANGUAGE plpgsql AS $$
DECLARE
  over_limit BOOLEAN;
BEGIN
  INSERT INTO "SignInThrottle" ("key", "windowStart", "count")
    SELECT k, now(), 0 FROM unnest(p_keys) AS k ORDER BY k
    ON CONFLICT ("key") DO NOTHING;
  PERFORM 1 FROM "SignInThrottle" WHERE "key" = ANY (p_keys) ORDER BY "key" FOR UPDATE;
  UPDATE "SignInThrottle" SET "windowStart" = now(), "count" = 0
    WHERE "key" = ANY (p_keys) AND "windowStart" <= now() - p_window;
  SELECT bool_or(t."count" >= l.lim) INTO over_limit
    FROM unnest(p_keys, p_limits) AS l(k, lim) JOIN "SignInThrottle" t ON t."key" = l.k;
  IF over_limit THEN
    RETURN FALSE;
  END IF;
  UPDATE "SignInThrottle" SET "count" = "count" + 1 WHERE "key" = ANY (p_keys);
  RETURN TRUE;
END
$$;

-- Every session carries the user's session version; changing what a session vouches for (the
-- password, the role, the customer's account, the email) ends all of them, whoever changes it.
CREATE FUNCTION user_session_version() RETURNS TRIGGER
LANGUAGE plpgsql AS $$
BEGIN
  IF NEW."passwordHash" IS DISTINCT FROM OLD."passwordHash"
     OR NEW."role" IS DISTINCT FROM OLD."role"
     OR NEW."accountId" IS DISTINCT FROM OLD."accountId"
     OR NEW."email" IS DISTINCT FROM OLD."email" THEN
    NEW."sessionVersion" := GREATEST(NEW."sessionVersion", OLD."sessionVersion" + 1);
  END IF;
  RETURN NEW;
END
$$;

CREATE TRIGGER "User_session_version" BEFORE UPDATE ON "User"
  FOR EACH ROW EXECUTE FUNCTION user_session_version();

-- Money tables refuse TRUNCATE (which skips every row trigger that keeps them append-only),
-- for the owner too, except inside the seed's explicit reset, which sets this transaction-local
-- setting first (lib/db/truncate.ts: TRUNCATE_SETTING).
CREATE FUNCTION refuse_truncate() RETURNS TRIGGER
LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('im_billing.allow_truncate', TRUE) IS DISTINCT FROM 'on' THEN
    RAISE EXCEPTION 'TRUNCATE of "%" is refused: billing records are kept; only the seed''s --reset empties them', TG_TABLE_NAME
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER "Invoice_no_truncate" BEFORE TRUNCATE ON "Invoice" FOR EACH STATEMENT EXECUTE FUNCTION refuse_truncate();
CREATE TRIGGER "InvoiceLine_no_truncate" BEFORE TRUNCATE ON "InvoiceLine" FOR EACH STATEMENT EXECUTE FUNCTION refuse_truncate();
CREATE TRIGGER "InvoiceNumberCounter_no_truncate" BEFORE TRUNCATE ON "InvoiceNumberCounter" FOR EACH STATEMENT EXECUTE FUNCTION refuse_truncate();
CREATE TRIGGER "UsageDaily_no_truncate" BEFORE TRUNCATE ON "UsageDaily" FOR EACH STATEMENT EXECUTE FUNCTION refuse_truncate();
CREATE TRIGGER "PlanEvent_no_truncate" BEFORE TRUNCATE ON "PlanEvent" FOR EACH STATEMENT EXECUTE FUNCTION refuse_truncate();
CREATE TRIGGER "TrialGrant_no_truncate" BEFORE TRUNCATE ON "TrialGrant" FOR EACH STATEMENT EXECUTE FUNCTION refuse_truncate();
CREATE TRIGGER "PriceBook_no_truncate" BEFORE TRUNCATE ON "PriceBook" FOR EACH STATEMENT EXECUTE FUNCTION refuse_truncate();
CREATE TRIGGER "PriceBookPrice_no_truncate" BEFORE TRUNCATE ON "PriceBookPrice" FOR EACH STATEMENT EXECUTE FUNCTION refuse_truncate();
CREATE TRIGGER "BillingRun_no_truncate" BEFORE TRUNCATE ON "BillingRun" FOR EACH STATEMENT EXECUTE FUNCTION refuse_truncate();
CREATE TRIGGER "MigrationTicket_no_truncate" BEFORE TRUNCATE ON "MigrationTicket" FOR EACH STATEMENT EXECUTE FUNCTION refuse_truncate();
CREATE TRIGGER "AuditLog_no_truncate" BEFORE TRUNCATE ON "AuditLog" FOR EACH STATEMENT EXECUTE FUNCTION refuse_truncate();
