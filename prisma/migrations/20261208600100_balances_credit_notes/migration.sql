-- Balances, payments and credit notes (DOMAIN.md section 12; issue 17). Prisma's diff first, then the
-- rules PostgreSQL keeps whatever the code does: append-only ledger, a balance never below zero
-- (per-(account, currency) row locked by the entry trigger), invoice amounts that follow the
-- ledger and the credit notes, no over-crediting, immutable credit notes, no void after money.

-- CreateEnum
CREATE TYPE "BalanceEntryKind" AS ENUM ('TOP_UP', 'DEDUCTION', 'CREDIT', 'REFUND', 'ADJUSTMENT');

-- CreateEnum
CREATE TYPE "CreditNoteReason" AS ENUM ('DUPLICATE', 'WRONG_USAGE', 'SERVICE_ISSUE', 'GOODWILL', 'OTHER');

-- CreateEnum
CREATE TYPE "CreditRemainder" AS ENUM ('CREDIT', 'REFUND');


-- AlterTable
ALTER TABLE "Invoice" ADD COLUMN     "amountDue" DECIMAL(18,2) NOT NULL DEFAULT 0,
ADD COLUMN     "creditedAmount" DECIMAL(18,2) NOT NULL DEFAULT 0,
ADD COLUMN     "dueDate" DATE,
ADD COLUMN     "paidAmount" DECIMAL(18,2) NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "AccountBalance" (
    "accountId" INTEGER NOT NULL,
    "currency" "Currency" NOT NULL,
    "balance" DECIMAL(18,2) NOT NULL DEFAULT 0,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AccountBalance_pkey" PRIMARY KEY ("accountId","currency")
);

