-- Usage of a billed month stays frozen (20261123050000_billing); the guard now first asks whether
-- any invoice of the batch's months is issued or paid at all, from the rows' first and last
-- dates and the (month, status) index. Usually none is (usage arrives for the running month),
-- and a 10,000-row batch is then checked without joining each row to its app and invoice.
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
      USING ERRCODE = 'check_violation';
  END IF;
  RETURN NULL;
END $$;
