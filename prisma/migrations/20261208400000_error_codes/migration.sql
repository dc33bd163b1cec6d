-- Errors as data (issue 15): every refusal of a trigger function raises its own SQLSTATE in the
-- class IB (IB001-IB999; each code and its message key in docs/errors.md) with its parameters as
-- a JSON DETAIL, so the console maps it by code to a message in the viewer's language, never by
-- its English text. Each function is restated whole, as the earlier migrations left it (see
-- prisma/functions.sql), with only its RAISE ... USING clauses changed.

CREATE OR REPLACE FUNCTION public.account_scheme_guard()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
BEGIN
  IF OLD."scheme" = 'CURRENT' AND (NEW."scheme" <> 'CURRENT'
      OR NEW."currentFrom" IS DISTINCT FROM OLD."currentFrom") THEN
    RAISE EXCEPTION 'account % is billed under the current scheme; its scheme can never change again', OLD."id"
      USING ERRCODE = 'IB002', DETAIL = json_build_object('accountId', (OLD."id")::text)::text;
  END IF;
  IF OLD."scheme" = 'LEGACY' AND NEW."scheme" = 'CURRENT' AND NOT EXISTS (
      SELECT 1 FROM "MigrationTicket" t
       WHERE t."accountId" = NEW."id" AND t."status" = 'EXECUTED'
         AND t."effectiveOn" = NEW."currentFrom") THEN
    RAISE EXCEPTION 'account % can move to the current scheme only through an executed migration ticket', OLD."id"
      USING ERRCODE = 'IB003', DETAIL = json_build_object('accountId', (OLD."id")::text)::text;
  END IF;
  RETURN NEW;
END $function$;

CREATE OR REPLACE FUNCTION public.api_key_guard()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'API keys are revoked, never deleted' USING ERRCODE = 'IB030';
  END IF;
  IF (NEW."hash", NEW."prefix", NEW."scope", NEW."createdById", NEW."createdAt")
     IS DISTINCT FROM (OLD."hash", OLD."prefix", OLD."scope", OLD."createdById", OLD."createdAt") THEN
    RAISE EXCEPTION 'API key %: its secret, scope and creator can never change', OLD."prefix"
      USING ERRCODE = 'IB031', DETAIL = json_build_object('prefix', (OLD."prefix")::text)::text;
  END IF;
  IF OLD."revokedAt" IS NOT NULL AND NEW."revokedAt" IS DISTINCT FROM OLD."revokedAt" THEN
    RAISE EXCEPTION 'API key % is revoked and stays revoked', OLD."prefix" USING ERRCODE = 'IB032', DETAIL = json_build_object('prefix', (OLD."prefix")::text)::text;
  END IF;
  RETURN NEW;
END $function$;

CREATE OR REPLACE FUNCTION public.app_identity_guard()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'app % is never deleted: its usage, plan history and invoices name it', OLD."sdkAppId"
      USING ERRCODE = 'IB027', DETAIL = json_build_object('sdkAppId', (OLD."sdkAppId")::text)::text;
  END IF;
  RAISE EXCEPTION 'app %: its SDKAppID and account never change', OLD."sdkAppId" USING ERRCODE = 'IB028', DETAIL = json_build_object('sdkAppId', (OLD."sdkAppId")::text)::text;
END $function$;

CREATE OR REPLACE FUNCTION public.invoice_guard()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
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
      USING ERRCODE = 'IB020', DETAIL = json_build_object('invoice', (OLD."number")::text, 'status', (OLD."status")::text)::text;
  END IF;
  IF NOT ((OLD."status" = NEW."status" AND OLD."paidAt" IS NOT DISTINCT FROM NEW."paidAt"
           AND OLD."voidedAt" IS NOT DISTINCT FROM NEW."voidedAt"
           AND OLD."voidReason" IS NOT DISTINCT FROM NEW."voidReason")
       OR (OLD."status" = 'ISSUED' AND NEW."status" = 'PAID' AND NEW."voidedAt" IS NULL)
       OR (OLD."status" = 'ISSUED' AND NEW."status" = 'VOID' AND NEW."paidAt" IS NULL)
       OR (OLD."status" = 'PAID' AND NEW."status" = 'VOID' AND NEW."paidAt" = OLD."paidAt")) THEN
    RAISE EXCEPTION 'invoice %: % -> % is not allowed', OLD."number", OLD."status", NEW."status"
      USING ERRCODE = 'IB021', DETAIL = json_build_object('invoice', (OLD."number")::text, 'from', (OLD."status")::text, 'to', (NEW."status")::text)::text;
  END IF;
  RETURN NEW;
END $function$;

