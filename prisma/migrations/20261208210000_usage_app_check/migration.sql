-- A usage row's app is checked once per statement, set-based, instead of by the foreign key's
-- per-row check (issue 16, ingestion speed): the key ran one query per new row, each locking
-- the app's row (FOR KEY SHARE, a WAL record per row), about a third of the database time of a
-- 10,000-row batch of new rows. The rule kept is as strict as the key was: every usage row names
-- an existing app. An app is never deleted and never changes SDKAppID
-- (20261207000000_invoice_line_keys, "app_identity_guard"), so no app can go away while usage
-- naming it is being written, and the key's RESTRICT and CASCADE have nothing left to do.
-- prisma/schema.prisma keeps the relation for the client; only the constraint moved here.
ALTER TABLE "UsageDaily" DROP CONSTRAINT "UsageDaily_sdkAppId_fkey";

CREATE FUNCTION "usage_app_guard"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  missing bigint;
BEGIN
  IF TG_LEVEL = 'ROW' THEN
    -- An update that moves a row to another app (the WHEN of its trigger): that app must exist.
    IF NOT EXISTS (SELECT 1 FROM "App" a WHERE a."sdkAppId" = NEW."sdkAppId") THEN
      missing := NEW."sdkAppId";
    END IF;
  ELSE
    SELECT r."sdkAppId" INTO missing
      FROM changed_rows r
     WHERE NOT EXISTS (SELECT 1 FROM "App" a WHERE a."sdkAppId" = r."sdkAppId")
     LIMIT 1;
  END IF;
  IF missing IS NOT NULL THEN
    RAISE EXCEPTION 'usage names app %, which does not exist', missing
      USING ERRCODE = 'foreign_key_violation';
  END IF;
  IF TG_LEVEL = 'ROW' THEN
    RETURN NEW;
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER "UsageDaily_app_insert" AFTER INSERT ON "UsageDaily"
  REFERENCING NEW TABLE AS changed_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "usage_app_guard"();

-- A replaced row keeps its app (the upsert never changes it): checked only when it changes.
CREATE TRIGGER "UsageDaily_app_update" BEFORE UPDATE OF "sdkAppId" ON "UsageDaily"
  FOR EACH ROW WHEN (OLD."sdkAppId" <> NEW."sdkAppId")
  EXECUTE FUNCTION "usage_app_guard"();
