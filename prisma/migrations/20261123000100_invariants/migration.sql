-- Invariants the database keeps on its own, so that concurrent requests and buggy code
-- cannot break them (DOMAIN.md sections 2, 6, 7, 8). Prisma's schema cannot express these.
-- Violations raise check_violation (23514) with a message naming the rule.

-- Identities and shapes ------------------------------------------------------------------

ALTER TABLE "App" ADD CONSTRAINT "App_sdkAppId_10_digits"
  CHECK ("sdkAppId" BETWEEN 1000000000 AND 9999999999);

ALTER TABLE "User" ADD CONSTRAINT "User_customer_has_account"
  CHECK (("role" = 'CUSTOMER') = ("accountId" IS NOT NULL));

-- A legacy account created an app before the legacy scheme closed (2022-12-26, Asia/Shanghai);
-- an account created after it can never be LEGACY.
ALTER TABLE "Account" ADD CONSTRAINT "Account_scheme_currency"
  CHECK (("scheme" = 'LEGACY' AND "currency" = 'CNY' AND "currentFrom" IS NULL
          AND "createdAt" < TIMESTAMPTZ '2022-12-26 00:00:00+08')
      OR ("scheme" = 'CURRENT' AND "currency" = 'USD' AND "currentFrom" IS NOT NULL));

ALTER TABLE "UsageDaily" ADD CONSTRAINT "UsageDaily_non_negative"
  CHECK (COALESCE("dau", 0) >= 0 AND COALESCE("peakGroups", 0) >= 0 AND COALESCE("mau", 0) >= 0
     AND COALESCE("pcc", 0) >= 0 AND COALESCE("barrageDomesticMbps", 0) >= 0
     AND COALESCE("barrageIntlMbps", 0) >= 0);

ALTER TABLE "PlanEvent" ADD CONSTRAINT "PlanEvent_shape"
  CHECK (("type" = 'EDITION' AND "edition" IS NOT NULL AND "addon" IS NULL AND "action" IS NULL
          AND "retentionDays" IS NULL)
      OR ("type" = 'ADDON' AND "edition" IS NULL AND "addon" IS NOT NULL AND "action" IS NOT NULL
          AND (("addon" = 'HISTORY_RETENTION' AND "action" = 'START') = ("retentionDays" IS NOT NULL))
          AND ("retentionDays" IS NULL OR "retentionDays" IN (30, 90, 180, 360))));

ALTER TABLE "TrialGrant" ADD CONSTRAINT "TrialGrant_quota"
  CHECK ("grantNo" BETWEEN 1 AND 2 AND "accountGrantNo" BETWEEN 1 AND 10
     AND "endOn" = "startOn" + 59);

ALTER TABLE "PriceBook" ADD CONSTRAINT "PriceBook_currency"
  CHECK (("scheme" = 'LEGACY' AND "currency" = 'CNY') OR ("scheme" = 'CURRENT' AND "currency" = 'USD'));
ALTER TABLE "PriceBook" ADD CONSTRAINT "PriceBook_version_positive" CHECK ("version" >= 1);
ALTER TABLE "PriceBookPrice" ADD CONSTRAINT "PriceBookPrice_non_negative" CHECK ("amount" >= 0);

ALTER TABLE "BillingRun" ADD CONSTRAINT "BillingRun_month_format"
  CHECK ("month" ~ '^[0-9]{4}-(0[1-9]|1[0-2])$');
ALTER TABLE "Invoice" ADD CONSTRAINT "Invoice_month_format"
  CHECK ("month" ~ '^[0-9]{4}-(0[1-9]|1[0-2])$');
ALTER TABLE "Invoice" ADD CONSTRAINT "Invoice_currency"
  CHECK (("scheme" = 'LEGACY' AND "currency" = 'CNY') OR ("scheme" = 'CURRENT' AND "currency" = 'USD'));
