-- Balances and payments (DOMAIN.md section 12): an issued invoice is ISSUED, PARTIALLY_PAID or
-- PAID by what was deducted or credited on it. A new enum value cannot be used in the
-- transaction that adds it, so it comes alone, before 20261208600100_balances_credit_notes.
ALTER TYPE "InvoiceStatus" ADD VALUE 'PARTIALLY_PAID';
