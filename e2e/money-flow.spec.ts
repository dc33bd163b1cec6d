import { execFileSync } from 'node:child_process';
import { expect, test, type Page } from '@playwright/test';
import { MONEY_CUSTOMER } from '../prisma/seed/e2e-fixtures';
import { screenshot, signIn } from './fixtures';

/**
 * The journey's own account (Ledger Labs, USD, money@e2e.test; added by the e2e server) and its
 * July 2026 invoice: no other journey bills July or touches this account, so the spec runs in any
 * order on the fresh demo database the e2e server starts with.
 */
const MONTH = '2026-07';
const ACCOUNT = MONEY_CUSTOMER.account;

/** Downloads what `click` triggers and returns pdftotext's reading of it. */
async function downloadPdfText(page: Page, click: () => Promise<void>): Promise<{ name: string; text: string }> {
  const [download] = await Promise.all([page.waitForEvent('download'), click()]);
  const file = await download.path();
  return { name: download.suggestedFilename(), text: execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }) };
}

test('[OPS][CUSTOMER][MONEY]: a top-up pays part of an invoice on issue, a credit note corrects one line, and the customer sees both in English and Chinese with their PDFs', async ({ page }) => {
  test.setTimeout(600_000);
  await signIn(page, 'ops@demo.test');

  // Ops records a top-up on the account page.
  await page.goto(`/accounts?q=${encodeURIComponent(ACCOUNT)}`);
  await page.getByRole('link', { name: ACCOUNT, exact: true }).click();
  await expect(page).toHaveURL(/\/accounts\/\d+$/);
  const accountId = page.url().split('/').pop()!;
  await page.getByRole('button', { name: 'Record top-up' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Amount').fill('-5');
  await dialog.getByRole('button', { name: 'Record top-up' }).click();
  await expect(dialog.getByText('Amount must be greater than 0').first()).toBeVisible();
  await dialog.getByLabel('Amount').fill('100');
  await dialog.getByLabel('Reference (bank transfer, receipt)').fill('WIRE-E2E-0923');
  await dialog.getByRole('button', { name: 'Record top-up' }).click();
  await expect(dialog.getByText('Recorded. Balance: 100.00.')).toBeVisible();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByTestId('balance-amount-USD')).toHaveText('$100.00');
  await screenshot(page, 'money-ops-top-up');

  // July billed, and the account's draft issued: the balance pays part of it.
  // Digits alone search by account id.
  await page.goto(`/invoices?month=${MONTH}&q=${accountId}`);
  const row = page.getByRole('row', { name: new RegExp(ACCOUNT) });
  if ((await row.count()) === 0) {
    await page.goto('/billing-runs');
    await page.getByLabel('Month', { exact: true }).fill(MONTH);
    await page.getByRole('button', { name: 'Run month' }).click();
    // The run's own page (the list behind it may show other months' succeeded runs).
    await expect(page).toHaveURL(/\/billing-runs\/\d+$/, { timeout: 60_000 });
    await expect(page.getByText('Succeeded', { exact: true })).toBeVisible({ timeout: 180_000 });
    await page.goto(`/invoices?month=${MONTH}&q=${accountId}`);
  }
  await expect(row).toHaveCount(1);
  await row.getByRole('link').first().click();
  await page.getByRole('button', { name: 'Issue', exact: true }).click();
  await page.getByRole('button', { name: 'Issue now' }).click();
  await expect(page.getByTestId('invoice-number')).toHaveText(/^INV-2026-\d{6}$/);
  await expect(page.getByTestId('invoice-status')).toHaveText('Partly paid');
  await expect(page.getByTestId('invoice-paid')).toHaveText('$100.00');
  await expect(page.getByTestId('invoice-due-date')).toContainText('2026-12-08');
  const invoiceNumber = (await page.getByTestId('invoice-number').textContent())!;
  const invoiceUrl = page.url();

  // A credit note for part of the first line: too much is refused with the line named, then a preview, then the issue.
  await page.getByRole('button', { name: 'New credit note' }).click();
  const cn = page.getByRole('dialog');
  await cn.getByLabel('Credit now 1').fill('999999');
  await cn.getByLabel('Explanation (printed on the credit note)').fill('Service outage on 2026-07-30');
  await cn.getByRole('button', { name: 'Preview' }).click();
  await expect(cn.getByText(/^Line 1: amount 999999.00 is more than the .* still uncredited on it$/)).toBeVisible();
  await cn.getByLabel('Credit now 1').fill('10');
  await cn.getByRole('button', { name: 'Preview' }).click();
  await expect(cn.getByTestId('credit-preview-total')).toHaveText('$10.00');
  await screenshot(page, 'money-ops-credit-preview');
  // Changing the form makes the preview stale: it has to be shown again before issuing.
  await cn.getByLabel('Credit now 1').fill('12');
  await expect(cn.getByRole('button', { name: 'Issue credit note' })).toBeDisabled();
  await cn.getByRole('button', { name: 'Preview' }).click();
  await expect(cn.getByTestId('credit-preview-total')).toHaveText('$12.00');
  await cn.getByRole('button', { name: 'Issue credit note' }).click();
  await expect(cn.getByText(/^Credit note CN-2026-\d{6} issued\.$/)).toBeVisible();
  const cnNumber = (await cn.getByText(/^Credit note CN-2026-\d{6} issued\.$/).textContent())!.match(/CN-2026-\d{6}/)![0];
  await cn.getByRole('button', { name: 'Cancel' }).click();
  await page.goto(invoiceUrl);
  await expect(page.getByTestId('credit-notes')).toContainText(cnNumber);
  await expect(page.getByTestId('invoice-credited')).toHaveText('$12.00');
  await screenshot(page, 'money-ops-invoice');
  await page.goto('/receivables');
  await expect(page.getByTestId('aging')).toContainText('USD');
  await screenshot(page, 'money-ops-receivables');
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/signin/);

  // The customer: balance spent, history, the invoice partly paid with its credit note, both PDFs.
  await signIn(page, MONEY_CUSTOMER.email, MONEY_CUSTOMER.password);
  await expect(page.getByTestId('balance-amount-USD')).toHaveText('$0.00');
  await expect(page.getByTestId('ledger')).toContainText('WIRE-E2E-0923');
  await expect(page.getByTestId('ledger')).toContainText(invoiceNumber);
  await screenshot(page, 'money-customer-home');
  await page.getByRole('link', { name: 'Bills' }).click();
  const bill = page.getByRole('row', { name: new RegExp(invoiceNumber) });
  await expect(bill).toContainText('Partly paid');
  await expect(bill).toContainText('2026-12-08');
  await bill.getByRole('link', { name: invoiceNumber }).click();
  await expect(page.getByTestId('invoice-status')).toHaveText('Partly paid');
  await expect(page.getByTestId('credit-notes')).toContainText(cnNumber);
  await screenshot(page, 'money-customer-invoice');
  const invoicePdf = await downloadPdfText(page, () => page.getByRole('link', { name: 'Download PDF' }).click());
  expect(invoicePdf.name).toBe(`${invoiceNumber}.pdf`);
  expect(invoicePdf.text).toContain(invoiceNumber);
  expect(invoicePdf.text).toContain('Partly paid');
  const cnPdf = await downloadPdfText(page, () => page.getByTestId('credit-notes').getByRole('link', { name: 'PDF' }).click());
  expect(cnPdf.text).toContain(cnNumber);
  expect(cnPdf.text).toContain('-$12.00');

  // In Chinese.
  await page.getByLabel('Language').selectOption('zh');
  await expect(page.getByTestId('invoice-status')).toHaveText('部分付款');
  await expect(page.getByRole('heading', { name: '红字发票（贷项通知单）' })).toBeVisible();
  await screenshot(page, 'money-customer-invoice-zh');
  const invoicePdfZh = await downloadPdfText(page, () => page.getByRole('link', { name: '下载 PDF' }).click());
  expect(invoicePdfZh.text).toContain(invoiceNumber);
  expect(invoicePdfZh.text).toMatch(/账单/);
  expect(invoicePdfZh.text).toMatch(/部分付款/);
  const cnPdfZh = await downloadPdfText(page, () => page.getByTestId('credit-notes').getByRole('link', { name: 'PDF' }).click());
  expect(cnPdfZh.text).toMatch(/红字发票/);
  expect(cnPdfZh.text).toContain('Service outage on 2026-07-30');
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/portal');
  await expect(page.getByTestId('balance-amount-USD')).toBeVisible();
  await screenshot(page, 'money-customer-home-zh-mobile');
});