CREATE OR REPLACE FUNCTION public.invoice_identity_guard()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
BEGIN
  RAISE EXCEPTION 'invoice %: its id and account never change', OLD."id" USING ERRCODE = 'IB026', DETAIL = json_build_object('invoice', (OLD."id")::text)::text;
END $function$;

CREATE OR REPLACE FUNCTION public.invoice_insert_guard()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
BEGIN
  IF EXISTS (SELECT 1 FROM new_rows n WHERE n."status" <> 'DRAFT') THEN
    RAISE EXCEPTION 'an invoice is created as a DRAFT' USING ERRCODE = 'IB016';
  END IF;
  IF EXISTS (
      SELECT 1 FROM new_rows n
       WHERE n."replacesId" IS NOT NULL AND NOT EXISTS (
         SELECT 1 FROM "Invoice" v WHERE v."id" = n."replacesId" AND v."status" = 'VOID'
            AND v."accountId" = n."accountId" AND v."month" = n."month")) THEN
    RAISE EXCEPTION 'a correction must name a VOID invoice of the same account and month'
      USING ERRCODE = 'IB017';
  END IF;
  RETURN NULL;
END $function$;

CREATE OR REPLACE FUNCTION public.invoice_line_guard()
 RETURNS trigger
 LANGUAGE plpgsql
 SET enable_seqscan TO 'off'
AS $function$
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
        USING ERRCODE = 'IB022', DETAIL = json_build_object('invoice', (COALESCE(hit."number", hit."id"::text))::text, 'status', (hit."status")::text)::text;
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
        USING ERRCODE = 'IB023', DETAIL = json_build_object('position', (hit."position")::text, 'invoice', (hit."invoiceId")::text)::text;
    ELSIF hit."status" <> 'DRAFT' THEN
      RAISE EXCEPTION 'invoice % is issued (%): its lines can never change', COALESCE(hit."number", hit."invoice"::text), hit."status"
        USING ERRCODE = 'IB022', DETAIL = json_build_object('invoice', (COALESCE(hit."number", hit."invoice"::text))::text, 'status', (hit."status")::text)::text;
    ELSIF NOT hit."own" THEN
      RAISE EXCEPTION 'invoice %: lines are written only with their invoice, in the transaction that creates it', hit."invoice"
        USING ERRCODE = 'IB024', DETAIL = json_build_object('invoice', (hit."invoice")::text)::text;
    ELSE
      RAISE EXCEPTION 'invoice line % of invoice % names app %, which is not an app of the invoice''s account', hit."position", hit."invoiceId", hit."sdkAppId"
        USING ERRCODE = 'IB025', DETAIL = json_build_object('position', (hit."position")::text, 'invoice', (hit."invoiceId")::text, 'sdkAppId', (hit."sdkAppId")::text)::text;
    END IF;
  END IF;
  RETURN NULL;
END $function$;

CREATE OR REPLACE FUNCTION public.migration_ticket_guard()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
BEGIN
  IF TG_OP = 'INSERT' THEN
    IF NEW."status" NOT IN ('OPEN') OR NOT EXISTS (
        SELECT 1 FROM "Account" a WHERE a."id" = NEW."accountId" AND a."scheme" = 'LEGACY') THEN
      RAISE EXCEPTION 'a migration ticket can be opened only for a LEGACY account'
        USING ERRCODE = 'IB004';
    END IF;
    RETURN NEW;
  END IF;
  IF OLD."status" IN ('EXECUTED', 'REJECTED') THEN
    RAISE EXCEPTION 'migration ticket % is % and can never change', OLD."id", OLD."status"
      USING ERRCODE = 'IB005', DETAIL = json_build_object('ticketId', (OLD."id")::text, 'status', (OLD."status")::text)::text;
  END IF;
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'migration tickets are never deleted' USING ERRCODE = 'IB006';
  END IF;
  IF NEW."status" = 'EXECUTED' AND OLD."status" <> 'PREVIEWED' THEN
    RAISE EXCEPTION 'migration ticket % must be previewed before it is executed', OLD."id"
      USING ERRCODE = 'IB007', DETAIL = json_build_object('ticketId', (OLD."id")::text)::text;
  END IF;
  RETURN NEW;
END $function$;

CREATE OR REPLACE FUNCTION public.plan_event_scheme_guard()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
DECLARE
  acc_id integer;
  acc_scheme "Scheme";
  effective date;
  legacy_event boolean := NEW."type" = 'ADDON' OR NEW."edition" IN ('TRIAL', 'PROFESSIONAL', 'FLAGSHIP');
