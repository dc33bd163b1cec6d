import { expect, test } from '@playwright/test';
import { DEMO_ACCOUNTS } from '../prisma/seed/demo-users';
import { screenshot, signIn } from './fixtures';

test('[OPS][BILLING_RUN]: ops runs October 2026 billing, reviews an invoice, re-runs the month after a usage correction and issues it', async ({ page }) => {
  test.setTimeout(240_000);
  await signIn(page, 'ops@demo.test');
  await page.getByRole('link', { name: 'Billing runs' }).click();
  await expect(page.getByRole('heading', { name: 'Billing runs' })).toBeVisible();

  // November is not over (today is 2026-11-23): the latest month offered is October.
  await expect(page.getByLabel('Month', { exact: true })).toHaveAttribute('max', '2026-10');

  await page.getByLabel('Month', { exact: true }).fill('2026-10');
  await page.getByRole('button', { name: 'Run month' }).click();
  await expect(page).toHaveURL(/\/billing-runs\/\d+$/);
  await expect(page.getByRole('heading', { name: /Billing run #\d+ · 2026-10/ })).toBeVisible();
  await expect(page.getByRole('progressbar')).toBeVisible();
  await expect(page.getByText('Succeeded', { exact: true })).toBeVisible({ timeout: 180_000 });
  // Every account done (the demo's 200 and the phone journeys' own accounts).
  await expect(page.getByTestId('run-progress')).toContainText(/\b(\d+) \/ \1\b/);
  await expect(page.getByText('No account failed.')).toBeVisible();
  await screenshot(page, 'ops-billing-run-done');

  // The run is in the history.
  await page.getByRole('link', { name: 'Billing runs' }).first().click();
  await expect(page.getByRole('table').getByText('2026-10').first()).toBeVisible();
  await page.goBack();

  await page.getByRole('link', { name: 'Review invoices of 2026-10' }).click();
  await expect(page).toHaveURL(/\/invoices\?month=2026-10/);
  await expect(page.getByTestId('invoice-totals')).toContainText('Total CNY');
  await expect(page.getByTestId('invoice-totals')).toContainText('Total USD');
  await screenshot(page, 'ops-invoices-october');

  const account = DEMO_ACCOUNTS.currentCustomer.name;
  await page.getByRole('searchbox', { name: 'Search' }).fill(account);
  await page.getByRole('searchbox', { name: 'Search' }).press('Enter');
  await expect(page).toHaveURL(/q=Brightwave/);
  const row = page.getByRole('row', { name: new RegExp(account) });
  await expect(row).toHaveCount(1);
  await row.getByRole('link', { name: /^Draft #\d+$/ }).click();

  await expect(page.getByTestId('invoice-status')).toHaveText('Draft');
  await expect(page.getByText('Bill to')).toBeVisible();
  await expect(page.getByText(account).first()).toBeVisible();
  await expect(page.getByTestId('line-explain').first()).not.toBeEmpty();
  await expect(page.getByText('Planned issue date', { exact: true })).toBeVisible();
  await expect(page.getByText('2026-11-03', { exact: true })).toBeVisible();
  await expect(page.getByRole('figure', { name: /Monthly active users so far \(MAU\)/ }).first()).toBeVisible();
  await expect(page.getByTestId('invoice-total')).toContainText('$');
  await screenshot(page, 'ops-invoice-review');
  await expect(page.getByText(/^Out of date/)).toHaveCount(0);

  // Usage of October corrected after the run: the draft says it is out of date until a re-run replaces it.
  const draftUrl = page.url();
  const sdkAppId = (await page.getByText(/^Subtotal SDKAppID \d+$/).first().textContent())?.match(/\d+$/)?.[0] ?? '';
  expect(sdkAppId).toMatch(/^14\d{8}$/);
  await page.getByRole('link', { name: 'Usage' }).click();
  await page.getByLabel('CSV file').setInputFiles({ name: 'correction.csv', mimeType: 'text/csv', buffer: Buffer.from(`sdkAppId,date,mau\n${sdkAppId},2026-10-02,1\n`) });
  await expect(page.getByRole('status')).toContainText('correction.csv: 1 row, 2026-10-02, valid.');
  await expect(page.getByRole('status')).toContainText('1 draft invoice of these months will be out of date');
  await page.getByRole('button', { name: 'Import 1 row' }).click();
  await expect(page.getByText(/^Imported 1 row:/)).toBeVisible();
  await page.goto(draftUrl);
  await expect(page.getByText(/^Out of date/)).toBeVisible();
  await expect(page.getByText(/^1 usage row of the month recorded or replaced since/)).toBeVisible();
  await screenshot(page, 'ops-invoice-out-of-date');
  await page.getByRole('link', { name: 'Billing runs', exact: true }).last().click();
  await expect(page).toHaveURL(/\/billing-runs\?month=2026-10/);
  await page.getByLabel('Month', { exact: true }).fill('2026-10');
  await page.getByRole('button', { name: 'Run month' }).click();
  await expect(page).toHaveURL(/\/billing-runs\/\d+$/);
  await expect(page.getByText('Succeeded', { exact: true })).toBeVisible({ timeout: 180_000 });
  await page.getByRole('link', { name: 'Review invoices of 2026-10' }).click();
  await page.getByRole('searchbox', { name: 'Search' }).fill(account);
  await page.getByRole('searchbox', { name: 'Search' }).press('Enter');
  await expect(page).toHaveURL(/q=Brightwave/);
  await page.getByRole('row', { name: new RegExp(account) }).getByRole('link', { name: /^Draft #\d+$/ }).click();
  await expect(page.getByTestId('invoice-status')).toHaveText('Draft');
  await expect(page.getByText(/^Out of date/)).toHaveCount(0);

  await page.getByRole('button', { name: 'Issue', exact: true }).click();
  await page.getByRole('button', { name: 'Issue now' }).click();
  await expect(page.getByTestId('invoice-number')).toHaveText(/^INV-2026-\d{6}$/);
  await expect(page.getByTestId('invoice-status')).toHaveText('Issued');
  await expect(page.getByRole('button', { name: 'Record a payment' })).toBeVisible();
  await screenshot(page, 'ops-invoice-issued');
});