ALTER TABLE "Invoice" ADD CONSTRAINT "Invoice_status_fields"
  CHECK ((("status" = 'DRAFT') = ("number" IS NULL AND "issuedAt" IS NULL))
     AND ("number" IS NULL OR "number" ~ '^INV-[0-9]{4}-[0-9]{6}$')
     AND (("status" = 'PAID') = ("paidAt" IS NOT NULL) OR ("status" = 'VOID' AND "paidAt" IS NOT NULL))
     AND (("status" = 'VOID') = ("voidedAt" IS NOT NULL AND "voidReason" IS NOT NULL
                                  AND length(btrim("voidReason")) > 0)));
ALTER TABLE "InvoiceLine" ADD CONSTRAINT "InvoiceLine_sign"
  CHECK ((("code" IN ('PACKAGE_CREDIT', 'ADDON_CREDIT')) AND "amount" < 0)
      OR (("code" NOT IN ('PACKAGE_CREDIT', 'ADDON_CREDIT')) AND "amount" >= 0));
ALTER TABLE "InvoiceLine" ADD CONSTRAINT "InvoiceLine_dates" CHECK ("fromDate" <= "toDate");

-- One invoice per account and month, the void ones (kept for the record) aside.
CREATE UNIQUE INDEX "Invoice_one_per_account_month" ON "Invoice" ("accountId", "month")
  WHERE "status" <> 'VOID';

-- Two runs for one month cannot run at once.
CREATE UNIQUE INDEX "BillingRun_one_running_per_month" ON "BillingRun" ("month")
  WHERE "status" = 'RUNNING';

-- Migration: at most one executed ticket per account, ever; at most one open one.
CREATE UNIQUE INDEX "MigrationTicket_one_executed" ON "MigrationTicket" ("accountId")
  WHERE "status" = 'EXECUTED';
CREATE UNIQUE INDEX "MigrationTicket_one_active" ON "MigrationTicket" ("accountId")
  WHERE "status" IN ('OPEN', 'PREVIEWED');
ALTER TABLE "MigrationTicket" ADD CONSTRAINT "MigrationTicket_executed_fields"
  CHECK (("status" = 'EXECUTED') = ("executedOn" IS NOT NULL AND "effectiveOn" IS NOT NULL
                                     AND "executedAt" IS NOT NULL AND "editions" IS NOT NULL)
     AND ("effectiveOn" IS NULL OR ("effectiveOn" > "executedOn"
          AND "effectiveOn" = date_trunc('month', "executedOn") + INTERVAL '1 month'))
     AND ("status" <> 'REJECTED' OR "rejectedReason" IS NOT NULL)
     AND "previewMonths" BETWEEN 1 AND 12);

-- Append-only and immutable tables ---------------------------------------------------------

CREATE FUNCTION "refuse_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% rows are append-only: % is refused', TG_TABLE_NAME, TG_OP
    USING ERRCODE = 'check_violation';
END $$;

CREATE TRIGGER "AuditLog_append_only" BEFORE UPDATE OR DELETE ON "AuditLog"
  FOR EACH ROW EXECUTE FUNCTION "refuse_change"();
CREATE TRIGGER "PlanEvent_append_only" BEFORE UPDATE OR DELETE ON "PlanEvent"
  FOR EACH ROW EXECUTE FUNCTION "refuse_change"();
CREATE TRIGGER "TrialGrant_append_only" BEFORE UPDATE OR DELETE ON "TrialGrant"
  FOR EACH ROW EXECUTE FUNCTION "refuse_change"();
CREATE TRIGGER "PriceBook_append_only" BEFORE UPDATE OR DELETE ON "PriceBook"
  FOR EACH ROW EXECUTE FUNCTION "refuse_change"();
CREATE TRIGGER "PriceBookPrice_append_only" BEFORE UPDATE OR DELETE ON "PriceBookPrice"
  FOR EACH ROW EXECUTE FUNCTION "refuse_change"();

-- Accounts: LEGACY -> CURRENT only through an executed migration; never back ---------------

