-- A plan event checked while a migration of its account is being executed (not yet committed)
-- would pass the scheme guard on the old state. The guard now first takes a share lock on the
-- account row: an execution holds that row (it updates the scheme) until it commits, so the
-- event waits for it and its check, a new statement with a new snapshot, sees the result.
CREATE OR REPLACE FUNCTION "plan_event_scheme_guard"() RETURNS trigger LANGUAGE plpgsql AS $$
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
