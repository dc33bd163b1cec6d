-- The balance ledger and credit notes refuse TRUNCATE like the other money tables (TRUNCATE
-- skips the row triggers that keep them append-only); refuse_truncate is
-- 20261208100000_security's, and the seed's --reset still empties them under its permission.
CREATE TRIGGER "AccountBalance_no_truncate" BEFORE TRUNCATE ON "AccountBalance" FOR EACH STATEMENT EXECUTE FUNCTION refuse_truncate();
CREATE TRIGGER "BalanceEntry_no_truncate" BEFORE TRUNCATE ON "BalanceEntry" FOR EACH STATEMENT EXECUTE FUNCTION refuse_truncate();
CREATE TRIGGER "CreditNote_no_truncate" BEFORE TRUNCATE ON "CreditNote" FOR EACH STATEMENT EXECUTE FUNCTION refuse_truncate();
CREATE TRIGGER "CreditNoteLine_no_truncate" BEFORE TRUNCATE ON "CreditNoteLine" FOR EACH STATEMENT EXECUTE FUNCTION refuse_truncate();
CREATE TRIGGER "CreditNoteNumberCounter_no_truncate" BEFORE TRUNCATE ON "CreditNoteNumberCounter" FOR EACH STATEMENT EXECUTE FUNCTION refuse_truncate();