CREATE FUNCTION "account_scheme_guard"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD."scheme" = 'CURRENT' AND (NEW."scheme" <> 'CURRENT'
      OR NEW."currentFrom" IS DISTINCT FROM OLD."currentFrom") THEN
    RAISE EXCEPTION 'account % is billed under the current scheme; its scheme can never change again', OLD."id"
      USING ERRCODE = 'check_violation';
  END IF;
  IF OLD."scheme" = 'LEGACY' AND NEW."scheme" = 'CURRENT' AND NOT EXISTS (
      SELECT 1 FROM "MigrationTicket" t
       WHERE t."accountId" = NEW."id" AND t."status" = 'EXECUTED'
         AND t."effectiveOn" = NEW."currentFrom") THEN
    RAISE EXCEPTION 'account % can move to the current scheme only through an executed migration ticket', OLD."id"
      USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER "Account_scheme_guard" BEFORE UPDATE OF "scheme", "currentFrom" ON "Account"
  FOR EACH ROW EXECUTE FUNCTION "account_scheme_guard"();

CREATE FUNCTION "migration_ticket_guard"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    IF NEW."status" NOT IN ('OPEN') OR NOT EXISTS (
        SELECT 1 FROM "Account" a WHERE a."id" = NEW."accountId" AND a."scheme" = 'LEGACY') THEN
      RAISE EXCEPTION 'a migration ticket can be opened only for a LEGACY account'
        USING ERRCODE = 'check_violation';
    END IF;
    RETURN NEW;
  END IF;
  IF OLD."status" IN ('EXECUTED', 'REJECTED') THEN
    RAISE EXCEPTION 'migration ticket % is % and can never change', OLD."id", OLD."status"
      USING ERRCODE = 'check_violation';
  END IF;
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'migration tickets are never deleted' USING ERRCODE = 'check_violation';
  END IF;
  IF NEW."status" = 'EXECUTED' AND OLD."status" <> 'PREVIEWED' THEN
    RAISE EXCEPTION 'migration ticket % must be previewed before it is executed', OLD."id"
      USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER "MigrationTicket_guard" BEFORE INSERT OR UPDATE OR DELETE ON "MigrationTicket"
  FOR EACH ROW EXECUTE FUNCTION "migration_ticket_guard"();

-- Plan events follow the account's scheme: legacy editions and add-ons only on a legacy
-- account that has not been migrated; current editions on current accounts, and on migrated
-- ones only from the day the migration takes effect.
CREATE FUNCTION "plan_event_scheme_guard"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  acc_scheme "Scheme";
  effective date;
  legacy_event boolean := NEW."type" = 'ADDON' OR NEW."edition" IN ('TRIAL', 'PROFESSIONAL', 'FLAGSHIP');
BEGIN
  SELECT a."scheme", t."effectiveOn" INTO acc_scheme, effective
    FROM "App" p JOIN "Account" a ON a."id" = p."accountId"
    LEFT JOIN "MigrationTicket" t ON t."accountId" = a."id" AND t."status" = 'EXECUTED'
   WHERE p."sdkAppId" = NEW."sdkAppId";
  IF effective IS NOT NULL THEN
    IF legacy_event THEN
      RAISE EXCEPTION 'app % belongs to a migrated account: no legacy edition or add-on after the migration', NEW."sdkAppId"
        USING ERRCODE = 'check_violation';
    END IF;
    IF NEW."date" < effective THEN
      RAISE EXCEPTION 'app % moves to the current scheme on %: a current edition cannot start before it', NEW."sdkAppId", effective
        USING ERRCODE = 'check_violation';
    END IF;
  ELSIF acc_scheme = 'CURRENT' AND legacy_event THEN
    RAISE EXCEPTION 'app % belongs to a current-scheme account: legacy editions and add-ons are refused', NEW."sdkAppId"
      USING ERRCODE = 'check_violation';
  ELSIF acc_scheme = 'LEGACY' AND NOT legacy_event THEN
    RAISE EXCEPTION 'app % belongs to a legacy account: current editions need a migration first', NEW."sdkAppId"
      USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER "PlanEvent_scheme_guard" BEFORE INSERT ON "PlanEvent"
  FOR EACH ROW EXECUTE FUNCTION "plan_event_scheme_guard"();

