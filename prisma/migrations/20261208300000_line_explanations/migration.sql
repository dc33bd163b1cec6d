-- Invoice lines keep their explanation as data: a key and typed parameters (lib/billing/types.ts
-- `Explanation`), rendered per language by lib/i18n/explain.ts; "explain" stays, the English
-- rendering, for tools that read the table.
--
-- Stored rows: the lines written before this migration have only their English text. They get
-- key 'text' and no parameters, meaning "the explanation is the English text as written". It is
-- set through the column's default, so no stored row is rewritten (the lines of issued invoices
-- never change, and a default costs no table rewrite); reading that text back into figures
-- would be the regular-expression parsing this change removes. New billing runs write
-- structured explanations; a draft re-run replaces its lines, so only issued (and void) invoices
-- keep 'text' lines, shown as written.
ALTER TABLE "InvoiceLine" ADD COLUMN     "explainKey" TEXT NOT NULL DEFAULT 'text',
ADD COLUMN     "explainParams" JSONB;

-- Every key but 'text' carries its parameters.
ALTER TABLE "InvoiceLine" ADD CONSTRAINT "InvoiceLine_explain_params"
  CHECK ("explainKey" = 'text' OR jsonb_typeof("explainParams") = 'object');