BEGIN
  SELECT p."accountId" INTO acc_id FROM "App" p WHERE p."sdkAppId" = NEW."sdkAppId";
  PERFORM 1 FROM "Account" a WHERE a."id" = acc_id FOR SHARE;
  SELECT a."scheme", t."effectiveOn" INTO acc_scheme, effective
    FROM "Account" a
    LEFT JOIN "MigrationTicket" t ON t."accountId" = a."id" AND t."status" = 'EXECUTED'
   WHERE a."id" = acc_id;
  IF effective IS NOT NULL THEN
    IF legacy_event THEN
      RAISE EXCEPTION 'app % belongs to a migrated account: no legacy edition or add-on after the migration', NEW."sdkAppId"
        USING ERRCODE = 'IB008', DETAIL = json_build_object('sdkAppId', (NEW."sdkAppId")::text)::text;
    END IF;
    IF NEW."date" < effective THEN
      RAISE EXCEPTION 'app % moves to the current scheme on %: a current edition cannot start before it', NEW."sdkAppId", effective
        USING ERRCODE = 'IB009', DETAIL = json_build_object('sdkAppId', (NEW."sdkAppId")::text, 'effectiveOn', (effective)::text)::text;
    END IF;
  ELSIF acc_scheme = 'CURRENT' AND legacy_event THEN
    RAISE EXCEPTION 'app % belongs to a current-scheme account: legacy editions and add-ons are refused', NEW."sdkAppId"
      USING ERRCODE = 'IB010', DETAIL = json_build_object('sdkAppId', (NEW."sdkAppId")::text)::text;
  ELSIF acc_scheme = 'LEGACY' AND NOT legacy_event THEN
    RAISE EXCEPTION 'app % belongs to a legacy account: current editions need a migration first', NEW."sdkAppId"
      USING ERRCODE = 'IB011', DETAIL = json_build_object('sdkAppId', (NEW."sdkAppId")::text)::text;
  END IF;
  RETURN NEW;
END $function$;

CREATE OR REPLACE FUNCTION public.refuse_change()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
BEGIN
  RAISE EXCEPTION '% rows are append-only: % is refused', TG_TABLE_NAME, TG_OP
    USING ERRCODE = 'IB001', DETAIL = json_build_object('table', (TG_TABLE_NAME)::text, 'op', (TG_OP)::text)::text;
END $function$;

CREATE OR REPLACE FUNCTION public.trial_grant_guard()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
DECLARE
  prev_end date;
BEGIN
  IF NOT EXISTS (SELECT 1 FROM "App" p WHERE p."sdkAppId" = NEW."sdkAppId" AND p."accountId" = NEW."accountId") THEN
    RAISE EXCEPTION 'trial grant: app % does not belong to account %', NEW."sdkAppId", NEW."accountId"
      USING ERRCODE = 'IB012', DETAIL = json_build_object('sdkAppId', (NEW."sdkAppId")::text, 'accountId', (NEW."accountId")::text)::text;
  END IF;
  IF NEW."grantNo" > 1 THEN
    SELECT g."endOn" INTO prev_end FROM "TrialGrant" g
     WHERE g."sdkAppId" = NEW."sdkAppId" AND g."grantNo" = NEW."grantNo" - 1;
    IF prev_end IS NULL OR prev_end >= NEW."startOn" THEN
      RAISE EXCEPTION 'app % already holds an audio/video call trial until %: one at a time', NEW."sdkAppId", prev_end
        USING ERRCODE = 'IB013', DETAIL = json_build_object('sdkAppId', (NEW."sdkAppId")::text, 'endOn', (prev_end)::text)::text;
    END IF;
  END IF;
  IF NEW."accountGrantNo" > 1 AND NOT EXISTS (
      SELECT 1 FROM "TrialGrant" g WHERE g."accountId" = NEW."accountId" AND g."accountGrantNo" = NEW."accountGrantNo" - 1) THEN
    RAISE EXCEPTION 'trial grant numbers of account % must have no gaps', NEW."accountId"
      USING ERRCODE = 'IB014', DETAIL = json_build_object('accountId', (NEW."accountId")::text)::text;
  END IF;
  RETURN NEW;
END $function$;

CREATE OR REPLACE FUNCTION public.usage_billed_month_guard()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
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
         AND i."status" IN ('ISSUED', 'PAID')) THEN
    RETURN NULL;
  END IF;
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
      USING ERRCODE = 'IB029', DETAIL = json_build_object('sdkAppId', (hit."sdkAppId")::text, 'month', (hit."month")::text, 'invoice', (hit."number")::text, 'status', (hit."status")::text)::text;
  END IF;
  RETURN NULL;
END $function$;