-- Audio/video call trials: the grant numbers carry the quotas (unique + CHECK above); this
-- keeps the numbering honest and one grant at a time per app.
CREATE FUNCTION "trial_grant_guard"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  prev_end date;
BEGIN
  IF NOT EXISTS (SELECT 1 FROM "App" p WHERE p."sdkAppId" = NEW."sdkAppId" AND p."accountId" = NEW."accountId") THEN
    RAISE EXCEPTION 'trial grant: app % does not belong to account %', NEW."sdkAppId", NEW."accountId"
      USING ERRCODE = 'check_violation';
  END IF;
  IF NEW."grantNo" > 1 THEN
    SELECT g."endOn" INTO prev_end FROM "TrialGrant" g
     WHERE g."sdkAppId" = NEW."sdkAppId" AND g."grantNo" = NEW."grantNo" - 1;
    IF prev_end IS NULL OR prev_end >= NEW."startOn" THEN
      RAISE EXCEPTION 'app % already holds an audio/video call trial until %: one at a time', NEW."sdkAppId", prev_end
        USING ERRCODE = 'check_violation';
    END IF;
  END IF;
  IF NEW."accountGrantNo" > 1 AND NOT EXISTS (
      SELECT 1 FROM "TrialGrant" g WHERE g."accountId" = NEW."accountId" AND g."accountGrantNo" = NEW."accountGrantNo" - 1) THEN
    RAISE EXCEPTION 'trial grant numbers of account % must have no gaps', NEW."accountId"
      USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER "TrialGrant_guard" BEFORE INSERT ON "TrialGrant"
  FOR EACH ROW EXECUTE FUNCTION "trial_grant_guard"();

-- Invoices: drafts are free; issued ones never change again except PAID / VOID ------------

CREATE FUNCTION "invoice_guard"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    IF OLD."status" <> 'DRAFT' THEN
      RAISE EXCEPTION 'invoice % is %: only drafts can be deleted', OLD."id", OLD."status"
        USING ERRCODE = 'check_violation';
    END IF;
    RETURN OLD;
  END IF;
  IF TG_OP = 'INSERT' THEN
    IF NEW."status" <> 'DRAFT' THEN
      RAISE EXCEPTION 'an invoice is created as a DRAFT' USING ERRCODE = 'check_violation';
    END IF;
    IF NEW."replacesId" IS NOT NULL AND NOT EXISTS (
        SELECT 1 FROM "Invoice" v WHERE v."id" = NEW."replacesId" AND v."status" = 'VOID'
           AND v."accountId" = NEW."accountId" AND v."month" = NEW."month") THEN
      RAISE EXCEPTION 'a correction must name a VOID invoice of the same account and month'
        USING ERRCODE = 'check_violation';
    END IF;
    RETURN NEW;
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
CREATE TRIGGER "Invoice_guard" BEFORE INSERT OR UPDATE OR DELETE ON "Invoice"
  FOR EACH ROW EXECUTE FUNCTION "invoice_guard"();

CREATE FUNCTION "invoice_line_guard"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  inv_id integer := CASE WHEN TG_OP = 'DELETE' THEN OLD."invoiceId" ELSE NEW."invoiceId" END;
BEGIN
  IF EXISTS (SELECT 1 FROM "Invoice" i WHERE i."id" = inv_id AND i."status" <> 'DRAFT')
     OR (TG_OP = 'UPDATE' AND EXISTS (
        SELECT 1 FROM "Invoice" i WHERE i."id" = OLD."invoiceId" AND i."status" <> 'DRAFT')) THEN
    RAISE EXCEPTION 'invoice % is issued: its lines can never change', inv_id
      USING ERRCODE = 'check_violation';
  END IF;
  RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END $$;
CREATE TRIGGER "InvoiceLine_guard" BEFORE INSERT OR UPDATE OR DELETE ON "InvoiceLine"
  FOR EACH ROW EXECUTE FUNCTION "invoice_line_guard"();