-- CreateTable
CREATE TABLE "BalanceEntry" (
    "id" BIGSERIAL NOT NULL,
    "accountId" INTEGER NOT NULL,
    "currency" "Currency" NOT NULL,
    "kind" "BalanceEntryKind" NOT NULL,
    "amount" DECIMAL(18,2) NOT NULL,
    "balanceAfter" DECIMAL(18,2) NOT NULL,
    "invoiceId" INTEGER,
    "creditNoteId" INTEGER,
    "reference" TEXT,
    "reason" TEXT,
    "actorId" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "BalanceEntry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CreditNote" (
    "id" SERIAL NOT NULL,
    "number" TEXT NOT NULL,
    "invoiceId" INTEGER NOT NULL,
    "accountId" INTEGER NOT NULL,
    "currency" "Currency" NOT NULL,
    "reason" "CreditNoteReason" NOT NULL,
    "text" TEXT NOT NULL,
    "wholeInvoice" BOOLEAN NOT NULL DEFAULT false,
    "total" DECIMAL(18,2) NOT NULL,
    "appliedToDue" DECIMAL(18,2) NOT NULL,
    "remainder" DECIMAL(18,2) NOT NULL,
    "remainderTo" "CreditRemainder" NOT NULL,
    "actorId" UUID,
    "issuedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CreditNote_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CreditNoteLine" (
    "creditNoteId" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,
    "amount" DECIMAL(18,2) NOT NULL,

    CONSTRAINT "CreditNoteLine_pkey" PRIMARY KEY ("creditNoteId","position")
);

-- CreateTable
CREATE TABLE "CreditNoteNumberCounter" (
    "year" INTEGER NOT NULL,
    "last" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "CreditNoteNumberCounter_pkey" PRIMARY KEY ("year")
);

-- CreateIndex
CREATE INDEX "BalanceEntry_accountId_currency_id_idx" ON "BalanceEntry"("accountId", "currency", "id");

-- CreateIndex
CREATE INDEX "BalanceEntry_invoiceId_idx" ON "BalanceEntry"("invoiceId");

-- CreateIndex
CREATE INDEX "BalanceEntry_creditNoteId_idx" ON "BalanceEntry"("creditNoteId");

-- CreateIndex
CREATE UNIQUE INDEX "CreditNote_number_key" ON "CreditNote"("number");

-- CreateIndex
CREATE INDEX "CreditNote_invoiceId_idx" ON "CreditNote"("invoiceId");

-- CreateIndex
CREATE INDEX "CreditNote_accountId_issuedAt_idx" ON "CreditNote"("accountId", "issuedAt");

-- AddForeignKey
ALTER TABLE "AccountBalance" ADD CONSTRAINT "AccountBalance_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BalanceEntry" ADD CONSTRAINT "BalanceEntry_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BalanceEntry" ADD CONSTRAINT "BalanceEntry_invoiceId_fkey" FOREIGN KEY ("invoiceId") REFERENCES "Invoice"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BalanceEntry" ADD CONSTRAINT "BalanceEntry_creditNoteId_fkey" FOREIGN KEY ("creditNoteId") REFERENCES "CreditNote"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BalanceEntry" ADD CONSTRAINT "BalanceEntry_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CreditNote" ADD CONSTRAINT "CreditNote_invoiceId_fkey" FOREIGN KEY ("invoiceId") REFERENCES "Invoice"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CreditNote" ADD CONSTRAINT "CreditNote_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CreditNote" ADD CONSTRAINT "CreditNote_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CreditNoteLine" ADD CONSTRAINT "CreditNoteLine_creditNoteId_fkey" FOREIGN KEY ("creditNoteId") REFERENCES "CreditNote"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- Existing invoices ------------------------------------------------------------------------
-- Issued ones get the default due date (issue day in the billing calendar + 15) and their
-- amount due; invoices marked paid before balances existed get, below, a TOP_UP of their total
-- and its DEDUCTION, so that every paid amount is in the ledger and balances stay zero.
UPDATE "Invoice"
   SET "dueDate" = (("issuedAt" AT TIME ZONE 'UTC') + interval '8 hours')::date + 15,
       "amountDue" = CASE WHEN "status" = 'ISSUED' THEN GREATEST("total", 0) ELSE 0 END,
       "paidAmount" = CASE WHEN "status" = 'PAID' THEN GREATEST("total", 0) ELSE 0 END
 WHERE "status" <> 'DRAFT';

-- Shapes -----------------------------------------------------------------------------------
ALTER TABLE "AccountBalance" ADD CONSTRAINT "AccountBalance_not_negative" CHECK ("balance" >= 0);

ALTER TABLE "BalanceEntry" ADD CONSTRAINT "BalanceEntry_shape" CHECK (
  "amount" <> 0 AND "balanceAfter" >= 0
  AND ("reference" IS NULL OR length(btrim("reference")) > 0)
  AND ("reason" IS NULL OR length(btrim("reason")) > 0)
  AND CASE "kind"
    WHEN 'TOP_UP' THEN "amount" > 0 AND "reference" IS NOT NULL AND "invoiceId" IS NULL AND "creditNoteId" IS NULL
    WHEN 'DEDUCTION' THEN "amount" < 0 AND "invoiceId" IS NOT NULL AND "creditNoteId" IS NULL
    WHEN 'CREDIT' THEN "amount" > 0 AND "creditNoteId" IS NOT NULL AND "invoiceId" IS NULL
    WHEN 'REFUND' THEN "amount" < 0 AND "invoiceId" IS NULL AND ("creditNoteId" IS NOT NULL OR "reference" IS NOT NULL)
    WHEN 'ADJUSTMENT' THEN "reason" IS NOT NULL AND "invoiceId" IS NULL AND "creditNoteId" IS NULL
  END);

ALTER TABLE "Invoice" ADD CONSTRAINT "Invoice_settlement" CHECK (
  "paidAmount" >= 0 AND "creditedAmount" >= 0 AND "amountDue" >= 0
  AND "creditedAmount" <= GREATEST("total", 0)
  AND "paidAmount" + "amountDue" <= GREATEST("total", 0)
  AND (("status" = 'DRAFT') = ("dueDate" IS NULL))
  AND ("status" <> 'DRAFT' OR ("paidAmount" = 0 AND "creditedAmount" = 0 AND "amountDue" = 0)));

ALTER TABLE "CreditNote" ADD CONSTRAINT "CreditNote_shape" CHECK (
  "number" ~ '^CN-[0-9]{4}-[0-9]{6}$' AND "total" > 0 AND "appliedToDue" >= 0 AND "remainder" >= 0
  AND "appliedToDue" + "remainder" = "total" AND length(btrim("text")) > 0);
ALTER TABLE "CreditNoteLine" ADD CONSTRAINT "CreditNoteLine_positive" CHECK ("amount" > 0 AND "position" > 0);

-- The ledger -------------------------------------------------------------------------------
-- Every entry moves the (account, currency) balance row under its lock: concurrent entries of
-- one balance queue there, and the balance after each is known and never below zero.
CREATE FUNCTION "balance_entry_apply"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  inv record;
  note record;
  current_balance numeric;
BEGIN
  IF NOT EXISTS (SELECT 1 FROM "Account" a WHERE a."id" = NEW."accountId" AND a."currency" = NEW."currency")
     AND NOT EXISTS (SELECT 1 FROM "Invoice" i WHERE i."accountId" = NEW."accountId" AND i."currency" = NEW."currency") THEN
    RAISE EXCEPTION 'account % is not billed in %: its balance has no % side', NEW."accountId", NEW."currency", NEW."currency"
      USING ERRCODE = 'check_violation';
  END IF;
  IF NEW."invoiceId" IS NOT NULL THEN
    SELECT i."accountId", i."currency", i."status"::text AS "status", i."number" INTO inv FROM "Invoice" i WHERE i."id" = NEW."invoiceId";
    IF inv."accountId" <> NEW."accountId" OR inv."currency" <> NEW."currency" THEN
      RAISE EXCEPTION 'a deduction pays an invoice of its own account and currency (invoice %)', NEW."invoiceId"
        USING ERRCODE = 'check_violation';
    END IF;
    IF inv."status" IN ('DRAFT', 'VOID') THEN
      RAISE EXCEPTION 'invoice % is %: only an issued invoice can be paid', COALESCE(inv."number", NEW."invoiceId"::text), inv."status"
        USING ERRCODE = 'check_violation';
    END IF;
  END IF;
  IF NEW."creditNoteId" IS NOT NULL THEN
    SELECT c."accountId", c."currency" INTO note FROM "CreditNote" c WHERE c."id" = NEW."creditNoteId";
    IF note."accountId" <> NEW."accountId" OR note."currency" <> NEW."currency" THEN
      RAISE EXCEPTION 'a credit note''s entry goes to its own account and currency (credit note %)', NEW."creditNoteId"
        USING ERRCODE = 'check_violation';
    END IF;
  END IF;
  INSERT INTO "AccountBalance" ("accountId", "currency", "balance") VALUES (NEW."accountId", NEW."currency", 0)
    ON CONFLICT ("accountId", "currency") DO NOTHING;
  SELECT b."balance" INTO current_balance FROM "AccountBalance" b
   WHERE b."accountId" = NEW."accountId" AND b."currency" = NEW."currency" FOR UPDATE;
  IF current_balance + NEW."amount" < 0 THEN
    RAISE EXCEPTION 'the % balance of account % is %: a % of % would take it below zero',
      NEW."currency", NEW."accountId", current_balance, NEW."kind", NEW."amount"
      USING ERRCODE = 'IB040', DETAIL = json_build_object('currency', (NEW."currency")::text, 'accountId', (NEW."accountId")::text, 'balance', (current_balance)::text, 'kind', (NEW."kind")::text, 'amount', (NEW."amount")::text)::text;
  END IF;
  UPDATE "AccountBalance" SET "balance" = current_balance + NEW."amount", "updatedAt" = now()
   WHERE "accountId" = NEW."accountId" AND "currency" = NEW."currency";
  NEW."balanceAfter" := current_balance + NEW."amount";
  RETURN NEW;
END $$;

CREATE TRIGGER "BalanceEntry_apply" BEFORE INSERT ON "BalanceEntry"
  FOR EACH ROW EXECUTE FUNCTION "balance_entry_apply"();

-- A deduction makes its invoice recompute its amounts (invoice_guard).
CREATE FUNCTION "balance_entry_settle"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "Invoice" SET "paidAmount" = "paidAmount" WHERE "id" = NEW."invoiceId";
  RETURN NULL;
END $$;

CREATE TRIGGER "BalanceEntry_settle" AFTER INSERT ON "BalanceEntry"
  FOR EACH ROW WHEN (NEW."invoiceId" IS NOT NULL) EXECUTE FUNCTION "balance_entry_settle"();

CREATE FUNCTION "append_only_guard"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% rows are append-only: they can never change or be deleted', TG_TABLE_NAME
    USING ERRCODE = 'IB001', DETAIL = json_build_object('table', (TG_TABLE_NAME)::text, 'op', (TG_OP)::text)::text;
END $$;

CREATE TRIGGER "BalanceEntry_append_only" BEFORE UPDATE OR DELETE ON "BalanceEntry"
  FOR EACH ROW EXECUTE FUNCTION "append_only_guard"();

-- The balance row is written only by balance_entry_apply (one trigger level down).
CREATE FUNCTION "account_balance_guard"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF pg_trigger_depth() < 2 THEN
    RAISE EXCEPTION 'a balance is the sum of its entries: record an entry instead of writing it'
      USING ERRCODE = 'check_violation';
  END IF;
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'a balance is never deleted' USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END $$;

CREATE TRIGGER "AccountBalance_guard" BEFORE INSERT OR UPDATE OR DELETE ON "AccountBalance"
  FOR EACH ROW EXECUTE FUNCTION "account_balance_guard"();

-- Credit notes -----------------------------------------------------------------------------
-- Written issued, once: the invoice row is locked first, so the credit notes of one invoice
-- are checked one after another, each seeing those committed before it.
CREATE FUNCTION "credit_note_insert_guard"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  inv record;
BEGIN
  SELECT i."accountId", i."currency", i."status"::text AS "status", i."number", i."amountDue" INTO inv
    FROM "Invoice" i WHERE i."id" = NEW."invoiceId" FOR UPDATE;
  IF inv."status" IN ('DRAFT', 'VOID') THEN
    RAISE EXCEPTION 'invoice % is %: only an issued invoice can be credited', COALESCE(inv."number", NEW."invoiceId"::text), inv."status"
      USING ERRCODE = 'IB043', DETAIL = json_build_object('invoice', (COALESCE(inv."number", NEW."invoiceId"::text))::text, 'status', (inv."status")::text)::text;
  END IF;
  IF inv."accountId" <> NEW."accountId" OR inv."currency" <> NEW."currency" THEN
    RAISE EXCEPTION 'credit note % must have its invoice''s account and currency', NEW."number"
      USING ERRCODE = 'check_violation';
  END IF;
  IF NEW."appliedToDue" <> LEAST(NEW."total", inv."amountDue") THEN
    RAISE EXCEPTION 'credit note % lowers the amount due of % first: % of it, not %', NEW."number", inv."number",
      LEAST(NEW."total", inv."amountDue"), NEW."appliedToDue"
      USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END $$;

CREATE TRIGGER "CreditNote_insert_guard" BEFORE INSERT ON "CreditNote"
  FOR EACH ROW EXECUTE FUNCTION "credit_note_insert_guard"();

CREATE FUNCTION "credit_note_apply"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "Invoice" SET "creditedAmount" = "creditedAmount" WHERE "id" = NEW."invoiceId";
  RETURN NULL;
END $$;

CREATE TRIGGER "CreditNote_apply" AFTER INSERT ON "CreditNote"
  FOR EACH ROW EXECUTE FUNCTION "credit_note_apply"();

-- Lines name a line of the invoice, only in the transaction that issued the credit note, and
-- never credit a line beyond its amount in all.
CREATE FUNCTION "credit_note_lines_guard"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  hit record;
BEGIN
  SELECT c."number", n."position", (c.xmin = pg_current_xact_id()::xid) AS "own", l."invoiceId" IS NOT NULL AS "known" INTO hit
    FROM new_rows n JOIN "CreditNote" c ON c."id" = n."creditNoteId"
    LEFT JOIN "InvoiceLine" l ON l."invoiceId" = c."invoiceId" AND l."position" = n."position"
   WHERE l."invoiceId" IS NULL OR c.xmin <> pg_current_xact_id()::xid
   LIMIT 1;
  IF FOUND THEN
    IF NOT hit."own" THEN
      RAISE EXCEPTION 'credit note % is issued: it can never change', hit."number"
        USING ERRCODE = 'IB041', DETAIL = json_build_object('creditNote', (hit."number")::text)::text;
    END IF;
    RAISE EXCEPTION 'credit note %: its invoice has no line %', hit."number", hit."position" USING ERRCODE = 'check_violation';
  END IF;
  SELECT i."number", t."position", l."amount", s."credited" INTO hit
    FROM (SELECT DISTINCT c."invoiceId", n."position" FROM new_rows n JOIN "CreditNote" c ON c."id" = n."creditNoteId") t
    JOIN "Invoice" i ON i."id" = t."invoiceId"
    JOIN "InvoiceLine" l ON l."invoiceId" = t."invoiceId" AND l."position" = t."position"
    CROSS JOIN LATERAL (
      SELECT sum(x."amount") AS "credited" FROM "CreditNoteLine" x JOIN "CreditNote" y ON y."id" = x."creditNoteId"
       WHERE y."invoiceId" = t."invoiceId" AND x."position" = t."position") s
   WHERE s."credited" > GREATEST(l."amount", 0)
   LIMIT 1;
  IF FOUND THEN
    RAISE EXCEPTION 'line % of invoice % would be credited % in all, more than its amount %',
      hit."position", hit."number", hit."credited", GREATEST(hit."amount", 0)
      USING ERRCODE = 'IB042', DETAIL = json_build_object('line', (hit."position")::text, 'invoice', (hit."number")::text, 'credited', (hit."credited")::text, 'amount', (GREATEST(hit."amount", 0))::text)::text;
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER "CreditNoteLine_guard" AFTER INSERT ON "CreditNoteLine" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "credit_note_lines_guard"();

CREATE TRIGGER "CreditNote_immutable" BEFORE UPDATE OR DELETE ON "CreditNote"
  FOR EACH ROW EXECUTE FUNCTION "append_only_guard"();
CREATE TRIGGER "CreditNoteLine_immutable" BEFORE UPDATE OR DELETE ON "CreditNoteLine"
  FOR EACH ROW EXECUTE FUNCTION "append_only_guard"();

-- At commit: a credit note's lines add up to its total, and what exceeded the amount due went
-- to the balance (CREDIT) and, when paid back, out again (REFUND).
CREATE FUNCTION "credit_note_complete"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  lines_total numeric;
  credited numeric;
  refunded numeric;
  expected_refund numeric;
BEGIN
  SELECT COALESCE(sum("amount"), 0) INTO lines_total FROM "CreditNoteLine" WHERE "creditNoteId" = NEW."id";
  IF lines_total <> NEW."total" THEN
    RAISE EXCEPTION 'credit note %: its lines add up to %, not its total %', NEW."number", lines_total, NEW."total"
      USING ERRCODE = 'check_violation';
  END IF;
  SELECT COALESCE(sum("amount") FILTER (WHERE "kind" = 'CREDIT'), 0), COALESCE(-sum("amount") FILTER (WHERE "kind" = 'REFUND'), 0)
    INTO credited, refunded FROM "BalanceEntry" WHERE "creditNoteId" = NEW."id";
  IF NEW."remainderTo" = 'CREDIT' THEN
    expected_refund := 0;
  ELSE
    expected_refund := NEW."remainder";
  END IF;
  IF credited <> NEW."remainder" OR refunded <> expected_refund THEN
    RAISE EXCEPTION 'credit note %: the % beyond the amount due must be credited to the balance (and refunded when paid back)',
      NEW."number", NEW."remainder"
      USING ERRCODE = 'check_violation';
  END IF;
  RETURN NULL;
END $$;

CREATE CONSTRAINT TRIGGER "CreditNote_complete" AFTER INSERT ON "CreditNote"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "credit_note_complete"();

-- Invoices ---------------------------------------------------------------------------------
-- Restated whole. New: an issued invoice's amounts (paid, credited, due) and its status
-- (ISSUED, PARTIALLY_PAID, PAID) are recomputed from the ledger and the credit notes on every
-- update, whatever was written; an invoice with a deduction or a credit note cannot be voided;
-- a void invoice never changes; issuing needs a due date and sets the amount due.
CREATE OR REPLACE FUNCTION "invoice_guard"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  paid numeric;
  credited numeric;
  to_due numeric;
  derived "InvoiceStatus";
BEGIN
  IF TG_OP = 'DELETE' THEN
    IF OLD."status" <> 'DRAFT' THEN
      RAISE EXCEPTION 'invoice % is %: only drafts can be deleted', OLD."id", OLD."status"
        USING ERRCODE = 'IB015', DETAIL = json_build_object('invoice', (OLD."id")::text, 'status', (OLD."status")::text)::text;
    END IF;
    RETURN OLD;
  END IF;
  IF OLD."status" = 'DRAFT' THEN
    IF NEW."status" NOT IN ('DRAFT', 'ISSUED') THEN
      RAISE EXCEPTION 'a draft invoice can only be issued' USING ERRCODE = 'IB018';
    END IF;
    IF NEW."status" = 'ISSUED' THEN
      IF NEW."total" <> (SELECT COALESCE(SUM(l."amount"), 0) FROM "InvoiceLine" l WHERE l."invoiceId" = NEW."id") THEN
        RAISE EXCEPTION 'invoice % total % is not the sum of its lines', NEW."id", NEW."total"
          USING ERRCODE = 'IB019', DETAIL = json_build_object('invoice', (NEW."id")::text, 'total', (NEW."total")::text)::text;
      END IF;
      -- The issue commands set the due date from lib/clock's today; a writer that does not gets
      -- the default term from the issue instant's billing day (the billing calendar is UTC+8
      -- all year, as the legacy close's check constraint also takes it).
      NEW."dueDate" := COALESCE(NEW."dueDate", ((NEW."issuedAt" AT TIME ZONE 'UTC') + interval '8 hours')::date + 15);
      -- Usage being written now may be for this month: wait until it commits (its rows then
      -- precede the issue), and make usage written from now on wait for this issue to commit,
      -- then meet "UsageDaily_billed_month_*" refusing it. SHARE conflicts only with writers.
      LOCK TABLE "UsageDaily" IN SHARE MODE;
      NEW."paidAmount" := 0;
      NEW."creditedAmount" := 0;
      NEW."amountDue" := GREATEST(NEW."total", 0);
      IF NEW."amountDue" = 0 THEN
        NEW."status" := 'PAID';
        NEW."paidAt" := COALESCE(NEW."paidAt", now());
      END IF;
    END IF;
    RETURN NEW;
  END IF;
  IF (NEW."accountId", NEW."month", NEW."scheme", NEW."currency", NEW."number", NEW."total",
      NEW."billingRunId", NEW."replacesId", NEW."createdAt", NEW."issuedAt")
     IS DISTINCT FROM
     (OLD."accountId", OLD."month", OLD."scheme", OLD."currency", OLD."number", OLD."total",
      OLD."billingRunId", OLD."replacesId", OLD."createdAt", OLD."issuedAt") THEN
    RAISE EXCEPTION 'invoice % is %: its number, amounts and lines can never change', OLD."number", OLD."status"
      USING ERRCODE = 'IB020', DETAIL = json_build_object('invoice', (OLD."number")::text, 'status', (OLD."status")::text)::text;
  END IF;
  IF OLD."status" = 'VOID' THEN
    IF NEW IS DISTINCT FROM OLD THEN
      RAISE EXCEPTION 'invoice % is VOID: it never changes again', OLD."number"
        USING ERRCODE = 'IB033', DETAIL = json_build_object('invoice', (OLD."number")::text)::text;
    END IF;
    RETURN NEW;
  END IF;
  IF NEW."status" = 'VOID' THEN
    IF EXISTS (SELECT 1 FROM "BalanceEntry" e WHERE e."invoiceId" = OLD."id")
       OR EXISTS (SELECT 1 FROM "CreditNote" c WHERE c."invoiceId" = OLD."id") THEN
      RAISE EXCEPTION 'invoice % has payments or credit notes: it cannot be voided; correct it with a credit note', OLD."number"
        USING ERRCODE = 'IB034', DETAIL = json_build_object('invoice', (OLD."number")::text)::text;
    END IF;
    IF NEW."paidAt" IS DISTINCT FROM OLD."paidAt" OR NEW."dueDate" IS DISTINCT FROM OLD."dueDate" THEN
      RAISE EXCEPTION 'invoice %: voiding changes nothing but its status', OLD."number"
        USING ERRCODE = 'IB035', DETAIL = json_build_object('invoice', (OLD."number")::text)::text;
    END IF;
    NEW."amountDue" := 0;
    RETURN NEW;
  END IF;
  IF NEW."voidedAt" IS NOT NULL OR NEW."voidReason" IS NOT NULL OR NEW."dueDate" IS NULL THEN
    RAISE EXCEPTION 'invoice %: only voiding sets a void reason, and an issued invoice keeps a due date', OLD."number"
      USING ERRCODE = 'IB036', DETAIL = json_build_object('invoice', (OLD."number")::text)::text;
  END IF;
  SELECT COALESCE(-sum(e."amount"), 0) INTO paid FROM "BalanceEntry" e WHERE e."invoiceId" = OLD."id" AND e."kind" = 'DEDUCTION';
  SELECT COALESCE(sum(c."total"), 0), COALESCE(sum(c."appliedToDue"), 0) INTO credited, to_due
    FROM "CreditNote" c WHERE c."invoiceId" = OLD."id";
  IF credited > GREATEST(NEW."total", 0) THEN
    RAISE EXCEPTION 'the credit notes of invoice % would add up to %, more than its total %', OLD."number", credited, NEW."total"
      USING ERRCODE = 'IB037', DETAIL = json_build_object('invoice', (OLD."number")::text, 'credited', (credited)::text, 'total', (NEW."total")::text)::text;
  END IF;
  IF paid + to_due > GREATEST(NEW."total", 0) THEN
    RAISE EXCEPTION 'invoice % would be paid and credited % in all, more than its total %', OLD."number", paid + to_due, NEW."total"
      USING ERRCODE = 'IB038', DETAIL = json_build_object('invoice', (OLD."number")::text, 'settled', (paid + to_due)::text, 'total', (NEW."total")::text)::text;
  END IF;
  NEW."paidAmount" := paid;
  NEW."creditedAmount" := credited;
  NEW."amountDue" := GREATEST(NEW."total", 0) - paid - to_due;
  derived := CASE WHEN NEW."amountDue" = 0 THEN 'PAID'
                  WHEN paid + to_due > 0 THEN 'PARTIALLY_PAID'
                  ELSE 'ISSUED' END;
  IF NEW."status" IS DISTINCT FROM OLD."status" AND NEW."status" <> derived THEN
    RAISE EXCEPTION 'invoice %: its status follows its payments and credit notes (% now, not %)', OLD."number", derived, NEW."status"
      USING ERRCODE = 'IB039', DETAIL = json_build_object('invoice', (OLD."number")::text, 'derived', (derived)::text, 'status', (NEW."status")::text)::text;
  END IF;
  NEW."status" := derived;
  -- Paid when the last deduction or credit note that settled it was recorded.
  NEW."paidAt" := CASE WHEN derived = 'PAID' THEN COALESCE(OLD."paidAt",
      GREATEST((SELECT max(e."createdAt") FROM "BalanceEntry" e WHERE e."invoiceId" = OLD."id"),
               (SELECT max(c."issuedAt") FROM "CreditNote" c WHERE c."invoiceId" = OLD."id")), now()) END;
  RETURN NEW;
END $$;

-- Usage of a month whose invoice is issued, partly paid or paid stays frozen: restated with
-- PARTIALLY_PAID (20261123090000_usage_guard_fast_path otherwise unchanged).
CREATE OR REPLACE FUNCTION "usage_billed_month_guard"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  hit record;
  first_day date;
  last_day date;
BEGIN
  IF TG_OP = 'UPDATE' THEN
    SELECT min(d), max(d) INTO first_day, last_day
      FROM (SELECT min("date") AS d FROM changed_rows UNION ALL SELECT max("date") FROM changed_rows
            UNION ALL SELECT min("date") FROM old_rows UNION ALL SELECT max("date") FROM old_rows) r;
  ELSE
    SELECT min("date"), max("date") INTO first_day, last_day FROM changed_rows;
  END IF;
  IF first_day IS NULL OR NOT EXISTS (
      SELECT 1 FROM "Invoice" i
       WHERE i."month" BETWEEN to_char(first_day, 'YYYY-MM') AND to_char(last_day, 'YYYY-MM')
         AND i."status" IN ('ISSUED', 'PARTIALLY_PAID', 'PAID')) THEN
    RETURN NULL;
  END IF;
  IF TG_OP = 'UPDATE' THEN
    SELECT r."sdkAppId", to_char(r."date", 'YYYY-MM') AS "month", i."number", i."status"::text AS "status" INTO hit
      FROM (SELECT "sdkAppId", "date" FROM changed_rows UNION SELECT "sdkAppId", "date" FROM old_rows) r
      JOIN "App" p ON p."sdkAppId" = r."sdkAppId"
      JOIN "Invoice" i ON i."accountId" = p."accountId" AND i."month" = to_char(r."date", 'YYYY-MM')
     WHERE i."status" IN ('ISSUED', 'PARTIALLY_PAID', 'PAID')
     LIMIT 1;
  ELSE
    SELECT r."sdkAppId", to_char(r."date", 'YYYY-MM') AS "month", i."number", i."status"::text AS "status" INTO hit
      FROM changed_rows r
      JOIN "App" p ON p."sdkAppId" = r."sdkAppId"
      JOIN "Invoice" i ON i."accountId" = p."accountId" AND i."month" = to_char(r."date", 'YYYY-MM')
     WHERE i."status" IN ('ISSUED', 'PARTIALLY_PAID', 'PAID')
     LIMIT 1;
  END IF;
  IF FOUND THEN
    RAISE EXCEPTION 'usage of app % for % is billed on invoice % (%): a correction needs a void and a new invoice',
      hit."sdkAppId", hit."month", hit."number", hit."status"
      USING ERRCODE = 'IB029', DETAIL = json_build_object('sdkAppId', (hit."sdkAppId")::text, 'month', (hit."month")::text, 'invoice', (hit."number")::text, 'status', (hit."status")::text)::text;
  END IF;
  RETURN NULL;
END $$;

-- Invoices marked paid before balances existed: their payment, recorded as a TOP_UP of the
-- total and the DEDUCTION that paid it (dated when they were marked paid); balances stay 0.
INSERT INTO "BalanceEntry" ("accountId", "currency", "kind", "amount", "balanceAfter", "reference", "createdAt")
SELECT "accountId", "currency", 'TOP_UP', "total", 0, 'Payment recorded before balances (' || "number" || ')', "paidAt"
  FROM "Invoice" WHERE "status" = 'PAID' AND "total" > 0 ORDER BY "paidAt", "id";
INSERT INTO "BalanceEntry" ("accountId", "currency", "kind", "amount", "balanceAfter", "invoiceId", "createdAt")
SELECT "accountId", "currency", 'DEDUCTION', -"total", 0, "id", "paidAt"
  FROM "Invoice" WHERE "status" = 'PAID' AND "total" > 0 ORDER BY "paidAt", "id";
