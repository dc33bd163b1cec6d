import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { DEMO_ACCOUNTS } from '../prisma/seed/demo-users';
import { screenshot, signIn } from './fixtures';

const MONTH = '2026-10';

/**
 * As ops: October billed and Lumen Games' October invoice issued (whatever ran before), plus the
 * id of another account's invoice. Returns that id.
 */
async function issueLumenOctober(page: Page): Promise<{ otherInvoiceId: string }> {
  await signIn(page, 'ops@demo.test');
  await page.goto(`/invoices?month=${MONTH}&q=Lumen`);
  const lumen = page.getByRole('row', { name: new RegExp(DEMO_ACCOUNTS.legacyCustomer.name) });
  if ((await lumen.count()) === 0) {
    await page.goto('/billing-runs');
    await page.getByLabel('Month', { exact: true }).fill(MONTH);
    await page.getByRole('button', { name: 'Run month' }).click();
    await expect(page.getByText('Succeeded', { exact: true })).toBeVisible({ timeout: 180_000 });
    await page.goto(`/invoices?month=${MONTH}&q=Lumen`);
  }
  await expect(lumen).toHaveCount(1);
  await lumen.getByRole('link').first().click();
  if ((await page.getByTestId('invoice-status').textContent()) === 'Draft') {
    await page.getByRole('button', { name: 'Issue', exact: true }).click();
    await page.getByRole('button', { name: 'Issue now' }).click();
  }
  await expect(page.getByTestId('invoice-number')).toHaveText(/^INV-2026-\d{6}$/);
  await page.goto(`/invoices?month=${MONTH}&q=Brightwave`);
  const href = await page.getByRole('row', { name: /Brightwave/ }).getByRole('link').first().getAttribute('href');
  const otherInvoiceId = href?.split('/').pop();
  if (!otherInvoiceId) throw new Error('no invoice of another account');
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/signin/);
  return { otherInvoiceId };
}

test('[CUSTOMER][BILLS]: a customer reads their issued October bill, prints it and downloads it as CSV', async ({ page }) => {
  test.setTimeout(240_000);
  await issueLumenOctober(page);

  await signIn(page, 'customer@demo.test');
  await page.getByRole('link', { name: 'Bills' }).click();
  await expect(page.getByRole('heading', { name: 'Bills' })).toBeVisible();
  // The bill of that month (other bills may fall due in it).
  const row = page.getByRole('row', { name: /INV-2026-\d{6}/ }).filter({ has: page.getByRole('cell', { name: MONTH, exact: true }) });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('Issued');
  await expect(row).toContainText('¥');
  // Drafts never show: every row is issued, paid or void.
  await expect(page.getByText(/^Draft #/)).toHaveCount(0);
  await screenshot(page, 'customer-bills');

  await row.getByRole('link', { name: /INV-2026-\d{6}/ }).click();
  await expect(page).toHaveURL(/\/portal\/invoices\/\d+$/);
  await expect(page.getByTestId('invoice-status')).toHaveText('Issued');
  await expect(page.getByText('Messaging Cloud Ltd.', { exact: true })).toBeVisible();
  await expect(page.getByText(DEMO_ACCOUNTS.legacyCustomer.name).first()).toBeVisible();
  await expect(page.getByText('2026-10-01 – 2026-10-31').first()).toBeVisible();
  await expect(page.getByTestId('invoice-total')).toContainText('¥');
  await expect(page.getByRole('figure', { name: /Daily active users \(DAU\)/ }).first()).toBeVisible();
  await expect(page.getByRole('button', { name: 'Issue', exact: true })).toHaveCount(0);
  await screenshot(page, 'customer-bill');

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download CSV' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^INV-2026-\d{6}_2026-10\.csv$/);
  const csv = readFileSync((await download.path())!, 'utf8').replace(/^\uFEFF/, '');
  const lines = csv.trim().split('\r\n');
  expect(lines[0]).toBe('invoice,status,month,currency,sdkAppId,app,code,description,edition,addon,from,to,quantity,unitPrice,amount,explanation');
  expect(lines.at(-1)).toMatch(/,TOTAL,Total,/);
  expect(lines.length).toBeGreaterThan(2);

  // The printable layout: the console around the invoice is hidden.
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeHidden();
  await expect(page.getByRole('button', { name: 'Print / PDF' })).toBeHidden();
  await screenshot(page, 'customer-bill-print');
  await page.emulateMedia({ media: 'screen' });

  // In Chinese, money and labels follow the viewer's language.
  await page.getByLabel('Language').selectOption('zh');
  await expect(page.getByText('付款方')).toBeVisible();
  // The lines' explanations too: the same figures, in Chinese.
  await expect(page.getByTestId('line-explain').first()).toContainText('超出免费额度');
  await expect(page.getByTestId('line-explain').filter({ hasText: /prepaid in full|free ->|days$/ })).toHaveCount(0);
  await screenshot(page, 'customer-bill-zh');
  // Its CSV for a Chinese reader: descriptions and explanations rendered from the stored data.
  const [zhDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: '下载 CSV' }).click()]);
  const zhRows = readFileSync((await zhDownload.path())!, 'utf8').replace(/^\uFEFF/, '').trim().split('\r\n').slice(1, -1);
  expect(zhRows.length).toBeGreaterThan(0);
  for (const row of zhRows) {
    const cells = csvCells(row);
    // description and explanation; figures, dates and the units MAU, DAU and Mbps stay as they are.
    expect(`${cells[7]} ${cells[15]}`.replace(/MAU|DAU|Mbps/g, ''), row).not.toMatch(/[A-Za-z]/);
  }
  await page.getByLabel('语言').selectOption('en');
});

test('[CUSTOMER][BILLS]: a customer typing another account’s invoice URL gets a 404, never the data', async ({ page }) => {
  test.setTimeout(240_000);
  const { otherInvoiceId } = await issueLumenOctober(page);
  await signIn(page, 'customer@demo.test');
  const response = await page.goto(`/portal/invoices/${otherInvoiceId}`);
  expect(response?.status()).toBe(404);
  await expect(page.getByText(DEMO_ACCOUNTS.currentCustomer.name)).toHaveCount(0);
  await screenshot(page, 'customer-other-invoice-404');
  const csv = await page.request.get(`/portal/invoices/${otherInvoiceId}/csv`);
  expect(csv.status()).toBe(404);
  // The console's invoice pages are not for customers at all.
  expect((await page.goto(`/invoices/${otherInvoiceId}`))?.status()).toBe(403);
  expect((await page.request.get(`/invoices/${otherInvoiceId}/csv`)).status()).toBe(403);
});

/** One CSV row's cells (RFC 4180 quoting). */
function csvCells(row: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < row.length; i++) {
    const c = row[i]!;
    if (quoted) {
      if (c === '"' && row[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      cells.push(cell);
      cell = '';
    } else cell += c;
  }
  cells.push(cell);
  return cells;
}
