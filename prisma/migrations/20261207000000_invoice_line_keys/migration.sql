-- An invoice line's references are checked once per statement, set-based, instead of by the two
-- foreign keys' per-row checks: each was a query with its own executor start, twice per line,
-- about 1.2 s of PostgreSQL CPU in a billing run of 138,000 lines (a fifth of the run's database
-- time). The rules kept are at least as strict as the keys were:
--  * a line names an existing invoice, a DRAFT created in the same transaction: lines are
--    written with their invoice and never added to it later (a draft is replaced whole), so no
--    other transaction can delete the invoice while its lines are being written, and any
--    snapshot that sees an invoice sees all its lines ("created in the same transaction" is its
--    row's xmin being this transaction's id, which a transaction that updated the draft also
--    passes: it holds the row's lock, so a concurrent delete waits for it and then sees its
--    lines; an invoice written inside a savepoint is refused lines, which fails closed; no
--    writer here uses savepoints);
--  * a line names an app of the invoice's own account (the key only asked that the app exist);
--  * deleting an invoice deletes its lines (the key's ON DELETE CASCADE); an invoice's id and
--    account never change;
--  * an app is never deleted and never changes SDKAppID or account (the key's RESTRICT, without
--    a lock per line: no app can go away while a line naming it is being written).
-- prisma/schema.prisma keeps both relations for the client; only the constraints moved here.
ALTER TABLE "InvoiceLine" DROP CONSTRAINT "InvoiceLine_invoiceId_fkey",
DROP CONSTRAINT "InvoiceLine_sdkAppId_fkey";

-- Each line is looked up by index whatever the statistics say (a fresh month's invoices grow
-- from none within the run, and a plan made while the table was nearly empty would scan it per
-- line): lateral lookups, and no sequential scan inside this function.
CREATE OR REPLACE FUNCTION "invoice_line_guard"() RETURNS trigger LANGUAGE plpgsql SET enable_seqscan = off AS $$
DECLARE
  hit record;
BEGIN
  -- The rows removed (deleted, or as they were before an update) belong to drafts.
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    SELECT i."id", i."number", i."status"::text AS "status" INTO hit
      FROM (SELECT DISTINCT "invoiceId" FROM old_rows) r
      JOIN "Invoice" i ON i."id" = r."invoiceId"
     WHERE i."status" <> 'DRAFT'
     LIMIT 1;
    IF FOUND THEN
      RAISE EXCEPTION 'invoice % is issued (%): its lines can never change', COALESCE(hit."number", hit."id"::text), hit."status"
        USING ERRCODE = 'check_violation';
    END IF;
    IF TG_OP = 'DELETE' THEN
      RETURN NULL;
    END IF;
  END IF;
  -- The rows written (inserted, or as updated).
  SELECT c."invoiceId", c."position", c."sdkAppId", i."id" AS "invoice", i."number", i."status"::text AS "status",
         i.xmin = pg_current_xact_id()::xid AS "own"
    INTO hit
    FROM changed_rows c
    LEFT JOIN LATERAL (SELECT v."id", v."number", v."status", v.xmin, v."accountId" FROM "Invoice" v WHERE v."id" = c."invoiceId" OFFSET 0) i ON TRUE
    LEFT JOIN LATERAL (SELECT a."sdkAppId" FROM "App" a WHERE a."sdkAppId" = c."sdkAppId" AND a."accountId" = i."accountId" OFFSET 0) p ON TRUE
   WHERE i."id" IS NULL OR i."status" <> 'DRAFT' OR i.xmin <> pg_current_xact_id()::xid OR p."sdkAppId" IS NULL
   LIMIT 1;
  IF FOUND THEN
    IF hit."invoice" IS NULL THEN
      RAISE EXCEPTION 'invoice line % of invoice % names no existing invoice', hit."position", hit."invoiceId"
        USING ERRCODE = 'check_violation';
    ELSIF hit."status" <> 'DRAFT' THEN
      RAISE EXCEPTION 'invoice % is issued (%): its lines can never change', COALESCE(hit."number", hit."invoice"::text), hit."status"
        USING ERRCODE = 'check_violation';
    ELSIF NOT hit."own" THEN
      RAISE EXCEPTION 'invoice %: lines are written only with their invoice, in the transaction that creates it', hit."invoice"
        USING ERRCODE = 'check_violation';
    ELSE
      RAISE EXCEPTION 'invoice line % of invoice % names app %, which is not an app of the invoice''s account', hit."position", hit."invoiceId", hit."sdkAppId"
        USING ERRCODE = 'check_violation';
    END IF;
  END IF;
  RETURN NULL;
END $$;

-- The delete trigger names its rows as the update trigger does: one check of the rows removed.
DROP TRIGGER "InvoiceLine_guard_delete" ON "InvoiceLine";

CREATE TRIGGER "InvoiceLine_guard_delete" AFTER DELETE ON "InvoiceLine"
  REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "invoice_line_guard"();

-- ON DELETE CASCADE, once per statement.
CREATE FUNCTION "invoice_delete_lines"() RETURNS trigger LANGUAGE plpgsql SET enable_seqscan = off AS $$
BEGIN
  DELETE FROM "InvoiceLine" WHERE "invoiceId" IN (SELECT "id" FROM old_rows);
  RETURN NULL;
END $$;

CREATE TRIGGER "Invoice_delete_lines" AFTER DELETE ON "Invoice" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "invoice_delete_lines"();

CREATE FUNCTION "invoice_identity_guard"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'invoice %: its id and account never change', OLD."id" USING ERRCODE = 'check_violation';
END $$;

CREATE TRIGGER "Invoice_identity_guard" BEFORE UPDATE OF "id", "accountId" ON "Invoice"
  FOR EACH ROW WHEN (OLD."id" <> NEW."id" OR OLD."accountId" <> NEW."accountId")
  EXECUTE FUNCTION "invoice_identity_guard"();

CREATE FUNCTION "app_identity_guard"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'app % is never deleted: its usage, plan history and invoices name it', OLD."sdkAppId"
      USING ERRCODE = 'check_violation';
  END IF;
  RAISE EXCEPTION 'app %: its SDKAppID and account never change', OLD."sdkAppId" USING ERRCODE = 'check_violation';
END $$;

CREATE TRIGGER "App_identity_guard_delete" BEFORE DELETE ON "App"
  FOR EACH ROW EXECUTE FUNCTION "app_identity_guard"();

CREATE TRIGGER "App_identity_guard_update" BEFORE UPDATE OF "sdkAppId", "accountId" ON "App"
  FOR EACH ROW WHEN (OLD."sdkAppId" <> NEW."sdkAppId" OR OLD."accountId" <> NEW."accountId")
  EXECUTE FUNCTION "app_identity_guard"();
